package io.clawmetry.http;

import java.util.regex.Pattern;

/**
 * Validation of ids taken from a URL (session keys, session ids, cron job ids, agent ids): letters, digits and
 * {@code . _ : @ + = , -}, at most 512 characters, never {@code ..}. Anything else is a 400.
 */
final class Ids {

  private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}._:@+=,\\-]{1,512}");

  private Ids() {}

  /** Whether {@code id} is acceptable. */
  static boolean valid(String id) {
    return id != null && ID.matcher(id).matches() && !id.contains("..");
  }

  /** {@code id}, or a 400. */
  static String require(String id, String what) {
    if (!valid(id)) {
      throw HttpFailure.badRequest("bad " + what);
    }
    return id;
  }
}
