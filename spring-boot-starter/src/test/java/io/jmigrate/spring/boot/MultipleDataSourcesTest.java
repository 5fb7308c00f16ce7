package io.jmigrate.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jmigrate.spring.boot.actuate.JmigrateEndpoint;
import io.jmigrate.spring.boot.actuate.JmigrateEndpointAutoConfiguration;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.sqlite.SQLiteDataSource;

/**
 * Applications with two DataSources (two SQLite files): jmigrate migrates the ones marked
 * {@link JmigrateDataSource}, else the {@code @Primary} one, says which at start-up, and fails with
 * what to do when nothing says which.
 */
@ExtendWith(OutputCaptureExtension.class)
class MultipleDataSourcesTest {
  @TempDir
  Path dir;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(BootLine.jdbc(EndpointAutoConfiguration.class, JmigrateEndpointAutoConfiguration.class))
      .withPropertyValues("management.endpoints.web.exposure.include=jmigrate");

  static DataSource sqlite(String url) {
    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl(url);
    return dataSource;
  }

  @Configuration(proxyBeanMethods = false)
  static class NoneChosen {
    @Bean
    DataSource first(@Value("${test.first}") String url) {
      return sqlite(url);
    }

    @Bean
    DataSource second(@Value("${test.second}") String url) {
      return sqlite(url);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class SecondMarked {
    @Bean
    DataSource first(@Value("${test.first}") String url) {
      return sqlite(url);
    }

    @Bean
    @JmigrateDataSource
    DataSource second(@Value("${test.second}") String url) {
      return sqlite(url);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class BothMarked {
    @Bean
    @JmigrateDataSource
    DataSource first(@Value("${test.first}") String url) {
      return sqlite(url);
    }

    @Bean
    @JmigrateDataSource
    DataSource second(@Value("${test.second}") String url) {
      return sqlite(url);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class FirstPrimary {
    @Bean
    @Primary
    DataSource first(@Value("${test.first}") String url) {
      return sqlite(url);
    }

    @Bean
    DataSource second(@Value("${test.second}") String url) {
      return sqlite(url);
    }
  }

  private String first;
  private String second;

  private ApplicationContextRunner with(Class<?> config) {
    first = "jdbc:sqlite:" + dir.resolve("first.db");
    second = "jdbc:sqlite:" + dir.resolve("second.db");
    return runner.withUserConfiguration(config).withPropertyValues("test.first=" + first, "test.second=" + second);
  }

  @Test
  void twoDataSourcesAndNoChoiceFailStartUpNamingThem() throws SQLException {
    with(NoneChosen.class).run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).isInstanceOf(NoDataSourceChosenException.class)
          .hasMessage("jmigrate does not know which DataSource to migrate: the application has 2 (first, second),"
              + " none of them @Primary or marked @JmigrateDataSource");
    });
    assertThat(Databases.tables(first)).isEmpty();
    assertThat(Databases.tables(second)).isEmpty();
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class MarkedApp extends SecondMarked {}

  @Test
  void theMarkedOneIsMigratedAndTheLogSaysWhich(CapturedOutput output) throws SQLException {
    with(SecondMarked.class).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(Jmigrate.class).name()).isEqualTo("second");
    });
    assertThat(Databases.versions(second)).containsExactly(1, 2, 3);
    assertThat(Databases.tables(first)).isEmpty();

    // The start-up log of a whole application (Spring Boot's logging, where System.Logger's lines go).
    new SpringApplicationBuilder(MarkedApp.class).web(WebApplicationType.NONE)
        .properties("test.first=" + first, "test.second=" + second, BootLine.NO_JPA).run().close();
    assertThat(Databases.versions(second)).containsExactly(1, 2, 3);
    assertThat(Databases.tables(first)).isEmpty();
    assertThat(output.getAll()).contains("migrating the DataSource \"second\" (jdbc:sqlite:")
        .doesNotContain("migrating the DataSource \"first\"");
  }

  @Test
  void severalMarkedAreEachMigratedAndTheEndpointShowsEach() throws SQLException {
    with(BothMarked.class).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBeansOfType(Jmigrate.class)).containsOnlyKeys("firstJmigrate", "secondJmigrate");
      JmigrateEndpoint endpoint = context.getBean(JmigrateEndpoint.class);
      assertThat(endpoint.migrations().dataSource()).isEqualTo("first");
      assertThat(endpoint.migrations().dataSources()).containsExactly("first", "second");
      assertThat(endpoint.migrations("second").currentVersion()).isEqualTo(3);
      assertThat(endpoint.migrations("third")).isNull();
    });
    assertThat(Databases.versions(first)).containsExactly(1, 2, 3);
    assertThat(Databases.versions(second)).containsExactly(1, 2, 3);
  }

  @Test
  void withoutAMarkThePrimaryOneIsMigrated() throws SQLException {
    with(FirstPrimary.class).run(context -> assertThat(context).hasNotFailed());
    assertThat(Databases.versions(first)).containsExactly(1, 2, 3);
    assertThat(Databases.tables(second)).isEmpty();
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App extends NoneChosen {}

  @Test
  void theFailureReportSaysHowToChoose(CapturedOutput output) {
    first = "jdbc:sqlite:" + dir.resolve("first.db");
    assertThatThrownBy(() -> new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
        .properties("test.first=" + first, "test.second=jdbc:sqlite:" + dir.resolve("second.db"), BootLine.NO_JPA)
        .run().close()).isInstanceOf(NoDataSourceChosenException.class);
    String report = output.getOut().substring(output.getOut().indexOf("APPLICATION FAILED TO START"));
    assertThat(report).contains("jmigrate does not know which DataSource to migrate")
        .contains("Action:\n\nAnnotate the DataSource(s) jmigrate should migrate with"
            + " @io.jmigrate.spring.boot.JmigrateDataSource");
  }
}
