package io.jmigrate.processor.model;

import io.jmigrate.schema.Names;
import java.util.List;

/**
 * A table-level index.
 *
 * @param columns column names (as in the database), in index order
 * @param name the given name; empty for the default {@code ix_…}/{@code ux_…}
 * @param origin the index's annotation; properties {@code columns[i]}, {@code name}
 */
public record IndexDeclaration(List<String> columns, boolean unique, String name, Origin origin) {
  public IndexDeclaration {
    columns = List.copyOf(columns);
  }

  /** The index's name in {@code table}: the given one, else jmigrate's {@code ix_<table>_<columns>} ({@code ux_…} when unique). */
  public String nameIn(String table) {
    return name.isEmpty() ? Names.constraintName(unique ? "ux" : "ix", table, columns) : name;
  }

  /** The name of the unique index that {@code @Column(unique = true)} puts on one column. */
  public static String uniqueColumnIndexName(String table, String column) {
    return Names.constraintName("ux", table, List.of(column));
  }
}
