package io.clawmetry.core.pricing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a model id as OpenClaw records it ({@code anthropic/claude-sonnet-4-5-20250929}, {@code openrouter/x/y},
 * {@code gemini-2.5-pro@001}) is turned into keys to look up in a price table. Deliberately no loose prefix matching:
 * {@code claude-opus-4-5} must never be priced as {@code claude-opus-4}. {@link #normalise} maps Anthropic's aliases
 * ({@code claude-sonnet-4-0}, {@code claude-3-7-sonnet-latest}) and the dated keys they stand for to one name.
 */
final class ModelNames {

  /** OpenClaw provider ids whose price-table name differs. */
  static final Map<String, String> PROVIDER_ALIASES =
      Map.of(
          "google", "gemini",
          "google-gemini-cli", "gemini",
          "google-vertex", "vertex_ai",
          "openai-codex", "openai",
          "amazon-bedrock", "bedrock",
          "azure-openai", "azure",
          "anthropic-vertex", "vertex_ai",
          "x-ai", "xai",
          "moonshotai", "moonshot");

  private static final Pattern DATE_SUFFIX = Pattern.compile("(-\\d{8}|-\\d{4}-\\d{2}-\\d{2}|@\\d+|@latest|:\\d+)$");
  private static final Pattern BENIGN_SUFFIX = Pattern.compile("-(latest|thinking)$");

  /** A trailing {@code -0} after a version number: Anthropic's {@code claude-opus-4-0} is {@code claude-opus-4}. */
  private static final Pattern ZERO_MINOR = Pattern.compile("(-\\d+)-0$");

  private ModelNames() {}

  /** Candidate keys, most specific first. */
  static List<String> candidates(String provider, String model) {
    Set<String> out = new LinkedHashSet<>();
    String p = provider == null ? null : provider.toLowerCase(Locale.ROOT).strip();
    String alias = p == null ? null : PROVIDER_ALIASES.getOrDefault(p, p);
    for (String m : modelForms(model)) {
      if (p != null) {
        out.add(p + "/" + m);
        out.add(alias + "/" + m);
      }
      out.add(m);
    }
    return new ArrayList<>(out);
  }

  /**
   * {@link #normalise Normalised} candidate keys, most specific first: {@link #candidates}' keys, each with its date
   * suffixes, {@code -latest} and a trailing {@code -0} removed.
   */
  static List<String> normalisedCandidates(String provider, String model) {
    Set<String> out = new LinkedHashSet<>();
    for (String c : candidates(provider, model)) {
      out.add(normalise(c));
    }
    return new ArrayList<>(out);
  }

  /** The model id, lower-cased, then with leading path segments and version suffixes removed step by step. */
  private static List<String> modelForms(String model) {
    List<String> forms = new ArrayList<>();
    String m = model.toLowerCase(Locale.ROOT).strip();
    forms.add(m);
    String tail = m;
    int slash;
    while ((slash = tail.indexOf('/')) >= 0) {
      tail = tail.substring(slash + 1);
      forms.add(tail);
    }
    List<String> stripped = new ArrayList<>();
    for (String f : forms) {
      String s = f;
      for (int i = 0; i < 3; i++) {
        String next = BENIGN_SUFFIX.matcher(DATE_SUFFIX.matcher(s).replaceAll("")).replaceAll("");
        if (next.equals(s)) {
          break;
        }
        s = next;
      }
      if (!s.equals(f) && !s.isEmpty()) {
        stripped.add(s);
      }
    }
    forms.addAll(stripped);
    return forms;
  }

  /**
   * A model id or price-table key with its date suffixes ({@code -YYYYMMDD}, {@code @YYYYMMDD}, {@code -YYYY-MM-DD}),
   * {@code -latest} (and the suffixes {@link #candidates} strips) and a trailing {@code -0} after a version number
   * removed, lower-cased; leading path segments are kept. {@code claude-opus-4-0} and {@code claude-opus-4-20250514}
   * are both {@code claude-opus-4}; {@code claude-opus-4-1-20250805} is {@code claude-opus-4-1}.
   */
  static String normalise(String key) {
    String s = key.toLowerCase(Locale.ROOT).strip();
    for (int i = 0; i < 4; i++) {
      String next =
          ZERO_MINOR
              .matcher(BENIGN_SUFFIX.matcher(DATE_SUFFIX.matcher(s).replaceAll("")).replaceAll(""))
              .replaceAll("$1");
      if (next.equals(s) || next.isEmpty()) {
        break;
      }
      s = next;
    }
    return s;
  }
}
