package io.jmigrate.example.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The application as `mvn spring-boot:run` starts it: migrated at start-up, then the runner writes and reads. */
class LibraryApplicationTest {
  @TempDir
  Path dir;

  private static ConfigurableApplicationContext start(String url) {
    return new SpringApplicationBuilder(LibraryApplication.class).run("--spring.datasource.url=" + url);
  }

  private static void startTwiceAndRead(String url) {
    try (ConfigurableApplicationContext first = start(url)) {
      assertThat(first.getBean(Library.class).books()).extracting(Object::toString)
          .containsExactly("The Dispossessed by Ursula K. Le Guin (1974)");
    }
    try (ConfigurableApplicationContext second = start(url)) { // up to date: migrates nothing, adds a second copy
      assertThat(second.getBean(Library.class).books()).hasSize(2);
      JdbcClient jdbc = second.getBean(JdbcClient.class);
      assertThat(jdbc.sql("SELECT count(*) FROM author").query(Long.class).single()).isEqualTo(1);
      assertThat(jdbc.sql("SELECT version FROM jmigrate_history").query(Integer.class).list()).containsExactly(1);
    }
  }

  @Test
  void sqlite() {
    startTwiceAndRead("jdbc:sqlite:" + dir.resolve("library.db"));
  }

  @Test
  void postgresql() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      startTwiceAndRead(pg.getJdbcUrl("postgres", "postgres"));
    }
  }
}
