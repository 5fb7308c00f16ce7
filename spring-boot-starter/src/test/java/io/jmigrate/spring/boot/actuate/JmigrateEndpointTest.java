package io.jmigrate.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jmigrate.engine.Migrator;
import io.jmigrate.engine.Status;
import io.jmigrate.spring.boot.BootLine;
import io.jmigrate.spring.boot.JmigrateAutoConfiguration;
import io.jmigrate.spring.boot.migrations.V0001_CreateBook;
import io.jmigrate.spring.boot.migrations.V0002_AddBookAuthor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code /actuator/jmigrate}: over HTTP in a whole web application, and its conditions. */
class JmigrateEndpointTest {
  @TempDir
  Path dir;

  private String sqlite(String name) {
    return "spring.datasource.url=jdbc:sqlite:" + dir.resolve(name);
  }

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(BootLine.jdbc(EndpointAutoConfiguration.class, JmigrateEndpointAutoConfiguration.class));

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class WebApp {}

  @Test
  void listsAppliedAndPendingMigrationsOverHttp() throws Exception {
    ConfigurableApplicationContext context = new SpringApplicationBuilder(WebApp.class)
        .web(WebApplicationType.SERVLET)
        .properties(sqlite("web.db"), "server.port=0", "management.endpoints.web.exposure.include=jmigrate",
            "jmigrate.target-version=2", BootLine.NO_JPA)
        .run();
    try (context) {
      int port = BootLine.port(context);
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/jmigrate")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/vnd.spring-boot.actuator.v3+json"));
      Map<String, Object> json = longs(JsonParserFactory.getJsonParser().parseMap(response.body()));
      assertThat(json).containsEntry("dataSource", "dataSource").containsEntry("currentVersion", 2L)
          .containsEntry("latestVersion", 3L).containsEntry("targetVersion", 2L)
          .containsEntry("summary", "database at version 2 of 3: 1 pending")
          .doesNotContainKey("dataSources"); // one DataSource
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> migrations = (List<Map<String, Object>>) json.get("migrations");
      assertThat(migrations).hasSize(3);
      assertThat(migrations.get(0)).containsEntry("version", 1L).containsEntry("description", "create table book")
          .containsEntry("state", "APPLIED").containsEntry("irreversible", false);
      assertThat((String) migrations.get(0).get("appliedAt")).matches("\\d{4}-\\d\\d-\\d\\d.*");
      assertThat(migrations.get(0)).containsKey("durationMs");
      assertThat(migrations.get(1)).containsEntry("state", "APPLIED");
      assertThat(migrations.get(2)).containsEntry("version", 3L).containsEntry("description", "create table shelf")
          .containsEntry("state", "PENDING")
          .doesNotContainKeys("appliedAt", "problem", "progress", "durationMs"); // Actuator leaves out nulls
    }
  }

  /** Every number as a Long, whichever JSON parser the line's Actuator brings. */
  @SuppressWarnings("unchecked")
  static <T> T longs(T json) {
    if (json instanceof Map<?, ?> map) {
      Map<String, Object> out = new java.util.LinkedHashMap<>();
      map.forEach((k, v) -> out.put((String) k, longs(v)));
      return (T) out;
    }
    if (json instanceof List<?> list) {
      return (T) list.stream().map(JmigrateEndpointTest::longs).toList();
    }
    return json instanceof Number n ? (T) Long.valueOf(n.longValue()) : json;
  }

  @Configuration(proxyBeanMethods = false)
  static class OlderBuild {
    @Bean
    Migrator olderMigrator() {
      return new Migrator(List.of(new V0001_CreateBook(), new V0002_AddBookAuthor()));
    }
  }

  @Test
  void marksAVersionTheBuildDoesNotKnow() {
    String url = sqlite("ahead.db");
    String exposed = "management.endpoints.web.exposure.include=jmigrate";
    runner.withPropertyValues(url, exposed).run(context -> assertThat(context).hasNotFailed());
    runner.withPropertyValues(url, exposed, "jmigrate.fail-on-ahead=false").withUserConfiguration(OlderBuild.class)
        .run(context -> {
          JmigrateEndpoint.MigrationsDescriptor d = context.getBean(JmigrateEndpoint.class).migrations();
          assertThat(d.currentVersion()).isEqualTo(3);
          assertThat(d.latestVersion()).isEqualTo(2);
          JmigrateEndpoint.MigrationDescriptor third = d.migrations().get(2);
          assertThat(third.state()).isEqualTo(Status.State.APPLIED);
          assertThat(third.problem()).contains("which this build does not know");
          assertThat(d.migrations().get(0).problem()).isNull();
        });
  }

  /** Starts without migrating: the history is as a run stopped in the middle of version 3 left it. */
  @Configuration(proxyBeanMethods = false)
  static class LookOnly {
    @Bean
    io.jmigrate.spring.boot.JmigrateMigrationStrategy lookOnly() {
      return jmigrate -> {};
    }
  }

  @Test
  void showsAPartlyAppliedMigrationInTheStatesStatusShows() throws Exception {
    String url = "jdbc:h2:mem:partial;DB_CLOSE_DELAY=-1";
    String exposed = "management.endpoints.web.exposure.include=jmigrate";
    runner.withPropertyValues("spring.datasource.url=" + url, exposed, "jmigrate.target-version=2")
        .run(context -> assertThat(context).hasNotFailed());
    try (var c = java.sql.DriverManager.getConnection(url, "sa", ""); var s = c.createStatement()) {
      s.execute("INSERT INTO jmigrate_history (version, description, checksum, execution_ms, success, steps_done,"
          + " step_started) VALUES (3, 'create table shelf', 0, 0, FALSE, 0, 1)");
    }
    runner.withPropertyValues("spring.datasource.url=" + url, exposed).withUserConfiguration(LookOnly.class)
        .run(context -> {
          Status status = context.getBean(io.jmigrate.spring.boot.Jmigrate.class).status();
          JmigrateEndpoint.MigrationsDescriptor d = context.getBean(JmigrateEndpoint.class).migrations();
          JmigrateEndpoint.MigrationDescriptor third = d.migrations().get(2);
          assertThat(third.state()).isEqualTo(Status.State.FAILED_PARTIAL).isEqualTo(status.entries().get(2).state());
          assertThat(third.problem()).isEqualTo(status.entries().get(2).problem());
          assertThat(third.progress()).isEqualTo(status.entries().get(2).progress()).isNotNull();
          assertThat(d.summary()).isEqualTo(status.summary()).contains("1 failed-partial");
        });
  }

  @Test
  void onlyWhenExposed() {
    runner.withPropertyValues(sqlite("hidden.db"))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(JmigrateEndpoint.class));
  }

  @Test
  void notWithoutActuator() {
    runner.withPropertyValues(sqlite("plain.db"), "management.endpoints.web.exposure.include=jmigrate")
        .withClassLoader(new FilteredClassLoader(Endpoint.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(JmigrateEndpoint.class)
            .hasSingleBean(io.jmigrate.spring.boot.Jmigrate.class));
  }
}
