package io.jmigrate.example.quarkus;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application (target/quarkus-app), started as a user starts it, on a database jmigrate cannot
 * migrate: the start fails, the process exits non-zero, and the output says why in jmigrate's words.
 */
class StartupFailureIT {
  @TempDir
  Path dir;

  @Test
  void aDatabaseItCannotMigrateStopsTheStartWithJmigratesMessage() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("library"); // H2's own folding (upper case), no setting for jmigrate
    try (Connection c = DriverManager.getConnection(url)) {
      c.createStatement().execute("create table author (id int primary key)"); // made by hand, never by jmigrate
    }
    Path log = dir.resolve("out.log");
    Process app = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dquarkus.datasource.jdbc.url=" + url, "-Dquarkus.http.port=0",
        "-jar", Paths.get("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(app.waitFor(180, TimeUnit.SECONDS), "the application should stop by itself");
    String out = Files.readString(log);
    assertNotEquals(0, app.exitValue(), out);
    assertTrue(out.toLowerCase(java.util.Locale.ROOT).contains("jmigrate could not migrate datasource <default>: "
        + "this database has tables [author] but no jmigrate_history"), out);
    assertTrue(out.contains("Nothing was changed."), out);
  }
}
