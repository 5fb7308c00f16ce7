package io.jmigrate.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jmigrate.engine.Migrator;
import io.jmigrate.spring.boot.JmigrateAutoConfiguration;
import io.jmigrate.spring.boot.migrations.V0001_CreateBook;
import io.jmigrate.spring.boot.migrations.V0002_AddBookAuthor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.context.WebServerApplicationContext;
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
      .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JmigrateAutoConfiguration.class,
          EndpointAutoConfiguration.class, JmigrateEndpointAutoConfiguration.class));

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class WebApp {}

  @Test
  void listsAppliedAndPendingMigrationsOverHttp() throws Exception {
    ConfigurableApplicationContext context = new SpringApplicationBuilder(WebApp.class)
        .web(WebApplicationType.SERVLET)
        .properties(sqlite("web.db"), "server.port=0", "management.endpoints.web.exposure.include=jmigrate",
            "jmigrate.target-version=2",
            "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration,"
                + "org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration")
        .run();
    try (context) {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/jmigrate")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/vnd.spring-boot.actuator.v3+json"));
      JsonNode json = new ObjectMapper().readTree(response.body());
      assertThat(json.get("currentVersion").asInt()).isEqualTo(2);
      assertThat(json.get("latestVersion").asInt()).isEqualTo(3);
      assertThat(json.get("targetVersion").asInt()).isEqualTo(2);
      JsonNode migrations = json.get("migrations");
      assertThat(migrations).hasSize(3);
      assertThat(migrations.get(0).get("version").asInt()).isEqualTo(1);
      assertThat(migrations.get(0).get("description").asText()).isEqualTo("create table book");
      assertThat(migrations.get(0).get("state").asText()).isEqualTo("APPLIED");
      assertThat(migrations.get(0).get("appliedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\d.*");
      assertThat(migrations.get(1).get("state").asText()).isEqualTo("APPLIED");
      assertThat(migrations.get(2).get("version").asInt()).isEqualTo(3);
      assertThat(migrations.get(2).get("description").asText()).isEqualTo("create table shelf");
      assertThat(migrations.get(2).get("state").asText()).isEqualTo("PENDING");
      assertThat(migrations.get(2).has("appliedAt")).isFalse(); // Actuator leaves out nulls
      assertThat(migrations.get(2).has("problem")).isFalse();
    }
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
          assertThat(third.state()).isEqualTo(JmigrateEndpoint.State.APPLIED);
          assertThat(third.problem()).contains("which this build does not know");
          assertThat(d.migrations().get(0).problem()).isNull();
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
