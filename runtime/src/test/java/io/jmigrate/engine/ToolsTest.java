package io.jmigrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.testing.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** status, sql, baseline and validate against real databases. */
class ToolsTest {
  @TempDir Path dir;

  final Migrator migrator = new Migrator(Workload.migrations(2));

  Connection sqlite() throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"));
  }

  @Test
  void statusListsAppliedAndPending() throws Exception {
    try (Connection c = sqlite()) {
      migrator.migrateTo(c, 2);
      Status s = migrator.status(c);
      assertEquals(2, s.currentVersion());
      assertEquals(List.of(3, 4, 5, 6), s.pending().stream().map(Status.Entry::version).toList());
      assertTrue(s.toString().startsWith("database at version 2 of 6: 4 pending\n"), s.toString());
      assertTrue(s.toString().contains("[X] V0001 create t"), s.toString());
      assertTrue(s.toString().contains("[ ] V0003 create u"), s.toString());
    }
  }

  @Test
  void baselineAdoptsAnExistingDatabase() throws Exception {
    for (Dialect d : List.of(Dialect.named("sqlite"), Dialect.named("postgresql"))) {
      try (Connection c = d.name().equals("sqlite") ? sqlite() : Postgres.newDatabase()) {
        // The schema of version 4, made by hand (here: the SQL jmigrate would have run, minus the history).
        try (Statement s = c.createStatement()) {
          for (String sql : migrator.sql(d, 0, 4)) {
            if (!sql.startsWith("--")) {
              s.execute(sql);
            }
          }
        }
        migrator.baseline(c, 4);
        assertEquals(4, migrator.status(c).currentVersion(), d.name());
        assertEquals(2, migrator.migrate(c).size(), d.name());
        assertTrue(migrator.validate(c).isEmpty(), d.name() + ": " + migrator.validate(c));
        MigrationException again = assertThrows(MigrationException.class, () -> migrator.baseline(c, 4));
        assertTrue(again.getMessage().contains("never migrated"), again.getMessage());
      }
    }
  }

  @Test
  void validateReportsDriftTableByTableAndColumnByColumn() throws Exception {
    try (Connection c = sqlite(); Statement s = c.createStatement()) {
      migrator.migrate(c);
      assertTrue(migrator.validate(c).isEmpty());
      s.execute("ALTER TABLE t ADD COLUMN surprise TEXT");
      s.execute("DROP INDEX ix_u_t_id");
      s.execute("CREATE TABLE stray (id INTEGER)");
      Drift drift = migrator.validate(c);
      assertEquals(List.of(
          "column t.surprise is not in the migrations",
          "index ix_u_t_id on u is missing",
          "table stray is not in the migrations"), drift.differences());
      assertTrue(drift.toString().startsWith("the database differs from version 6"), drift.toString());
    }
  }

  @Test
  void validateReportsAColumnWhoseTypeWasChangedByHand() throws Exception {
    try (Connection c = Postgres.newDatabase(); Statement s = c.createStatement()) {
      migrator.migrate(c);
      assertTrue(migrator.validate(c).isEmpty(), migrator.validate(c).toString());
      try (var rs = s.executeQuery("SELECT count(*), min(execution_ms), bool_and(success), min(description) FROM jmigrate_history")) {
        rs.next();
        assertEquals(6, rs.getInt(1));
        assertTrue(rs.getLong(2) >= 0, "the server measured each migration");
        assertTrue(rs.getBoolean(3));
        assertEquals("add x5", rs.getString(4));
      }
      s.execute("ALTER TABLE t ALTER COLUMN a TYPE text");
      s.execute("ALTER TABLE t ALTER COLUMN bb SET NOT NULL");
      assertEquals(List.of("column t.a has the type text but the migrations make it BIGINT",
          "column t.bb is NOT NULL but the migrations make it nullable"), migrator.validate(c).differences());
    }
  }
}
