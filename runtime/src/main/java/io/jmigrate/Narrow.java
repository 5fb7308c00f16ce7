package io.jmigrate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Confirms that this column may be narrowed (a shorter length, fewer digits, or a type that
 * holds less), accepting that values which no longer fit make the migration fail or be cut.
 * Without it the build refuses the narrowing.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Narrow {}
