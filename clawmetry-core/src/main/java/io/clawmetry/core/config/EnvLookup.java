package io.clawmetry.core.config;

import io.clawmetry.core.discovery.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Environment variables as OpenClaw sees them: the process environment first, then {@code .env} in the working
 * directory, then {@code <stateDir>/.env}, then {@code openclaw.json env.vars}; a later layer never overrides a set
 * variable (an empty value counts as unset, as in OpenClaw's substitution). Values may be secrets: never print them.
 */
public final class EnvLookup {

  /** One named layer of variables. */
  private record Layer(String origin, Map<String, String> vars) {}

  private final Environment environment;
  private final List<Layer> layers;

  private EnvLookup(Environment environment, List<Layer> layers) {
    this.environment = environment;
    this.layers = List.copyOf(layers);
  }

  /** Only the process environment. */
  public static EnvLookup of(Environment environment) {
    return new EnvLookup(environment, List.of());
  }

  /** A lookup with one more, lower-priority layer. */
  public EnvLookup withLayer(String origin, Map<String, String> vars) {
    List<Layer> next = new ArrayList<>(layers);
    next.add(new Layer(origin, Map.copyOf(vars)));
    return new EnvLookup(environment, next);
  }

  /** The value of a variable, or null when no layer sets it to a non-empty value. */
  public String get(String name) {
    String v = environment.get(name);
    if (v != null && !v.isEmpty()) {
      return v;
    }
    for (Layer l : layers) {
      String lv = l.vars().get(name);
      if (lv != null && !lv.isEmpty()) {
        return lv;
      }
    }
    return null;
  }

  /**
   * Where a variable's value comes from: {@code "env NAME"}, {@code "NAME from /path/.env"}, {@code "NAME from
   * openclaw.json env.vars"}; null when unset.
   */
  public String origin(String name) {
    String v = environment.get(name);
    if (v != null && !v.isEmpty()) {
      return "env " + name;
    }
    for (Layer l : layers) {
      String lv = l.vars().get(name);
      if (lv != null && !lv.isEmpty()) {
        return name + " from " + l.origin();
      }
    }
    return null;
  }
}
