package io.jmigrate.schema;

import java.util.List;
import java.util.Objects;

/** An index of one table, always named so that it can be dropped later on every dialect. */
public record Index(String name, List<String> columns, boolean unique) {
  public Index {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("index " + name + " has no columns");
    }
  }

  public static Index of(String name, String... columns) {
    return new Index(name, List.of(columns), false);
  }

  public static Index unique(String name, String... columns) {
    return new Index(name, List.of(columns), true);
  }

  /** The same index on a renamed column. */
  Index renameColumn(String from, String to) {
    return new Index(name, Names.replace(columns, from, to), unique);
  }

  @Override
  public String toString() {
    return (unique ? "unique index " : "index ") + name + " (" + String.join(", ", columns) + ")";
  }
}
