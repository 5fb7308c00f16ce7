package io.jmigrate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Part of the primary key. On several columns it makes a composite key, in declaration order. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Id {
  /**
   * The database generates the value on insert: an identity column on PostgreSQL, the rowid
   * alias ({@code INTEGER PRIMARY KEY}) on SQLite. Only for a single {@code int}/{@code long} key.
   */
  boolean generated() default false;
}
