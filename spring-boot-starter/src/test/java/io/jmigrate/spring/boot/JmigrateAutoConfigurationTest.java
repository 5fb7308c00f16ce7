package io.jmigrate.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmigrate.Runtime;
import io.jmigrate.engine.MigrationException;
import io.jmigrate.engine.Migrator;
import io.jmigrate.migration.MigrationIndex;
import io.jmigrate.spring.boot.migrations.V0001_CreateBook;
import io.jmigrate.spring.boot.migrations.V0002_AddBookAuthor;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Real application contexts (Spring Boot's DataSource, JdbcTemplate and JdbcClient auto-configuration
 * and the starter's) on real databases, with the test migrations indexed in
 * src/test/resources/META-INF/jmigrate/migrations: book (1), book.author with a first row (2), shelf (3).
 */
class JmigrateAutoConfigurationTest {
  @TempDir
  Path dir;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(BootLine.jdbc());

  /** Reads a migrated table in its constructor, through JdbcClient. */
  static class StartupReader {
    final List<String> titles;

    StartupReader(JdbcClient jdbc) {
      titles = jdbc.sql("SELECT title FROM book ORDER BY id").query(String.class).list();
    }
  }

  /** Writes into a migrated table in its constructor, through JdbcTemplate. */
  static class StartupWriter {
    StartupWriter(JdbcTemplate jdbc) {
      jdbc.update("INSERT INTO shelf (name, capacity) VALUES ('top', 3)");
    }
  }

  /** Uses the DataSource itself: Spring Boot orders it only with @DependsOnDatabaseInitialization. */
  static class RawReader {
    final int shelves;

    RawReader(DataSource dataSource) throws SQLException {
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM shelf")) {
        rs.next();
        shelves = rs.getInt(1);
      }
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class StartupBeans {
    @Bean
    StartupReader startupReader(JdbcClient jdbc) {
      return new StartupReader(jdbc);
    }

    @Bean
    StartupWriter startupWriter(JdbcTemplate jdbc) {
      return new StartupWriter(jdbc);
    }

    @Bean
    @DependsOnDatabaseInitialization
    RawReader rawReader(DataSource dataSource) throws SQLException {
      return new RawReader(dataSource);
    }
  }

  private ApplicationContextRunner on(String url, String... properties) {
    return runner.withPropertyValues("spring.datasource.url=" + url).withPropertyValues(properties);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "h2", "postgresql"})
  void migratesBeforeTheBeansThatQueryTheDatabaseAtStartUp(String kind) throws SQLException {
    String url = Databases.newUrl(kind, dir);
    on(url).withUserConfiguration(StartupBeans.class).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(StartupReader.class).titles).containsExactly("Dune");
      assertThat(context.getBean(RawReader.class).shelves).isEqualTo(1); // StartupWriter's row
    });
    assertThat(Databases.versions(url)).containsExactly(1, 2, 3);
  }

  @Test
  void enabledFalseMigratesNothing() throws SQLException {
    String url = Databases.newUrl("sqlite", dir);
    on(url, "jmigrate.enabled=false").run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).doesNotHaveBean(Jmigrate.class).doesNotHaveBean(JmigrateInitializer.class);
    });
    assertThat(Databases.tables(url)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void targetVersionMigratesUpToItAndNeverBack(String kind) throws SQLException {
    String url = Databases.newUrl(kind, dir);
    on(url, "jmigrate.target-version=2").run(context -> assertThat(context).hasNotFailed());
    assertThat(Databases.versions(url)).containsExactly(1, 2);
    assertThat(Databases.tables(url)).contains("book").doesNotContain("shelf");

    on(url).run(context -> assertThat(context).hasNotFailed());
    assertThat(Databases.versions(url)).containsExactly(1, 2, 3);

    on(url, "jmigrate.target-version=1").run(context -> assertThat(context).hasNotFailed());
    assertThat(Databases.versions(url)).containsExactly(1, 2, 3);
    assertThat(Databases.tables(url)).contains("book", "shelf");
  }

  @Test
  void targetVersionUnknownFailsStartUp() throws SQLException {
    String url = Databases.newUrl("sqlite", dir);
    on(url, "jmigrate.target-version=9").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MigrationException.class)
          .hasMessage("no migration has version 9; known versions are 1 to 3");
    });
    assertThat(Databases.versions(url)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "h2", "postgresql"})
  void validateOnMigrateFailsStartUpOnADriftedDatabase(String kind) throws SQLException {
    String url = Databases.newUrl(kind, dir);
    on(url, "jmigrate.validate-on-migrate=true").run(context -> assertThat(context).hasNotFailed());

    Databases.execute(url, "ALTER TABLE book DROP COLUMN author");

    on(url, "jmigrate.validate-on-migrate=true").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().isInstanceOf(SchemaDriftException.class)
          .hasMessageStartingWith("jmigrate.validate-on-migrate: the database differs from version 3:")
          .hasMessageContaining("author");
    });
    on(url).run(context -> assertThat(context).hasNotFailed()); // not validating: starts
  }

  /** The same database, then a build that knows only versions 1 and 2 (an older release). */
  @Configuration(proxyBeanMethods = false)
  static class OlderBuild {
    @Bean
    Migrator olderMigrator() {
      return new Migrator(List.of(new V0001_CreateBook(), new V0002_AddBookAuthor()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void failOnAheadDecidesWhetherAnOlderBuildStartsOnANewerDatabase(String kind) throws SQLException {
    String url = Databases.newUrl(kind, dir);
    on(url).run(context -> assertThat(context).hasNotFailed());

    on(url).withUserConfiguration(OlderBuild.class).run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MigrationException.class)
          .hasMessageContaining("The database is ahead of the code")
          .hasMessageContaining("jmigrate.fail-on-ahead=false");
    });
    on(url, "jmigrate.fail-on-ahead=false").withUserConfiguration(OlderBuild.class)
        .run(context -> assertThat(context).hasNotFailed());
    assertThat(Databases.versions(url)).containsExactly(1, 2, 3);
  }

  /** Decides itself: only version 1, and remembers that it ran. */
  @Configuration(proxyBeanMethods = false)
  static class Strategy {
    static final AtomicInteger CALLS = new AtomicInteger();

    @Bean
    JmigrateMigrationStrategy firstVersionOnly() {
      return jmigrate -> {
        CALLS.incrementAndGet();
        jmigrate.migrateTo(1);
      };
    }

    @Bean
    StartupReader startupReader(JdbcClient jdbc) {
      return new StartupReader(jdbc);
    }
  }

  @Test
  void aStrategyBeanDecidesInsteadOfMigrate() throws SQLException {
    String url = Databases.newUrl("sqlite", dir);
    Strategy.CALLS.set(0);
    on(url).withUserConfiguration(Strategy.class).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(StartupReader.class).titles).isEmpty(); // version 1: no first book yet
    });
    assertThat(Strategy.CALLS).hasValue(1);
    assertThat(Databases.versions(url)).containsExactly(1);
  }

  @Test
  void lockLeaseTakesTheLeaseLock() throws SQLException {
    String url = Databases.newUrl("sqlite", dir);
    on(url, "jmigrate.lock=lease", "jmigrate.lock-lease=5s").run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(Jmigrate.class).migrator().leaseLock().lease()).hasSeconds(5);
    });
    assertThat(Databases.tables(url)).contains("jmigrate_lock", "jmigrate_history", "book", "shelf");

    String other = Databases.newUrl("sqlite", dir);
    on(other).run(context -> assertThat(context.getBean(Jmigrate.class).migrator().leaseLock()).isNull());
    assertThat(Databases.tables(other)).doesNotContain("jmigrate_lock");
  }

  @Test
  void noDataSourceNoJmigrate() {
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JmigrateAutoConfiguration.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Jmigrate.class));
  }

  /** An application class loader of its own (as DevTools' restart loader is), whose index lists version 1 only. */
  @Test
  void theMigrationsComeThroughTheApplicationsClassLoader() throws Exception {
    Path index = Files.writeString(dir.resolve("migrations"), V0001_CreateBook.class.getName() + "\n");
    ClassLoader application = new ClassLoader(getClass().getClassLoader()) {
      @Override
      public Enumeration<URL> getResources(String name) throws IOException {
        return name.equals(MigrationIndex.RESOURCE)
            ? Collections.enumeration(List.of(index.toUri().toURL()))
            : super.getResources(name);
      }
    };
    assertThat(Runtime.migrator().latestVersion()).isEqualTo(3); // what the JVM-wide cache holds
    String url = Databases.newUrl("sqlite", dir);
    on(url).withClassLoader(application).run(context -> assertThat(context).hasNotFailed());
    assertThat(Databases.versions(url)).containsExactly(1);
  }

  @Test
  void theDefaultMigratorIsTheIndexedOne() {
    assertThat(MigrationIndex.find(getClass().getClassLoader())).hasSize(1);
    runner.withPropertyValues("spring.datasource.url=" + Databases.newUrl("h2", dir))
        .run(context -> assertThat(context.getBean(Migrator.class).migrations()).extracting(m -> m.version())
            .containsExactly(1, 2, 3));
  }

  /**
   * After the refresh Spring's {@code @EventListener} support reads the declared methods of the class that
   * {@link AutoProxyUtils#determineTargetClass} names for each bean, built or not. For the starter's lazy
   * Migrator that is Object (Migrator has no listener; its signatures would load runtime classes that an
   * up-to-date start-up never uses), while the bean's type stays Migrator. An application's own Migrator
   * bean keeps its class.
   */
  @Test
  void springReadsNoMethodOfTheStartersMigrator() {
    String url = "spring.datasource.url=" + Databases.newUrl("h2", dir);
    runner.withPropertyValues(url).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(AutoProxyUtils.determineTargetClass(context.getBeanFactory(), "jmigrateMigrator"))
          .isEqualTo(Object.class);
      assertThat(context.getBeanFactory().getType("jmigrateMigrator")).isEqualTo(Migrator.class);
      assertThat(context.getBean(Migrator.class).latestVersion()).isEqualTo(3);
    });
    String older = "spring.datasource.url=" + Databases.newUrl("h2", dir); // a database the older build can start on
    runner.withUserConfiguration(OlderBuild.class).withPropertyValues(older).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(AutoProxyUtils.determineTargetClass(context.getBeanFactory(), "olderMigrator"))
          .isEqualTo(Migrator.class);
    });
  }
}
