package io.jmigrate.schema;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One column: a small immutable value. The one-argument methods return a changed copy, so a
 * migration reads {@code column("email", STRING).length(200).notNull()}.
 *
 * @param length maximum length of a {@link ColumnType#STRING}, 0 for unbounded text; of a {@link ColumnType#CLOB}
 *     or {@link ColumnType#BLOB}, the capacity that picks MariaDB's TINY… to LONG… type, 0 for the largest
 * @param precision total digits of a {@link ColumnType#DECIMAL}; 0 for unconstrained
 * @param scale digits after the point of a {@link ColumnType#DECIMAL}
 * @param defaultValue a literal of the column's type, in canonical form, or null
 * @param defaultSql an SQL expression used as written, or null; with variants, the expression of the
 *     dialects that have none
 * @param generated the database generates the value (identity / rowid)
 * @param defaultSqlByDialect SQL expressions for single dialects, by the dialect's {@code name()},
 *     sorted by name; empty when the expression (if any) is the same everywhere
 * @param utcDatetime a {@link ColumnType#TIMESTAMP_TZ} that MariaDB/MySQL keep in {@code DATETIME(6)}
 *     (UTC, years 1000–9999), as Hibernate does, instead of {@code TIMESTAMP(6)} (1970–2038); other
 *     dialects ignore it. Only the JPA reader sets it, so older columns keep their DDL.
 * @param enumType the name of the enum type ({@link EnumTypeDefinition}) of an {@link ColumnType#ENUM}
 *     column; null for every other type
 * @param comment the column's comment ({@code COMMENT ON COLUMN}, MariaDB's {@code COMMENT '…'}), or null;
 *     SQLite has no place for one and ignores it
 * @param generatedAs the expression of a generated (computed) column, {@code GENERATED ALWAYS AS (…)}; null for
 *     a column the application writes
 * @param stored whether a generated column's values are kept on disk ({@code STORED}) rather than computed when
 *     read ({@code VIRTUAL}); false when it is not generated
 * @param collation the collation of the column's text, as the database names it ({@code "C"}, {@code "NOCASE"},
 *     {@code "utf8mb4_unicode_ci"}), or null for the one the column gets by default (the table's on MariaDB/MySQL,
 *     the database's elsewhere); H2 has no collation per column
 * @param sqlType the SQL type of a {@link ColumnType#NATIVE} column, as written ({@code tsvector}, a domain's
 *     name); null for every other type
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
    boolean generated,
    Map<String, String> defaultSqlByDialect,
    boolean utcDatetime,
    String enumType,
    String comment,
    String generatedAs,
    boolean stored,
    String sqlType,
    String collation) {

  public ColumnDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    defaultSqlByDialect = defaultSqlByDialect == null || defaultSqlByDialect.isEmpty() ? Map.of()
        : Collections.unmodifiableMap(new TreeMap<>(defaultSqlByDialect));
    if (defaultValue != null && (defaultSql != null || !defaultSqlByDialect.isEmpty())) {
      throw new IllegalArgumentException("column " + name + " has both defaultValue and defaultSql");
    }
    if (utcDatetime && type != ColumnType.TIMESTAMP_TZ) {
      utcDatetime = false; // only a TIMESTAMP_TZ has a choice of storage; a type change drops it
    }
    if (type != ColumnType.ENUM) {
      enumType = null; // only an ENUM names a type; a type change drops it
    }
    if (comment != null && comment.isEmpty()) {
      comment = null; // the catalogs hold no comment and an empty one alike
    }
    if (generatedAs != null && generatedAs.isBlank()) {
      generatedAs = null;
    }
    if (generatedAs == null) {
      stored = false; // only a generated column is stored or virtual
    }
    if (type != ColumnType.NATIVE) {
      sqlType = null; // only a NATIVE column names its SQL type; a type change drops it
    } else if (sqlType != null) {
      sqlType = sqlType.strip();
    }
    if (collation != null && collation.isBlank()) {
      collation = null;
    }
  }

  /** A column with its database's collation (none of its own). */
  public ColumnDefinition(String name, ColumnType type, int length, int precision, int scale, boolean nullable,
      String defaultValue, String defaultSql, boolean generated, Map<String, String> defaultSqlByDialect, boolean utcDatetime,
      String enumType, String comment, String generatedAs, boolean stored, String sqlType) {
    this(name, type, length, precision, scale, nullable, defaultValue, defaultSql, generated, defaultSqlByDialect, utcDatetime,
        enumType, comment, generatedAs, stored, sqlType, null);
  }

  /** A column of a type jmigrate models (not {@link ColumnType#NATIVE}). */
  public ColumnDefinition(String name, ColumnType type, int length, int precision, int scale, boolean nullable,
      String defaultValue, String defaultSql, boolean generated, Map<String, String> defaultSqlByDialect, boolean utcDatetime,
      String enumType, String comment, String generatedAs, boolean stored) {
    this(name, type, length, precision, scale, nullable, defaultValue, defaultSql, generated, defaultSqlByDialect, utcDatetime,
        enumType, comment, generatedAs, stored, null);
  }

  /** A column that is not generated. */
  public ColumnDefinition(String name, ColumnType type, int length, int precision, int scale, boolean nullable,
      String defaultValue, String defaultSql, boolean generated, Map<String, String> defaultSqlByDialect, boolean utcDatetime,
      String enumType, String comment) {
    this(name, type, length, precision, scale, nullable, defaultValue, defaultSql, generated, defaultSqlByDialect, utcDatetime,
        enumType, comment, null, false);
  }

  /** A column without a comment. */
  public ColumnDefinition(String name, ColumnType type, int length, int precision, int scale, boolean nullable,
      String defaultValue, String defaultSql, boolean generated, Map<String, String> defaultSqlByDialect, boolean utcDatetime,
      String enumType) {
    this(name, type, length, precision, scale, nullable, defaultValue, defaultSql, generated, defaultSqlByDialect, utcDatetime,
        enumType, null);
  }

  /** A column without an enum type. */
  public ColumnDefinition(String name, ColumnType type, int length, int precision, int scale, boolean nullable,
      String defaultValue, String defaultSql, boolean generated, Map<String, String> defaultSqlByDialect, boolean utcDatetime) {
    this(name, type, length, precision, scale, nullable, defaultValue, defaultSql, generated, defaultSqlByDialect, utcDatetime, null);
  }

  /** A column with the usual storage for its type. */
  public ColumnDefinition(String name, ColumnType type, int length, int precision, int scale, boolean nullable,
      String defaultValue, String defaultSql, boolean generated, Map<String, String> defaultSqlByDialect) {
    this(name, type, length, precision, scale, nullable, defaultValue, defaultSql, generated, defaultSqlByDialect, false);
  }

  /** A column whose SQL default, if any, is the same on every dialect. */
  public ColumnDefinition(String name, ColumnType type, int length, int precision, int scale, boolean nullable,
      String defaultValue, String defaultSql, boolean generated) {
    this(name, type, length, precision, scale, nullable, defaultValue, defaultSql, generated, Map.of());
  }

  /** A nullable column of this type, with no length and no default. */
  public static ColumnDefinition of(String name, ColumnType type) {
    return new ColumnDefinition(name, type, 0, 0, 0, true, null, null, false);
  }

  public ColumnDefinition name(String newName) {
    return new ColumnDefinition(newName, type, length, precision, scale, nullable, defaultValue, defaultSql, generated, defaultSqlByDialect, utcDatetime, enumType, comment, generatedAs, stored, sqlType, collation);
  }

  public ColumnDefinition type(ColumnType newType) {
    return new ColumnDefinition(name, newType, length, precision, scale, nullable, defaultValue, defaultSql, generated, defaultSqlByDialect, utcDatetime, enumType, comment, generatedAs, stored, sqlType, collation);
  }

  public ColumnDefinition length(int newLength) {
    return new ColumnDefinition(name, type, newLength, precision, scale, nullable, defaultValue, defaultSql, generated, defaultSqlByDialect, utcDatetime, enumType, comment, generatedAs, stored, sqlType, collation);
  }

  public ColumnDefinition precision(int newPrecision, int newScale) {
    return new ColumnDefinition(name, type, length, newPrecision, newScale, nullable, defaultValue, defaultSql, generated, defaultSqlByDialect, utcDatetime, enumType, comment, generatedAs, stored, sqlType, collation);
  }

  public ColumnDefinition notNull() {
    return nullable(false);
  }

  public ColumnDefinition nullable(boolean newNullable) {
    return new ColumnDefinition(name, type, length, precision, scale, newNullable, defaultValue, defaultSql, generated, defaultSqlByDialect, utcDatetime, enumType, comment, generatedAs, stored, sqlType, collation);
  }

  public ColumnDefinition defaultValue(String literal) {
    return new ColumnDefinition(name, type, length, precision, scale, nullable, literal, null, generated, Map.of(), utcDatetime, enumType, comment, generatedAs, stored, sqlType, collation);
  }

  public ColumnDefinition defaultSql(String expression) {
    return new ColumnDefinition(name, type, length, precision, scale, nullable, null, expression, generated, defaultSqlByDialect, utcDatetime, enumType, comment, generatedAs, stored, sqlType, collation);
  }

  /**
   * A copy whose SQL default on the named dialect ({@code "mariadb"}, …) is this expression; other
   * dialects keep {@link #defaultSql()}.
   */
  public ColumnDefinition defaultSql(String dialect, String expression) {
    Map<String, String> variants = new TreeMap<>(defaultSqlByDialect);
    variants.put(Objects.requireNonNull(dialect, "dialect"), Objects.requireNonNull(expression, "expression"));
    return new ColumnDefinition(name, type, length, precision, scale, nullable, null, defaultSql, generated, variants, utcDatetime, enumType, comment, generatedAs, stored, sqlType, collation);
  }

  /** The SQL default on the named dialect: its variant, else {@link #defaultSql()}; null when none. */
  public String defaultSqlFor(String dialect) {
    return defaultSqlByDialect.getOrDefault(dialect, defaultSql);
  }

  /** True when the column has an SQL expression default on some dialect. */
  public boolean hasDefaultSql() {
    return defaultSql != null || !defaultSqlByDialect.isEmpty();
  }

  public ColumnDefinition identity() {
    return new ColumnDefinition(name, type, length, precision, scale, nullable, defaultValue, defaultSql, true, defaultSqlByDialect, utcDatetime, enumType, comment, generatedAs, stored, sqlType, collation);
  }

  /** A copy kept in {@code DATETIME(6)} on MariaDB/MySQL, as Hibernate keeps an {@code Instant}. */
  public ColumnDefinition asUtcDatetime() {
    return new ColumnDefinition(name, type, length, precision, scale, nullable, defaultValue, defaultSql, generated, defaultSqlByDialect, true, enumType, comment, generatedAs, stored, sqlType, collation);
  }

  /** A copy of type {@link ColumnType#ENUM} holding values of the named enum type. */
  public ColumnDefinition enumType(String typeName) {
    return new ColumnDefinition(name, ColumnType.ENUM, length, precision, scale, nullable, defaultValue, defaultSql, generated,
        defaultSqlByDialect, utcDatetime, Objects.requireNonNull(typeName, "typeName"), comment, generatedAs, stored, sqlType, collation);
  }

  /**
   * A copy of type {@link ColumnType#NATIVE} whose SQL type is {@code sql} as written ({@code tsvector},
   * {@code year}, {@code citext}): a type jmigrate does not model, created verbatim and compared by name.
   */
  public ColumnDefinition sqlType(String sql) {
    Objects.requireNonNull(sql, "sql");
    if (sql.isBlank()) {
      throw new IllegalArgumentException("column " + name + ": an SQL type must not be blank");
    }
    return new ColumnDefinition(name, ColumnType.NATIVE, length, precision, scale, nullable, defaultValue, defaultSql, generated,
        defaultSqlByDialect, utcDatetime, null, comment, generatedAs, stored, sql, collation);
  }

  /** A copy compared and sorted by this collation, as the database names it; null or empty for the default one. */
  public ColumnDefinition collation(String name) {
    return new ColumnDefinition(this.name, type, length, precision, scale, nullable, defaultValue, defaultSql, generated,
        defaultSqlByDialect, utcDatetime, enumType, comment, generatedAs, stored, sqlType, name);
  }

  /** A copy with this comment; null or empty for none. */
  public ColumnDefinition comment(String text) {
    return new ColumnDefinition(name, type, length, precision, scale, nullable, defaultValue, defaultSql, generated,
        defaultSqlByDialect, utcDatetime, enumType, text, generatedAs, stored, sqlType, collation);
  }

  /**
   * A copy computed by the database from this expression ({@code GENERATED ALWAYS AS (expression)}), its
   * values kept on disk when {@code stored}, else computed when read; null for a column the application writes.
   */
  public ColumnDefinition generatedAs(String expression, boolean stored) {
    return new ColumnDefinition(name, type, length, precision, scale, nullable, defaultValue, defaultSql, generated,
        defaultSqlByDialect, utcDatetime, enumType, comment, expression, stored, sqlType, collation);
  }

  /** Whether the database computes this column's values (the application never writes them). */
  public boolean computed() {
    return generatedAs != null;
  }

  public boolean hasDefault() {
    return defaultValue != null || hasDefaultSql();
  }

  /** Readable text; checksums use {@link io.jmigrate.migration.Checksum}, not this. */
  @Override
  public String toString() {
    return ColumnProperty.checksumText(this);
  }
}
