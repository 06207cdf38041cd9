package io.clawmetry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/** The subcommands Main registers: all for help and errors, only the named one otherwise. */
class RootCommandTest {

  @TempDir Path tmp;

  @Test
  void everySubcommandIsListedUnderItsOwnName() {
    for (Map.Entry<String, Class<?>> e : RootCommand.SUBCOMMANDS.entrySet()) {
      assertEquals(e.getKey(), e.getValue().getAnnotation(Command.class).name());
    }
  }

  @Test
  void aNamedCommandGetsOnlyItselfHelpAndErrorsGetAll() {
    List<Class<?>> all = List.copyOf(RootCommand.SUBCOMMANDS.values());
    assertEquals(List.of(UsageCommand.class), RootCommand.subcommandsFor(new String[] {"usage", "daily"}));
    assertEquals(List.of(SessionsCommand.class), RootCommand.subcommandsFor(new String[] {"--home", "x", "sessions"}));
    assertEquals(List.of(CronsCommand.class), RootCommand.subcommandsFor(new String[] {"--home=x", "crons", "runs"}));
    assertEquals(List.of(), RootCommand.subcommandsFor(new String[] {"--version"}));
    assertEquals(all, RootCommand.subcommandsFor(new String[] {}));
    assertEquals(all, RootCommand.subcommandsFor(new String[] {"--help"}));
    assertEquals(all, RootCommand.subcommandsFor(new String[] {"usgae"}));
    assertEquals(all, RootCommand.subcommandsFor(new String[] {"--home"}));
  }

  @Test
  void helpListsEveryCommandAndAMistypedOneIsAUsageError() {
    CliRun help = CliRun.run(tmp, "--help");
    for (String name : RootCommand.SUBCOMMANDS.keySet()) {
      assertTrue(help.out.contains("  " + name + " "), name + " in\n" + help.out);
    }
    CliRun typo = CliRun.run(tmp, "usgae");
    assertEquals(Main.USAGE, typo.exitCode);
    assertTrue(typo.err.startsWith("clawmetry: Unmatched argument at index 0: 'usgae'"), typo.err);
  }
}
