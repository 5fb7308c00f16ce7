package io.jmigrate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code String} column that holds a JSON document: {@code jsonb} on PostgreSQL, {@code JSON} on
 * H2 and MariaDB/MySQL, {@code TEXT} on SQLite. The field holds the document's text.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Json {}
