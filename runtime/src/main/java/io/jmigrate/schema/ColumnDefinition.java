package io.jmigrate.schema;

import java.util.Objects;

/**
 * One column: a small immutable value. The one-argument methods return a changed copy, so a
 * migration reads {@code column("email", STRING).length(200).notNull()}.
 *
 * @param length maximum length of a {@link ColumnType#STRING}; 0 for unbounded text
 * @param precision total digits of a {@link ColumnType#DECIMAL}; 0 for unconstrained
 * @param scale digits after the point of a {@link ColumnType#DECIMAL}
 * @param defaultValue a literal of the column's type, in canonical form, or null
 * @param defaultSql an SQL expression used as written, or null
 * @param generated the database generates the value (identity / rowid)
 */
public record ColumnDefinition(
    String name,
    ColumnType type,
    int length,
    int precision,
    int scale,
    boolean nullable,
    String defaultValue,
    String defaultSql,
    boolean generated) {

  public ColumnDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (defaultValue != null && defaultSql != null) {
      throw new IllegalArgumentException("column " + name + " has both defaultValue and defaultSql");
    }
  }

  /** A nullable column of this type, with no length and no default. */
  public static ColumnDefinition of(String name, ColumnType type) {
    return new ColumnDefinition(name, type, 0, 0, 0, true, null, null, false);
  }

  public ColumnDefinition name(String newName) {
    return new ColumnDefinition(newName, type, length, precision, scale, nullable, defaultValue, defaultSql, generated);
  }

  public ColumnDefinition type(ColumnType newType) {
    return new ColumnDefinition(name, newType, length, precision, scale, nullable, defaultValue, defaultSql, generated);
  }

  public ColumnDefinition length(int newLength) {
    return new ColumnDefinition(name, type, newLength, precision, scale, nullable, defaultValue, defaultSql, generated);
  }

  public ColumnDefinition precision(int newPrecision, int newScale) {
    return new ColumnDefinition(name, type, length, newPrecision, newScale, nullable, defaultValue, defaultSql, generated);
  }

  public ColumnDefinition notNull() {
    return nullable(false);
  }

  public ColumnDefinition nullable(boolean newNullable) {
    return new ColumnDefinition(name, type, length, precision, scale, newNullable, defaultValue, defaultSql, generated);
  }

  public ColumnDefinition defaultValue(String literal) {
    return new ColumnDefinition(name, type, length, precision, scale, nullable, literal, null, generated);
  }

  public ColumnDefinition defaultSql(String expression) {
    return new ColumnDefinition(name, type, length, precision, scale, nullable, null, expression, generated);
  }

  public ColumnDefinition identity() {
    return new ColumnDefinition(name, type, length, precision, scale, nullable, defaultValue, defaultSql, true);
  }

  public boolean hasDefault() {
    return defaultValue != null || defaultSql != null;
  }

  /** Readable text; checksums use {@link io.jmigrate.migration.Checksum}, not this. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(name).append(' ').append(type);
    if (length > 0) {
      s.append('(').append(length).append(')');
    }
    if (precision > 0) {
      s.append('(').append(precision).append(',').append(scale).append(')');
    }
    s.append(nullable ? " NULL" : " NOT NULL");
    if (defaultValue != null) {
      s.append(" DEFAULT '").append(defaultValue.replace("'", "''")).append('\'');
    }
    if (defaultSql != null) {
      s.append(" DEFAULT (").append(defaultSql).append(')');
    }
    if (generated) {
      s.append(" GENERATED");
    }
    return s.toString();
  }
}
