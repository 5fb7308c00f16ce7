package io.jmigrate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Details of a column. Optional: a field without it is a column with the defaults below.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Column {
  /** The column name; by default the snake_case of the field name ({@code emailAddress} → {@code email_address}). */
  String name() default "";

  /**
   * Whether NULL is allowed. Primitives and {@link Id} columns are never nullable (saying
   * {@code true} there is a compile error); other reference types are nullable unless this
   * says {@code false}.
   */
  boolean nullable() default true;

  /** Maximum length of a {@code String} column ({@code VARCHAR(length)}); 0 means unbounded text. */
  int length() default 0;

  /**
   * A fixed-length {@code String} column, {@code CHAR(length)} (length 1 unless given): values are
   * padded with spaces to the length on PostgreSQL and H2. {@code char} and {@code Character} fields
   * are {@code CHAR(1)} without it.
   */
  boolean fixed() default false;

  /**
   * A Java enum field stored as this PostgreSQL enum type ({@code CREATE TYPE name AS ENUM (…)}),
   * its constants the type's labels in declaration order, instead of as text. The type is a schema
   * object: created before its first column, given new constants as added values
   * ({@code ALTER TYPE … ADD VALUE}), dropped after its last column. Fields naming the same type
   * must have the same constants. PostgreSQL only: a compile error for another target dialect.
   * Empty (the default): the enum is stored as text by constant name.
   */
  String enumType() default "";

  /**
   * A database type jmigrate does not model, written verbatim as the column's SQL type: a PostgreSQL
   * domain ({@code "year"}), {@code "tsvector"}, {@code "citext"}, {@code "inet"}, {@code "interval"},
   * {@code "smallint[]"}, MariaDB's {@code "char(10)"}. The field may be of any Java type (jmigrate does not
   * read or write its values; {@code String} reads most). A migration creates the column with this type as
   * written, {@code validate} compares the type by name, and a change of type to or from it is a compile
   * error (add a new column and drop the old one, converting in an {@code sql(…)} step). It cannot be combined
   * with {@code length}, {@code precision}, {@code scale}, {@code fixed}, {@code enumType} or {@code @Json}
   * (the type's modifiers are part of the text), nor be a generated key. A type the database does not have
   * fails the migration at its statement; a domain or extension type stays the database's (declared in
   * {@code META-INF/jmigrate/unmanaged}). Empty (the default): the type follows the field's Java type.
   */
  String sqlType() default "";

  /** Total digits of a {@code BigDecimal} column; 0 means the database's unconstrained numeric. */
  int precision() default 0;

  /** Digits after the decimal point of a {@code BigDecimal} column. */
  int scale() default 0;

  /** Adds a unique index on this column alone. */
  boolean unique() default false;

  /**
   * A default given as a literal of the column's Java type ({@code "0"}, {@code "true"},
   * {@code "untitled"}, {@code "2024-01-31"}, an enum constant's name). The dialect quotes it.
   */
  String defaultValue() default "";

  /** A default given as an SQL expression, used as written ({@code "CURRENT_TIMESTAMP"}). */
  String defaultSql() default "";

  /**
   * The column's comment: {@code COMMENT ON COLUMN} on PostgreSQL and H2, {@code COMMENT '…'} in the
   * column's definition on MariaDB/MySQL; SQLite has no place for one (the model keeps it, the database
   * does not). A changed comment is a migration that changes only the comment.
   */
  String comment() default "";

  /**
   * How the column's text is compared and sorted: a collation of the database, named as the database names
   * it. PostgreSQL: {@code COLLATE "C"} (any name in {@code pg_collation}: {@code "C"}, {@code "POSIX"},
   * {@code "en-x-icu"}, …); MariaDB/MySQL: {@code COLLATE utf8mb4_unicode_ci}, against the table's own
   * ({@link Table#collation()}; the same name is no column collation); SQLite: {@code COLLATE NOCASE}
   * ({@code BINARY}, {@code NOCASE}, {@code RTRIM}). H2 has no collation per column: the build refuses it
   * when H2 is a target dialect. Names are not translated between databases: a model that targets several
   * must use a name each of them has. Text columns only. A change alters the column (MariaDB restates it with
   * {@code MODIFY}, SQLite rebuilds the table).
   */
  String collation() default "";

  /**
   * A generated (computed) column: the database computes its values from this SQL expression over the
   * row's other columns ({@code "upper(name)"}, {@code "price * quantity"}), written as given into
   * {@code GENERATED ALWAYS AS (expression)}. The application never writes it (jmigrate's data steps
   * leave it out). A changed expression drops the column and adds it again: its values are recomputed,
   * nothing the application wrote is lost. Empty (the default): an ordinary column.
   */
  String generatedAs() default "";

  /**
   * Whether a {@link #generatedAs} column's values are kept on disk ({@code STORED}, the default: every
   * dialect has it) or computed when read ({@code VIRTUAL}: MariaDB/MySQL and SQLite; PostgreSQL has no
   * virtual generated column, a compile error there; H2 decides itself).
   */
  boolean stored() default true;
}
