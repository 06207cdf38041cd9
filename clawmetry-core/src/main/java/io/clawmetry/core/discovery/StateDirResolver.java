package io.clawmetry.core.discovery;

import io.clawmetry.api.Resolved;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Resolves the user home, the profile, the state dir and the config path as OpenClaw does ({@code src/config/paths.ts},
 * {@code src/infra/home-dir.ts}, {@code src/cli/profile.ts}).
 */
final class StateDirResolver {

  /** Legacy state dir names, newest first; {@code .clawdis} is the E0 name. */
  static final List<String> LEGACY_STATE_DIRS = List.of(".clawdbot", ".moltbot", ".moldbot", ".clawdis");

  /** Config file names in a state dir, in OpenClaw's order. */
  static final List<String> CONFIG_NAMES = List.of("openclaw.json", "clawdbot.json", "moltbot.json", "moldbot.json");

  private final Environment env;

  StateDirResolver(Environment env) {
    this.env = env;
  }

  /** Home = {@code OPENCLAW_HOME} → {@code HOME} → {@code USERPROFILE} → the OS home, tilde-expanded. */
  Resolved home() {
    Path os = env.userHome().toAbsolutePath().normalize();
    Path plain = os;
    String plainOrigin = "OS user home";
    for (String name : List.of("HOME", "USERPROFILE")) {
      Path p = UserPaths.expand(env.get(name), os, os);
      if (p != null) {
        plain = p;
        plainOrigin = "env " + name;
        break;
      }
    }
    Path openclawHome = UserPaths.expand(env.get("OPENCLAW_HOME"), plain, plain);
    if (openclawHome != null) {
      return new Resolved(openclawHome.toString(), "env OPENCLAW_HOME");
    }
    return new Resolved(plain.toString(), plainOrigin);
  }

  /** {@code OPENCLAW_PROFILE}, null when unset, blank or {@code default}. */
  String profile() {
    String p = env.get("OPENCLAW_PROFILE");
    if (p == null || p.isBlank() || p.strip().toLowerCase(Locale.ROOT).equals("default")) {
      return null;
    }
    return p.strip();
  }

  /**
   * State dir: the override (CLI {@code --home}) → {@code OPENCLAW_STATE_DIR} → {@code CLAWDBOT_STATE_DIR} (2026.1.x)
   * → the profile dir {@code ~/.openclaw-<p>} → {@code ~/.openclaw} if it exists → the first existing legacy dir →
   * {@code ~/.openclaw}.
   */
  Resolved stateDir(Path override, Path home, String profile) {
    if (override != null) {
      return new Resolved(UserPaths.expand(override.toString(), home, home).toString(), "--home");
    }
    for (String name : List.of("OPENCLAW_STATE_DIR", "CLAWDBOT_STATE_DIR")) {
      Path p = UserPaths.expand(env.get(name), home, home);
      if (p != null) {
        return new Resolved(p.toString(), "env " + name);
      }
    }
    if (profile != null) {
      return new Resolved(home.resolve(".openclaw-" + profile).toString(), "env OPENCLAW_PROFILE");
    }
    Path current = home.resolve(".openclaw");
    if (Files.isDirectory(current)) {
      return new Resolved(current.toString(), "~/.openclaw (exists)");
    }
    for (String legacy : LEGACY_STATE_DIRS) {
      Path p = home.resolve(legacy);
      if (Files.isDirectory(p)) {
        return new Resolved(p.toString(), "legacy ~/" + legacy + " (exists)");
      }
    }
    return new Resolved(current.toString(), "default ~/.openclaw (not found)");
  }

  /**
   * Config path: {@code OPENCLAW_CONFIG_PATH} → the first existing of {@code openclaw.json}, {@code clawdbot.json},
   * {@code moltbot.json}, {@code moldbot.json} in the state dir → {@code <stateDir>/openclaw.json}.
   */
  Resolved configPath(Path stateDir, Path home) {
    Path explicit = UserPaths.expand(env.get("OPENCLAW_CONFIG_PATH"), home, home);
    if (explicit != null) {
      return new Resolved(explicit.toString(), "env OPENCLAW_CONFIG_PATH");
    }
    for (String name : CONFIG_NAMES) {
      Path p = stateDir.resolve(name);
      if (Files.isRegularFile(p)) {
        return new Resolved(p.toString(), "<stateDir>/" + name + " (exists)");
      }
    }
    return new Resolved(stateDir.resolve("openclaw.json").toString(), "default <stateDir>/openclaw.json");
  }
}
