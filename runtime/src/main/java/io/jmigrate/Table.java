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
}
