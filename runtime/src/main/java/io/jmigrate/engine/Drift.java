package io.jmigrate.engine;

import java.util.List;

/**
 * How a live database differs from the schema its applied migrations should have produced.
 * {@code renames} are the statements that fix the differences that are only a constraint's name
 * (one per such difference): a key that later migrations address by name, present under another.
 */
public record Drift(int version, List<String> differences, List<String> renames) {
  public Drift {
    differences = List.copyOf(differences);
    renames = List.copyOf(renames);
  }

  public Drift(int version, List<String> differences) {
    this(version, differences, List.of());
  }

  public boolean isEmpty() {
    return differences.isEmpty();
  }

  /** Whether every difference is a constraint name, so that running {@link #renames} makes the database match. */
  public boolean onlyNames() {
    return !differences.isEmpty() && differences.size() == renames.size();
  }

  @Override
  public String toString() {
    if (differences.isEmpty()) {
      return "no drift: the database matches version " + version + "\n";
    }
    StringBuilder s = new StringBuilder("the database differs from version " + version + ":\n");
    differences.forEach(d -> s.append("  - ").append(d).append('\n'));
    if (!renames.isEmpty()) {
      s.append("These statements give the constraints the names the migrations use (renaming a constraint"
          + " changes only the catalog: no row is touched):\n");
      renames.forEach(r -> s.append("  ").append(r).append(";\n"));
    }
    return s.toString();
  }
}
