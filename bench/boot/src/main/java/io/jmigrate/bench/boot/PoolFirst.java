package io.jmigrate.bench.boot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The second floor ({@code --bench.boot.open-pool=true}, no migration tool): a database initializer
 * that only takes a connection from the pool and gives it back, ordered by Spring Boot where a
 * migration tool's initializer is (before JdbcTemplate). So the pool starts where it starts with a
 * tool, and its background filling (HikariCP opens the rest of its minimum-idle connections about
 * 100 ms after the first, on its own thread) overlaps the rest of the start-up as it does with a
 * tool, instead of beginning only at the application's first query, just before ready.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnProperty("bench.boot.open-pool")
@Import(DatabaseInitializationDependencyConfigurer.class)
public class PoolFirst {
  @Bean
  OpenPool benchOpenPool(DataSource dataSource) {
    return new OpenPool(dataSource);
  }

  /** Takes one connection and gives it back. */
  public static final class OpenPool implements InitializingBean {
    private final DataSource dataSource;

    OpenPool(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
      try (Connection c = dataSource.getConnection()) {
        c.isValid(1);
      }
    }
  }

  /** Tells Spring Boot that {@link OpenPool} initializes the database (registered in META-INF/spring.factories). */
  public static final class Detector extends AbstractBeansOfTypeDatabaseInitializerDetector {
    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
      return Set.of(OpenPool.class);
    }
  }
}
