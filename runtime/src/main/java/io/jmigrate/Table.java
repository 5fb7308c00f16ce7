package io.jmigrate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class or record as a database table. Every non-static, non-transient field (or
 * record component) is a column unless it carries {@link Transient}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Table {
  /** The table name; by default the snake_case of the simple class name ({@code UserAccount} → {@code user_account}). */
  String name() default "";

  /**
   * The primary key's constraint name; by default {@code pk_<table>}. Give it to keep the name an
   * existing database already has ({@code album_pkey}): {@code inspect} writes it, so that a later
   * change of the key finds the constraint. MariaDB/MySQL call every primary key {@code PRIMARY}, and
   * SQLite never looks the key up by name, so there it changes nothing.
   */
  String primaryKeyName() default "";

  /**
   * How MariaDB/MySQL compare and sort the table's text (other databases ignore it): {@code ""} for
   * the default, {@code "database"} for the database's default collation (what Hibernate's tables
   * get, usually case-insensitive), or a collation's name ({@code "utf8mb4_unicode_ci"}). The default
   * is jmigrate's exact {@code utf8mb4_bin} for a {@code @Table} model and, for a JPA entity,
   * {@code -Ajmigrate.collation}, else {@code "database"}. A change converts the table (it is copied),
   * after checking that no unique key over text would then hold equal values.
   */
  String collation() default "";

  /**
   * The table's comment; {@code ""} for none. PostgreSQL and H2 keep it ({@code COMMENT ON TABLE}), MariaDB/MySQL
   * as the table's {@code COMMENT} option; SQLite keeps none (the model keeps it). A change is its own
   * operation ({@code alterTableComment}), which touches no row.
   */
  String comment() default "";
}
