package io.jmigrate.spring.boot;

import io.jmigrate.Runtime;
import io.jmigrate.engine.LeaseLock;
import io.jmigrate.engine.Migrator;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.ResourceLoader;

/**
 * Migrates the application's DataSource at start-up with the migrations the processor indexed
 * ({@link Runtime#migrator(ClassLoader)}, or a {@link Migrator} bean of the application's). The
 * migration runs in {@link JmigrateInitializer}, which Spring Boot's database-initialization
 * ordering places before JPA, JdbcTemplate, JdbcClient and every bean that depends on the database
 * being initialized.
 *
 * <p>One class for Spring Boot 3.5 and 4: it names the auto-configurations it follows by both lines'
 * class names (Boot 4 moved them into its modules; an absent name is ignored) and uses only APIs
 * whose package both lines share. Which DataSources it migrates: {@link JmigrateRegistrar}.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
    "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration",
    "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
    "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
    // The test slices' embedded database (@AutoConfigureTestDatabase) replaces the DataSource first.
    "org.springframework.boot.test.autoconfigure.jdbc.TestDatabaseAutoConfiguration",
    "org.springframework.boot.jdbc.test.autoconfigure.TestDatabaseAutoConfiguration"})
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "jmigrate.enabled", matchIfMissing = true)
@EnableConfigurationProperties(JmigrateProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class JmigrateAutoConfiguration {

  /**
   * The migrations the processor indexed (META-INF/jmigrate/migrations), loaded through the
   * application's class loader (after a DevTools restart, the new classes). Lazy: a start-up that
   * finds the database up to date from the index alone never builds it (no migration class loaded).
   */
  @Bean
  @Lazy
  @ConditionalOnMissingBean
  public Migrator jmigrateMigrator(ResourceLoader resourceLoader) {
    return Runtime.migrator(resourceLoader.getClassLoader());
  }

  /** The {@link Jmigrate} beans, one per DataSource to migrate (see {@link JmigrateDataSource}). */
  @Bean
  static JmigrateRegistrar jmigrateRegistrar() {
    return new JmigrateRegistrar();
  }

  /** The migrations bound to the DataSource bean {@code name}, with the {@code jmigrate.*} properties applied. */
  static Jmigrate jmigrate(String name, Migrator migrator, DataSource dataSource, JmigrateProperties properties) {
    return jmigrate(name, () -> migrator, dataSource, properties, null);
  }

  /**
   * As above, the migrator built when first needed.
   *
   * @param fastPath the class path of the index the migrator comes from (the start-up fast path), or
   *     null when the application's own Migrator bean may hold other migrations
   */
  static Jmigrate jmigrate(String name, Supplier<Migrator> migrator, DataSource dataSource,
      JmigrateProperties properties, ClassLoader fastPath) {
    return new Jmigrate(name, () -> configured(migrator.get(), dataSource, properties), dataSource,
        properties.getTargetVersion(), properties.isValidateOnMigrate(), fastPath);
  }

  private static Migrator configured(Migrator migrator, DataSource dataSource, JmigrateProperties properties) {
    Migrator m = migrator.withAheadAllowed(!properties.isFailOnAhead());
    if (properties.getLock() == JmigrateProperties.Lock.DIALECT) {
      m = m.withDialectLock();
    } else if (properties.getLock() == JmigrateProperties.Lock.LEASE || m.leaseLock() != null) {
      // The lease lock's own connection comes from the pool too (the URL may not hold the credentials).
      m = m.withLeaseLock(leaseOf(properties, m), dataSource::getConnection);
    }
    return m;
  }

  private static Duration leaseOf(JmigrateProperties properties, Migrator m) {
    if (properties.getLockLease() != null) {
      return properties.getLockLease();
    }
    return m.leaseLock() != null ? m.leaseLock().lease() : LeaseLock.DEFAULT_LEASE;
  }

  @Bean
  public JmigrateInitializer jmigrateInitializer(ObjectProvider<Jmigrate> jmigrate,
      ObjectProvider<JmigrateMigrationStrategy> strategy) {
    return new JmigrateInitializer(jmigrate.orderedStream().toList(), strategy.getIfAvailable());
  }

  /** Hibernate's default ddl-auto becomes "none" on the DataSource jmigrate manages (not create-drop). */
  @Bean
  public JmigrateSchemaManagementProvider jmigrateSchemaManagementProvider(ObjectProvider<Jmigrate> jmigrate) {
    return new JmigrateSchemaManagementProvider(jmigrate);
  }
}
