package io.clawmetry.api;

/** The role of a transcript message. */
public enum MessageRole {
  USER,
  ASSISTANT,
  TOOL_RESULT,
  /** Injected context ({@code custom}, v2 {@code hookMessage}). */
  CUSTOM,
  BASH_EXECUTION,
  BRANCH_SUMMARY,
  COMPACTION_SUMMARY,
  /** A role this release does not know. */
  OTHER
}
