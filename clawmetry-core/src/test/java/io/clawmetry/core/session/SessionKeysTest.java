package io.clawmetry.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.clawmetry.api.SessionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every production of the session-key grammar (FORMATS §5), with the classification order. */
class SessionKeysTest {

  private final SessionKeys keys = SessionKeys.defaults();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      # key                                                        | kind      | agent   | depth | cron job
      global                                                         | MAIN      | dflt    | 0     | -
      agent:main:main                                                | MAIN      | main    | 0     | -
      agent:Ops:MAIN                                                 | MAIN      | ops     | 0     | -
      main                                                           | MAIN      | dflt    | 0     | -
      agent:main:direct:+4915112345                                  | DIRECT    | main    | 0     | -
      agent:main:telegram:direct:1061043652                          | DIRECT    | main    | 0     | -
      agent:main:telegram:work:direct:1061043652                     | DIRECT    | main    | 0     | -
      agent:main:telegram:group:-1001234                             | GROUP     | main    | 0     | -
      agent:main:telegram:group:-1001234:thread:77                   | GROUP     | main    | 0     | -
      agent:main:discord:channel:998877                              | CHANNEL   | main    | 0     | -
      agent:main:discord:channel:998877:thread:55                    | CHANNEL   | main    | 0     | -
      agent:main:slack:acct1:channel:c01                             | CHANNEL   | main    | 0     | -
      agent:work:subagent:a209dce7-9246-4419-a043-f9eaf02dad25       | SUBAGENT  | work    | 1     | -
      agent:main:subagent:aaa:subagent:bbb                           | SUBAGENT  | main    | 2     | -
      agent:main:cron:73e9eb0b-fe71-4e50-9141-5ebe8f038852           | CRON      | main    | 0     | 73e9eb0b-fe71-4e50-9141-5ebe8f038852
      agent:main:cron:44819451-6288:run:e4008982-26e2                | CRON_RUN  | main    | 0     | 44819451-6288
      agent:main:cron:Daily-Job                                      | CRON      | main    | 0     | Daily-Job
      agent:main:heartbeat                                           | HEARTBEAT | main    | 0     | -
      agent:main:telegram:group:-100:heartbeat                       | HEARTBEAT | main    | 0     | -
      agent:main:openresponses-user:52g53d6e                         | OTHER     | main    | 0     | -
      agent:main:tui-0f8e2a1b-1111-2222-3333-444455556666            | OTHER     | main    | 0     | -
      agent:main:explicit:model-run-0f8e2a1b                         | OTHER     | main    | 0     | -
      agent:main:hook:0f8e2a1b                                       | OTHER     | main    | 0     | -
      agent:main:lab-one                                             | OTHER     | main    | 0     | -
      agent:main:global                                              | OTHER     | main    | 0     | -
      telegram:group:-1001234                                        | GROUP     | dflt    | 0     | -
      group:-1001234                                                 | GROUP     | dflt    | 0     | -
      whatsapp:direct:+49151                                         | DIRECT    | dflt    | 0     | -
      cron:abc                                                       | CRON      | dflt    | 0     | abc
      subagent:xyz                                                   | SUBAGENT  | dflt    | 1     | -
      agent:main:group                                               | OTHER     | main    | 0     | -
      """)
  void classifiesEveryProduction(String key, SessionKind kind, String agent, int depth, String cronJob) {
    assertEquals(kind, keys.kindOf(key), "kind of " + key);
    assertEquals(agent, SessionKeys.agentIdOf(key, "dflt"), "agent of " + key);
    assertEquals(depth, SessionKeys.depthOf(key, null), "depth of " + key);
    assertEquals(cronJob, SessionKeys.cronJobIdOf(key), "cron job of " + key);
  }

  @Test
  void lineageMakesASubagentBeforeAnythingElse() {
    assertEquals(SessionKind.SUBAGENT, keys.kindOf("agent:main:cron:x", "agent:main:main", null, null));
    assertEquals(SessionKind.SUBAGENT, keys.kindOf("agent:main:lab", null, "agent:main:main", null));
    assertEquals(SessionKind.SUBAGENT, keys.kindOf("agent:main:lab", null, null, 2));
    assertEquals(SessionKind.OTHER, keys.kindOf("agent:main:lab", " ", null, 0));
    assertEquals(3, SessionKeys.depthOf("agent:main:subagent:x", 3), "spawnDepth wins over the key count");
  }

  @Test
  void cronRunSessionIdIsTheTailAfterRun() {
    assertEquals("e4008982-26e2", SessionKeys.cronRunSessionIdOf("agent:main:cron:44819451-6288:run:e4008982-26e2"));
    assertNull(SessionKeys.cronRunSessionIdOf("agent:main:cron:44819451-6288"));
    assertNull(SessionKeys.cronRunSessionIdOf("agent:main:main"));
    assertNull(SessionKeys.cronJobIdOf("agent:main:main"));
  }

  @Test
  void mainKeyIsConfigurable() {
    SessionKeys custom = new SessionKeys("Home");
    assertEquals("home", custom.mainKey());
    assertEquals(SessionKind.MAIN, custom.kindOf("agent:main:home"));
    assertEquals(SessionKind.OTHER, custom.kindOf("agent:main:main"));
    assertEquals(SessionKind.MAIN, custom.kindOf("global"));
    assertEquals(SessionKind.MAIN, new SessionKeys(" ").kindOf("agent:x:main"));
  }
}
