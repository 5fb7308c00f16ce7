package io.jmigrate.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The starter is never silent on a Spring Boot line it is not tested on. */
@ExtendWith(OutputCaptureExtension.class)
class SpringBootLineCheckTest {
  @TempDir
  Path dir;

  @Test
  void testedLinesPassUntestedOnesWarnOtherMajorsFail() {
    assertThat(SpringBootLineCheck.verdict("3.5.7")).isNull();
    assertThat(SpringBootLineCheck.verdict("4.0.7")).isNull();
    assertThat(SpringBootLineCheck.verdict("4.1.2")).isNull();
    assertThat(SpringBootLineCheck.verdict("4.2.0-M1")).startsWith(
        "jmigrate's Spring Boot starter is tested on Spring Boot 3.5, 4.0, 4.1, not 4.2.0-M1: check that the start-up"
            + " log says \"migrating the DataSource\"");
    assertThat(SpringBootLineCheck.verdict("3.4.1")).startsWith("jmigrate's Spring Boot starter is tested on");
    assertThat(SpringBootLineCheck.verdict("2.7.18")).startsWith("jmigrate cannot run on Spring Boot 2.7.18: its"
        + " starter supports Spring Boot 3.5, 4.0, 4.1");
    assertThat(SpringBootLineCheck.verdict("5.0.0")).startsWith("jmigrate cannot run on Spring Boot 5.0.0");
  }

  @Test
  void thisLineStartsWithoutAWordAndSaysWhatItMigrates(CapturedOutput output) {
    assertThat(SpringBootVersion.getVersion()).startsWith(BootLine.BOOT_4 ? "4." : "3.5.");
    new SpringApplicationBuilder(StartupFailureTest.App.class).web(WebApplicationType.NONE)
        .properties("spring.datasource.url=jdbc:sqlite:" + dir.resolve("line.db"), BootLine.NO_JPA).run().close();
    assertThat(output.getAll()).doesNotContain("tested on Spring Boot").contains("migrating the DataSource \"dataSource\"");
  }
}
