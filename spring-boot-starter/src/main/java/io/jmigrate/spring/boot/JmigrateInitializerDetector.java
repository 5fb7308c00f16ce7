package io.jmigrate.spring.boot;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link JmigrateInitializer} initializes the database, so that the beans
 * its detectors find depending on that (JPA's EntityManagerFactory, JdbcTemplate, JdbcClient, jOOQ,
 * {@code @DependsOnDatabaseInitialization} beans) are created after it. Registered in
 * META-INF/spring.factories.
 */
class JmigrateInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {
  @Override
  protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
    return Set.of(JmigrateInitializer.class);
  }
}
