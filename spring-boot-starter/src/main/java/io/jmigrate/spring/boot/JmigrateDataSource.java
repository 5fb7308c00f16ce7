package io.jmigrate.spring.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Marks the DataSource (its {@code @Bean} method, or its class) that jmigrate migrates at start-up,
 * when the application has several, as {@code @FlywayDataSource} does for Flyway. On several
 * DataSources, each is migrated, in bean order. Without it, jmigrate migrates the only DataSource or
 * the {@code @Primary} one, and fails at start-up when it cannot tell which.
 */
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface JmigrateDataSource {}
