package io.jmigrate.spring.boot;

import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates when the context creates it; Spring Boot's database-initialization ordering
 * ({@link JmigrateInitializerDetector}) creates it before every bean that depends on the database
 * being initialized.
 */
public class JmigrateInitializer implements InitializingBean {
  private final Jmigrate jmigrate;
  private final JmigrateMigrationStrategy strategy;

  /** @param strategy what to do instead of {@link Jmigrate#migrate()}, or null */
  public JmigrateInitializer(Jmigrate jmigrate, JmigrateMigrationStrategy strategy) {
    this.jmigrate = jmigrate;
    this.strategy = strategy;
  }

  @Override
  public void afterPropertiesSet() {
    if (strategy != null) {
      strategy.migrate(jmigrate);
    } else {
      jmigrate.migrate();
    }
  }
}
