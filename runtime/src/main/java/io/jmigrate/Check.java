package io.jmigrate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A check constraint of this table: a boolean SQL expression every row must satisfy, e.g.
 * {@code @Check(name = "ck_order_quantity", value = "quantity > 0")}. The expression is passed to
 * every target dialect as written, so write portable SQL over the table's column names. Adding one
 * to a table that has rows counts the rows that fail it first, and stops the migration before it
 * changes anything when there are any. Repeatable. On a field (or record component) it is its
 * column's check, named {@code ck_<table>_<column>} by default; a field's unnamed checks are one,
 * joined by {@code and}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Repeatable(Check.List.class)
public @interface Check {
  /** The expression, e.g. {@code "quantity > 0"} or {@code "status in ('OPEN', 'CLOSED')"}. */
  String value();

  /**
   * The constraint's name; by default {@code ck_<table>_<n>}, n counting the table's checks from 1 in order
   * ({@code ck_<table>_<column>} on a field).
   */
  String name() default "";

  /** Holds repeated {@link Check} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target({ElementType.TYPE, ElementType.FIELD, ElementType.RECORD_COMPONENT})
  @interface List {
    Check[] value();
  }
}
