package io.jmigrate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A sequence the migrations create ({@code CREATE SEQUENCE}): on the {@code @Id} field whose values
 * the application takes from it, or on the model type. The database does not fill the column from
 * it; the application asks for the next value (Hibernate's {@code SEQUENCE} ids do the same, and
 * JPA entities get their sequences from {@code @GeneratedValue} without this annotation). On SQLite,
 * which has no sequences, it is a one-row table of that name holding the next value in {@code next_val}.
 * Repeatable (a sequence no key uses, as {@code inspect} writes one, sits on a type). On a JPA entity it
 * declares a sequence beside what its {@code @GeneratedValue} makes.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.TYPE})
@Repeatable(Sequence.List.class)
public @interface Sequence {
  /** The sequence's name; by default {@code <table>_seq}. */
  String name() default "";

  /** The first value. */
  long start() default 1;

  /** The step between two values (Hibernate's {@code allocationSize}, when it hands out numbers in blocks). */
  long increment() default 1;

  /** The sequence's former name: renames it, so that it keeps counting (a new one would start again). */
  String renamedFrom() default "";

  /** Holds repeated {@link Sequence} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target({ElementType.FIELD, ElementType.TYPE})
  @interface List {
    Sequence[] value();
  }
}
