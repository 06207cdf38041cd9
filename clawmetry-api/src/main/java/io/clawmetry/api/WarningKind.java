package io.clawmetry.api;

/** Categories of {@link Warning}. */
public enum WarningKind {
  /** Lines that are not valid JSON objects. */
  MALFORMED_LINE,
  /**
   * A transcript's last line without a newline that is not complete JSON (yet): it is read once it is complete (a last
   * line that is complete JSON is read without its newline).
   */
  INCOMPLETE_LINE,
  /** Bytes that are not valid UTF-8. */
  INVALID_UTF8,
  /** A line longer than the reader accepts. */
  LINE_TOO_LONG,
  /** A file or directory that cannot be read. */
  UNREADABLE,
  /** A database that is locked, corrupt or of an unknown schema. */
  DATABASE,
  /** A schema version or table layout this release does not know; read what could be read. */
  UNKNOWN_SCHEMA,
  /** A compressed archive that could not be decoded. */
  BAD_ARCHIVE,
  /** The configuration could not be parsed or resolved. */
  CONFIG,
  /** A symbolic link loop or path escape; also a cycle of parent links in the sub-agent lineage. */
  PATH,
  /** Something expected that is not there (also a sub-agent's parent that no session index lists). */
  MISSING,
  /**
   * A number no model call can have: a token count that is negative, fractional, above 10^12 or not a number at all
   * (a string; counted as 0, a total as not given), a recorded cost above $1,000,000 (not used: the call's cost is
   * estimated). The call itself is still counted.
   */
  IMPLAUSIBLE_VALUE
}
