package io.jmigrate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Confirms a destructive change, so that it is visible in the source and in review. Without
 * it the build refuses to drop a table or column, or to narrow a column.
 *
 * <pre>
 * {@literal @}Table
 * {@literal @}Drop(columns = "nickname")          // drop user.nickname and its data
 * {@literal @}Drop(tables = "legacy_session")     // drop a whole table; any {@literal @}Table type may carry it
 * class User { ... }
 * </pre>
 *
 * Once the migration is generated, remove it: left in place it would confirm a later drop of a
 * same-named table or column, so the build warns about a {@code @Drop} that confirms nothing.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE})
@Repeatable(Drop.List.class)
public @interface Drop {
  /** Columns of this type's table that may be dropped. */
  String[] columns() default {};

  /** Tables that may be dropped. */
  String[] tables() default {};

  /** Holds repeated {@link Drop} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    Drop[] value();
  }
}
