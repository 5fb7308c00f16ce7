package io.jmigrate.bench.boot;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Flyway 12 and 13 set up as a Spring Boot 3.5 application must set them up: Boot 3.5's own Flyway
 * auto-configuration calls a method that Flyway 12 removed ({@code cleanOnValidationError}), so the
 * benchmark turns it off ({@code spring.flyway.enabled=false}) and makes the same initializer bean, which
 * Boot's database-initialization ordering runs before JdbcTemplate, as it runs Boot's own.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.flywaydb.core.Flyway")
@Import(DatabaseInitializationDependencyConfigurer.class)
public class FlywayByHand {
  @Bean
  FlywayMigrationInitializer benchFlywayInitializer(DataSource dataSource, Environment env) {
    return new FlywayMigrationInitializer(Flyway.configure().dataSource(dataSource)
        .locations(env.getRequiredProperty("bench.flyway.locations")).load());
  }
}
