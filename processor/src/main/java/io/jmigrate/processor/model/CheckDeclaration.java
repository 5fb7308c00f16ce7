package io.jmigrate.processor.model;

import io.jmigrate.schema.Names;
import java.util.List;

/**
 * A table-level check constraint.
 *
 * @param expression the SQL expression, as written
 * @param name the given name; empty for the default {@code ck_<table>_<n>}
 * @param position where the check is among the table's checks, from 1 (the default name counts them)
 * @param origin the check's annotation; properties {@code value}, {@code name}
 */
public record CheckDeclaration(String expression, String name, int position, Origin origin) {

  /** The check's name in {@code table}: the given one, else {@code ck_<table>_<position>}. */
  public String nameIn(String table) {
    return name.isEmpty() ? Names.constraintName("ck", table, List.of(String.valueOf(position))) : name;
  }
}
