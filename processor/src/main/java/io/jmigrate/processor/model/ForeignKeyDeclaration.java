package io.jmigrate.processor.model;

import io.jmigrate.schema.Names;
import io.jmigrate.schema.ReferentialAction;

/**
 * A field's reference to another model.
 *
 * @param targetClass the referenced type's qualified name; null when the source's value is not a type
 * @param targetSimpleName its simple name, for messages ({@code ?} when unknown)
 * @param targetIsTable whether the referenced type says it is a table
 * @param column the referenced column; empty for the target's single-column primary key
 * @param name the constraint name the source gives (kept from an adopted database); empty for
 *     jmigrate's {@code fk_<table>_<column>}
 */
public record ForeignKeyDeclaration(String targetClass, String targetSimpleName, boolean targetIsTable, String column,
    ReferentialAction onDelete, ReferentialAction onUpdate, String name) {

  public ForeignKeyDeclaration {
    name = name == null ? "" : name;
  }

  /** A reference whose constraint gets jmigrate's name. */
  public ForeignKeyDeclaration(String targetClass, String targetSimpleName, boolean targetIsTable, String column,
      ReferentialAction onDelete, ReferentialAction onUpdate) {
    this(targetClass, targetSimpleName, targetIsTable, column, onDelete, onUpdate, "");
  }

  /** The constraint's name on {@code column} of {@code table}: the given one, else {@code fk_<table>_<column>}. */
  public String nameIn(String table, String column) {
    return name.isEmpty() ? Names.constraintName("fk", table, java.util.List.of(column)) : name;
  }
}
