package io.clawmetry.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Turns a Jackson parse error into a position and a message that cannot leak a secret: quoted fragments of the
 * input (which could be part of a token) are replaced by an ellipsis.
 */
final class JsonParseProblem {

  private JsonParseProblem() {}

  /** {@code "line L, column C"}, or empty when unknown. */
  static String position(JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    if (loc == null || loc.getLineNr() < 0) {
      return "";
    }
    return "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
  }

  /** The parser's explanation with input fragments removed. */
  static String message(JsonProcessingException e) {
    String m = String.valueOf(e.getOriginalMessage());
    int nl = m.indexOf('\n');
    if (nl >= 0) {
      m = m.substring(0, nl);
    }
    return m.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"");
  }
}
