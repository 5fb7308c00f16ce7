package io.jmigrate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An index on one or more columns of this table. Repeatable. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Index.List.class)
public @interface Index {
  /** Column names (as in the database, e.g. {@code "email_address"}), in index order. */
  String[] columns();

  boolean unique() default false;

  /** The index name; by default {@code ix_<table>_<columns>} ({@code ux_…} when unique). */
  String name() default "";

  /** Holds repeated {@link Index} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    Index[] value();
  }
}
