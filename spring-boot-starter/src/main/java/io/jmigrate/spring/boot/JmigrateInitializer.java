package io.jmigrate.spring.boot;

import java.util.List;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates when the context creates it; Spring Boot's database-initialization ordering
 * ({@link JmigrateInitializerDetector}) creates it before every bean that depends on the database
 * being initialized.
 */
public class JmigrateInitializer implements InitializingBean {
  private final List<Jmigrate> jmigrates;
  private final JmigrateMigrationStrategy strategy;

  /** @param strategy what to do instead of {@link Jmigrate#migrate()}, or null */
  public JmigrateInitializer(Jmigrate jmigrate, JmigrateMigrationStrategy strategy) {
    this(List.of(jmigrate), strategy);
  }

  /**
   * @param jmigrates one per DataSource to migrate, migrated in this order
   * @param strategy what to do instead of {@link Jmigrate#migrate()} (with each of them), or null
   */
  public JmigrateInitializer(List<Jmigrate> jmigrates, JmigrateMigrationStrategy strategy) {
    this.jmigrates = List.copyOf(jmigrates);
    this.strategy = strategy;
  }

  @Override
  public void afterPropertiesSet() {
    for (Jmigrate jmigrate : jmigrates) {
      if (strategy != null) {
        strategy.migrate(jmigrate);
      } else {
        jmigrate.migrate();
      }
    }
  }
}
