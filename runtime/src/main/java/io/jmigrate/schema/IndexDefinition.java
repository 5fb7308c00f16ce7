package io.jmigrate.schema;

import java.util.List;
import java.util.Objects;

/** An index of one table, always named so that it can be dropped later on every dialect. */
public record IndexDefinition(String name, List<String> columns, boolean unique) {
  public IndexDefinition {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("index " + name + " has no columns");
    }
  }

  public static IndexDefinition of(String name, String... columns) {
    return new IndexDefinition(name, List.of(columns), false);
  }

  public static IndexDefinition unique(String name, String... columns) {
    return new IndexDefinition(name, List.of(columns), true);
  }

  /** The same index on a renamed column. */
  IndexDefinition renameColumn(String from, String to) {
    return new IndexDefinition(name, Names.replace(columns, from, to), unique);
  }

  @Override
  public String toString() {
    return (unique ? "unique index " : "index ") + name + " (" + String.join(", ", columns) + ")";
  }
}
