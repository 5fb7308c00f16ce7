package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.Migration;
import io.jmigrate.testing.LogCapture;
import io.jmigrate.testing.Postgres;
import io.jmigrate.testing.Sql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration that runs longer than the report interval is reported through the logger while it
 * runs: which one, for how long, what it runs now, and what the database can tell. The interval is
 * shortened here so that real work on real databases crosses it.
 */
class ProgressTest {
  @TempDir Path dir;

  static final Migration CREATE = new TestMigration(1, "create big",
      createTable(table("big", column("id", BIGINT).notNull(), column("v", INTEGER)).primaryKey("id")));

  @Test
  void sqliteCountsTheRowsARebuildCopiesFirst() throws Exception {
    List<Migration> migrations = List.of(CREATE,
        new TestMigration(2, "widen v", alterColumn("big", column("v", BIGINT).notNull().defaultValue("0"))));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("p.db"))) {
      new Migrator(migrations).migrateTo(c, 1);
      Sql.exec(c, "INSERT INTO big (id, v) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000)"
          + " SELECT i, i FROM n");
      try (LogCapture log = new LogCapture()) {
        new Migrator(migrations).withReportEvery(Duration.ofMillis(5)).migrate(c);
        List<String> copying = log.containing("copies 300000 rows of \"big\" into the rebuilt table");
        assertFalse(copying.isEmpty(), log.toString());
        assertTrue(copying.get(0).matches("V0002 widen v: running for \\d+ ms; now \\(statement \\d\\): INSERT INTO"
            + " \"_jm_new_big\" .*; it copies 300000 rows of \"big\" into the rebuilt table"), copying.get(0));
      }
      assertEquals("300000", Sql.strings(c, "SELECT COUNT(*) FROM big").get(0), "every row kept");
    }
  }

  @Test
  void postgresReportsAnIndexBuildFromPgStatProgressCreateIndex() throws Exception {
    List<Migration> migrations = List.of(CREATE, new TestMigration(2, "index v", addIndex("big", index("ix_big_v", "v"))));
    try (Connection c = Postgres.newDatabase()) {
      new Migrator(migrations).migrateTo(c, 1);
      Sql.exec(c, "INSERT INTO big (id, v) SELECT g, (g::bigint * 7919) % 1000003 FROM generate_series(1, 1000000) g");
      try (LogCapture log = new LogCapture()) {
        new Migrator(migrations).withReportEvery(Duration.ofMillis(20)).migrate(c);
        // PostgreSQL builds it online (CREATE INDEX CONCURRENTLY, outside the transaction): reported the same way.
        List<String> building = log.containing(" on big: ");
        assertFalse(building.isEmpty(), log.toString());
        assertTrue(building.get(0).matches("V0002 index v: running for [0-9.]+ m?s; now \\(statement 1\\): CREATE INDEX CONCURRENTLY"
            + " IF NOT EXISTS \"ix_big_v\" ON \"big\" \\(\"v\"\\); (an index|index ix_big_v) on big: .*"), building.get(0));
        assertTrue(log.lines().stream().anyMatch(l -> l.matches(".* on big: building index.* of \\d+ (blocks|rows).*")),
            log.toString());
      }
    }
  }

  /**
   * The ticker looks once per interval for the whole run, not per migration: a long migration after
   * many quick ones is still reported at each whole interval from its own start, and the quick ones
   * are not reported at all.
   */
  @Test
  void aLongMigrationAfterQuickOnesIsReportedEveryIntervalFromItsStart() throws Exception {
    List<Migration> migrations = new java.util.ArrayList<>();
    for (int v = 1; v <= 30; v++) {
      migrations.add(new TestMigration(v, "create t" + v,
          createTable(table("t" + v, column("id", BIGINT).notNull()).primaryKey("id"))));
    }
    migrations.add(new TestMigration(31, "wait", java("sleep 1 s", c -> {
      try {
        Thread.sleep(1_000); // five intervals
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    })));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("l.db")); LogCapture log = new LogCapture()) {
      new Migrator(migrations).withReportEvery(Duration.ofMillis(200)).migrate(c);
      List<String> reports = log.containing(": running for ");
      assertTrue(reports.stream().allMatch(l -> l.startsWith("V0031 wait: running for ")), log.toString());
      assertTrue(reports.size() >= 2 && reports.size() <= 5, "at most one report per whole interval of the 1 s step: " + log);
      long previous = 0;
      for (String l : reports) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("running for ([0-9.]+) (ms|s);").matcher(l);
        assertTrue(m.find(), l);
        double ms = Double.parseDouble(m.group(1)) * (m.group(2).equals("s") ? 1000 : 1);
        long whole = (long) (ms / 200); // reports come at whole intervals from its start, one per interval
        assertTrue(whole >= 1 && whole > previous, "one report per whole interval from the migration's start: " + reports);
        previous = whole;
      }
      assertTrue(reports.get(0).contains("; now (statement 1): Java step \"sleep 1 s\""), reports.get(0));
    }
  }

  @Test
  void quickMigrationsSayNothingMore() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("q.db")); LogCapture log = new LogCapture()) {
      new Migrator(Workload.migrations(2)).migrate(c);
      assertEquals(6, log.lines().size(), "one line per applied migration: " + log);
      assertTrue(log.lines().stream().allMatch(l -> l.startsWith("applying V000")), log.toString());
    }
  }
}
