package io.jmigrate.engine;

import java.util.List;

/** How a live database differs from the schema its applied migrations should have produced. */
public record Drift(int version, List<String> differences) {
  public Drift {
    differences = List.copyOf(differences);
  }

  public boolean isEmpty() {
    return differences.isEmpty();
  }

  @Override
  public String toString() {
    if (differences.isEmpty()) {
      return "no drift: the database matches version " + version + "\n";
    }
    StringBuilder s = new StringBuilder("the database differs from version " + version + ":\n");
    differences.forEach(d -> s.append("  - ").append(d).append('\n'));
    return s.toString();
  }
}
