package io.clawmetry.cli;

import io.clawmetry.api.Warning;
import java.io.PrintWriter;
import java.util.List;

/** Shared pieces of text output. */
final class Output {
  private Output() {}

  /** Prints a "Warnings" section (nothing when there are none). */
  static void warnings(PrintWriter out, List<Warning> warnings) {
    if (warnings.isEmpty()) {
      return;
    }
    out.println();
    out.println("Warnings (" + warnings.size() + ")");
    for (Warning w : warnings) {
      StringBuilder b = new StringBuilder("  - ").append(w.kind()).append(' ').append(w.source());
      if (w.count() > 1 || !w.firstPosition().isEmpty()) {
        b.append(" (").append(w.count()).append(w.count() == 1 ? " time" : " times");
        if (!w.firstPosition().isEmpty()) {
          b.append(", first at ").append(w.firstPosition());
        }
        b.append(')');
      }
      b.append(": ").append(w.message());
      out.println(TextTable.sanitize(b.toString()));
    }
  }
}
