package io.jmigrate.engine;

import static io.jmigrate.testing.Sql.exec;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.testing.Postgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PostgreSQL with {@code currentSchema=app}: history, validate and baseline look at that schema only. */
class CurrentSchemaTest {
  final Migrator migrator = new Migrator(Workload.migrations(2));

  @Test
  void historyAndValidateUseTheConnectionsSchema() throws Exception {
    String url = Postgres.newDatabaseUrl();
    try (Connection publicSchema = DriverManager.getConnection(url)) {
      migrator.migrateTo(publicSchema, 3); // public has its own tables and history, at another version
      exec(publicSchema, "CREATE TABLE stray (id INTEGER)");
      exec(publicSchema, "CREATE SCHEMA app");
    }
    try (Connection app = DriverManager.getConnection(url + "&currentSchema=app")) {
      assertEquals(0, migrator.status(app).currentVersion());
      assertEquals(6, migrator.migrate(app).size());
      assertEquals(List.of("6"), strings(app, "SELECT max(version) FROM app.jmigrate_history"));
      assertTrue(migrator.validate(app).isEmpty(), migrator.validate(app).toString());
      exec(app, "ALTER TABLE app.t ADD COLUMN surprise TEXT");
      assertEquals(List.of("column t.surprise is not in the migrations"), migrator.validate(app).differences());
    }
    try (Connection publicSchema = DriverManager.getConnection(url)) {
      assertEquals(3, migrator.status(publicSchema).currentVersion());
      assertEquals(List.of("table stray is not in the migrations"), migrator.validate(publicSchema).differences());
    }
  }

  @Test
  void baselineInAnotherSchema() throws Exception {
    String url = Postgres.newDatabaseUrl();
    try (Connection c = DriverManager.getConnection(url)) {
      exec(c, "CREATE SCHEMA app");
    }
    try (Connection app = DriverManager.getConnection(url + "&currentSchema=app")) {
      for (String sql : migrator.sql(io.jmigrate.dialect.Dialect.named("postgresql"), 0, 4)) {
        if (!sql.startsWith("--")) {
          exec(app, sql);
        }
      }
      migrator.baseline(app, 4);
      assertEquals(2, migrator.migrate(app).size());
    }
  }
}
