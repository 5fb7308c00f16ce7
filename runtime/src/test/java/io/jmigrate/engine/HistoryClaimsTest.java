package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.Operation;
import io.jmigrate.testing.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jmigrate_history.execution_ms} is measured: a migration that takes 300 ms records at
 * least 300, wherever in the migration the time goes (a Java step before any SQL, between
 * statements, or after them), and a quick one records less, on SQLite and on PostgreSQL.
 */
class HistoryClaimsTest {
  static final long SLEEP = 300;

  @TempDir Path dir;

  static Operation sleep() {
    return java("wait " + SLEEP + " ms", c -> {
      try {
        Thread.sleep(SLEEP);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  static final Migrator MIGRATOR = new Migrator(List.of(
      new TestMigration(1, "quick", createTable(table("a", column("id", BIGINT).notNull()).primaryKey("id"))),
      new TestMigration(2, "slow java first", sleep(), addColumn("a", column("x", INTEGER))),
      new TestMigration(3, "slow java between", addColumn("a", column("y", INTEGER)), sleep(), addColumn("a", column("z", INTEGER))),
      new TestMigration(4, "slow java last", addColumn("a", column("w", INTEGER)), sleep()),
      new TestMigration(5, "slow java only", sleep())));

  void assertMeasured(Connection c) throws Exception {
    String db = c.getMetaData().getDatabaseProductName();
    List<AppliedMigration> applied = MIGRATOR.migrate(c);
    assertEquals(5, applied.size(), db);
    List<String> recorded = strings(c, "SELECT execution_ms FROM jmigrate_history ORDER BY version");
    for (int v = 2; v <= 5; v++) {
      long ms = Long.parseLong(recorded.get(v - 1));
      assertTrue(ms >= SLEEP, db + ": V" + v + " took at least " + SLEEP + " ms but execution_ms is " + ms + " " + recorded);
      assertTrue(applied.get(v - 1).millis() >= SLEEP, db + ": V" + v + " reported " + applied.get(v - 1));
    }
    assertTrue(Long.parseLong(recorded.get(0)) < SLEEP, db + ": the quick one " + recorded);
  }

  @Test
  void sqliteMeasuresEachMigration() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("h.db"))) {
      assertMeasured(c);
    }
  }

  @Test
  void postgresMeasuresEachMigration() throws Exception {
    try (Connection c = Postgres.newDatabase()) {
      assertMeasured(c);
    }
  }
}
