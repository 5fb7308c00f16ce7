package io.jmigrate.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jmigrate.engine.Migrator;
import io.jmigrate.spring.boot.migrations.V0001_CreateBook;
import io.jmigrate.spring.boot.migrations.V0002_AddBookAuthor;
import io.jmigrate.spring.boot.migrations.V0003_Broken;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Whole Spring Boot applications whose start-up fails in jmigrate: the failure report (Spring Boot's
 * "APPLICATION FAILED TO START", through {@link JmigrateFailureAnalyzer}) carries jmigrate's message.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {
  @TempDir
  Path dir;

  static final String NO_JPA = BootLine.NO_JPA;

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  /** Version 3 is a migration whose SQL the database refuses. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class BrokenApp {
    @Bean
    Migrator migrator() {
      return new Migrator(List.of(new V0001_CreateBook(), new V0002_AddBookAuthor(), new V0003_Broken()));
    }
  }

  private static ConfigurableApplicationContext start(Class<?> app, String url, String... properties) {
    return new SpringApplicationBuilder(app).web(WebApplicationType.NONE)
        .properties("spring.datasource.url=" + url, NO_JPA)
        .properties(properties)
        .run();
  }

  @Test
  void aFailedMigrationStopsStartUpWithJmigratesMessage(CapturedOutput output) throws SQLException {
    String url = Databases.newUrl("sqlite", dir);
    assertThatThrownBy(() -> start(BrokenApp.class, url)).hasRootCauseInstanceOf(java.sql.SQLException.class);

    String report = output.getOut().substring(output.getOut().indexOf("APPLICATION FAILED TO START"));
    assertThat(report)
        .contains("Description:\n\njmigrate could not migrate the database:\n\n"
            + "migration V0003 fill the shelves failed: at statement [INSERT INTO shelves_that_do_not_exist (name)"
            + " VALUES ('top')]: [SQLITE_ERROR] SQL error or missing database (no such table: shelves_that_do_not_exist)."
            + " It was rolled back; jmigrate_history is unchanged.\n")
        .contains("Action:\n\nFix the cause named above (in the migration, the data or the database; the message says"
            + " what jmigrate changed and what to do), then start again. jmigrate.enabled=false starts the application"
            + " without migrating;");
    assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("Caused by");
    assertThat(Databases.versions(url)).containsExactly(1, 2); // the two before it stay applied
  }

  @Test
  void driftWithValidateOnMigrateIsReportedWithTheDifferences(CapturedOutput output) throws SQLException {
    String url = Databases.newUrl("h2", dir);
    start(App.class, url).close();
    Databases.execute(url, "ALTER TABLE shelf ALTER COLUMN capacity SET NULL");

    assertThatThrownBy(() -> start(App.class, url, "jmigrate.validate-on-migrate=true"))
        .hasRootCauseInstanceOf(SchemaDriftException.class);
    String report = output.getOut().substring(output.getOut().indexOf("APPLICATION FAILED TO START"));
    assertThat(report)
        .contains("jmigrate could not migrate the database:\n\njmigrate.validate-on-migrate: the database differs"
            + " from version 3:\n  - ")
        .contains("capacity")
        .contains("Action:\n\nMake the database match its migrations (the differences are listed above), or set"
            + " jmigrate.validate-on-migrate=false to start without comparing.");
    assertThat(output.getAll()).doesNotContain("\tat ");
  }
}
