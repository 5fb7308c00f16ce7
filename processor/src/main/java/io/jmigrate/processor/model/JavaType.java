package io.jmigrate.processor.model;

import io.jmigrate.schema.ColumnType;
import java.util.List;

/**
 * A field's Java type as far as the schema cares.
 *
 * @param name as the source spells it, for messages ({@code int}, {@code java.util.List<java.lang.String>})
 * @param columnType the column type it maps to; null when no supported type does
 * @param primitive a primitive, which cannot hold NULL
 * @param boxName the box of a primitive ({@code Integer}), else {@code name}
 * @param enumConstants an enum's constants in order; null for other types
 */
public record JavaType(String name, ColumnType columnType, boolean primitive, String boxName, List<String> enumConstants) {
  public JavaType {
    enumConstants = enumConstants == null ? null : List.copyOf(enumConstants);
  }

  /** A supported reference type (not primitive, not an enum). */
  public static JavaType of(String name, ColumnType columnType) {
    return new JavaType(name, columnType, false, name, null);
  }

  /** A primitive type and its box. */
  public static JavaType primitive(String name, ColumnType columnType, String boxName) {
    return new JavaType(name, columnType, true, boxName, null);
  }

  @Override
  public String toString() {
    return name;
  }
}
