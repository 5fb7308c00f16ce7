package io.jmigrate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The column's default as an SQL expression on one dialect, where it differs from
 * {@code @Column(defaultSql)} (which then serves the dialects without a variant) or where the
 * field has no common expression. Repeatable, one per dialect:
 *
 * <pre>{@code
 * @Column(defaultSql = "CURRENT_TIMESTAMP")
 * @DefaultSql(dialect = "mariadb", value = "CURRENT_TIMESTAMP(6)")
 * LocalDateTime created;
 * }</pre>
 *
 * With {@code -Ajmigrate.dialects=…}, a field with an SQL default and no expression for one of the
 * named dialects does not compile.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Repeatable(DefaultSql.List.class)
public @interface DefaultSql {
  /** The dialect's name: {@code sqlite}, {@code postgresql}, {@code h2} or {@code mariadb}. */
  String dialect();

  /** The SQL expression, used as written on that dialect. */
  String value();

  /** Holds repeated {@link DefaultSql} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
  @interface List {
    DefaultSql[] value();
  }
}
