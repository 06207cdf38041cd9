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

  /** Every command and sub-subcommand answers -h, --help and `clawmetry help X` with its own usage, exit 0. */
  @Test
  void everyCommandHasItsOwnHelp() {
    for (String name : RootCommand.SUBCOMMANDS.keySet()) {
      for (String[] args : List.of(new String[] {name, "--help"}, new String[] {name, "-h"}, new String[] {"help", name},
          new String[] {"--home", tmp.toString(), name, "--help"})) {
        CliRun r = CliRun.run(tmp, args);
        String what = String.join(" ", args);
        assertEquals(Main.OK, r.exitCode, what + ": " + r.err);
        assertTrue(r.out.startsWith("Usage: clawmetry " + name + " "), what + ":\n" + r.out);
        assertEquals("", r.err, what);
      }
    }
    for (String[] args : List.of(new String[] {"crons", "runs", "--help"}, new String[] {"crons", "enable", "-h"},
        new String[] {"gateway", "status", "--help"}, new String[] {"crons", "help", "add"})) {
      CliRun r = CliRun.run(tmp, args);
      assertEquals(Main.OK, r.exitCode, String.join(" ", args) + ": " + r.err);
      String expected = "Usage: clawmetry " + args[0] + " " + (args[1].equals("help") ? args[2] : args[1]) + " ";
      assertTrue(r.out.startsWith(expected), String.join(" ", args) + ":\n" + r.out);
    }
  }

  /** A subcommand's own usage error points at its own help, and that help exists. */
  @Test
  void aSubcommandUsageErrorPointsAtAHelpThatWorks() {
    CliRun bad = CliRun.run(tmp, "usage", "--no-such-option");
    assertEquals(Main.USAGE, bad.exitCode);
    assertTrue(bad.err.contains("Try 'clawmetry usage --help' for more information."), bad.err);
    CliRun help = CliRun.run(tmp, "usage", "--help");
    assertEquals(Main.OK, help.exitCode, help.err);
    assertTrue(help.out.contains("--csv"), help.out);
  }
}
