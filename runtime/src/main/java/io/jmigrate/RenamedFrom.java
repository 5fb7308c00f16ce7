package io.jmigrate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This table or column was called {@code value} before: the next migration renames it and
 * keeps its data. Leave it in place afterwards or remove it; once the snapshot has the new
 * name it has no further effect.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface RenamedFrom {
  /** The old table or column name, as it is in the database. */
  String value();
}
