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
 * @param enumType the PostgreSQL enum type an enum is stored as ({@link ColumnType#ENUM}), whose labels
 *     are {@code enumConstants}; null when stored as text
 * @param sqlType the SQL type, as written, of a field stored as a type jmigrate does not model
 *     ({@link ColumnType#NATIVE}, {@code @Column(sqlType)}); null for the others
 */
public record JavaType(String name, ColumnType columnType, boolean primitive, String boxName, List<String> enumConstants,
    String enumType, String sqlType) {
  public JavaType {
    enumConstants = enumConstants == null ? null : List.copyOf(enumConstants);
  }

  public JavaType(String name, ColumnType columnType, boolean primitive, String boxName, List<String> enumConstants,
      String enumType) {
    this(name, columnType, primitive, boxName, enumConstants, enumType, null);
  }

  /** This field stored as the SQL type {@code sql}, as written, whatever its Java type ({@code @Column(sqlType)}). */
  public JavaType asSqlType(String sql) {
    return new JavaType(name, ColumnType.NATIVE, primitive, boxName, null, null, sql);
  }

  public JavaType(String name, ColumnType columnType, boolean primitive, String boxName, List<String> enumConstants) {
    this(name, columnType, primitive, boxName, enumConstants, null);
  }

  /**
   * This Java enum stored as the named PostgreSQL enum type, its constants the labels; any other type
   * becomes an unsupported type whose name says why ({@code what}: the annotation that asked).
   */
  public JavaType asEnumType(String typeName, String what) {
    if (enumConstants == null || enumConstants.isEmpty()) {
      return new JavaType(name + " (" + what + " applies to enum fields only)", null, primitive, boxName, null);
    }
    return new JavaType(name, ColumnType.ENUM, primitive, boxName, enumConstants, typeName);
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
