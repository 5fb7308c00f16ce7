package io.jmigrate.spring.boot;

/**
 * Decides what happens at start-up instead of {@link Jmigrate#migrate()}: declare one as a bean,
 * e.g. to validate only, to baseline a database first, or to migrate only on some instances.
 * Beans that depend on database initialization (JPA, JdbcTemplate, JdbcClient) still wait for it.
 */
@FunctionalInterface
public interface JmigrateMigrationStrategy {
  void migrate(Jmigrate jmigrate);
}
