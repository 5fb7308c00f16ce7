package io.jmigrate.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The starter's two start-up lines go to the application's logging under the logger
 * {@code io.jmigrate}, whose level the application sets as for any other logger; versions are
 * written as digits, whatever the locale.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupLogTest {
  @TempDir
  Path dir;

  @Test
  void theLinesGoToTheApplicationsLoggingUnderIoJmigrate(CapturedOutput output) {
    String url = "spring.datasource.url=jdbc:sqlite:" + dir.resolve("log.db");
    start(url);
    assertThat(output.getAll()).contains("migrating the DataSource \"dataSource\" (jdbc:sqlite:" + dir.resolve("log.db"));

    int mark = output.getAll().length();
    start(url); // up to date now
    assertThat(output.getAll().substring(mark)).contains("migrating the DataSource \"dataSource\"")
        .contains("the database is up to date: it has every migration of this build (1 to 3)");

    mark = output.getAll().length();
    start(url, "logging.level.io.jmigrate=WARN");
    assertThat(output.getAll().substring(mark)).contains("Started").doesNotContain("migrating the DataSource")
        .doesNotContain("the database is up to date");
  }

  private static void start(String... properties) {
    String[] all = new String[properties.length + 1];
    System.arraycopy(properties, 0, all, 0, properties.length);
    all[properties.length] = BootLine.NO_JPA;
    new SpringApplicationBuilder(StartupFailureTest.App.class).web(WebApplicationType.NONE).properties(all).run().close();
  }
}
