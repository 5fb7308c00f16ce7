package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.BIGINT;
import static io.jmigrate.schema.ColumnType.STRING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.testing.H2;
import io.jmigrate.testing.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sql(Map)}: each database runs the variant named by its dialect, and one without a variant fails by name. */
class PerDialectSqlTest {
  @TempDir Path dir;

  private static final Map<String, String> INSERT = Map.of(
      "sqlite", "INSERT INTO \"t\" (\"id\", \"who\") VALUES (1, 'sqlite')",
      "postgresql", "INSERT INTO \"t\" (\"id\", \"who\") VALUES (1, 'postgresql')",
      "h2", "INSERT INTO \"t\" (\"id\", \"who\") VALUES (1, 'h2')");
  private static final Map<String, String> DELETE = Map.of(
      "sqlite", "DELETE FROM \"t\"", "postgresql", "DELETE FROM \"t\"", "h2", "DELETE FROM \"t\"");

  private static List<Migration> migrations(Operation step) {
    return List.of(
        new TestMigration(1, "table", createTable(table("t", column("id", BIGINT).notNull(), column("who", STRING)).primaryKey("id"))),
        new TestMigration(2, "row", step));
  }

  @Test
  void sqliteRunsItsVariant() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("a.db"))) {
      assertRuns(c, "sqlite");
    }
  }

  @Test
  void postgresqlRunsItsVariant() throws Exception {
    try (Connection c = Postgres.newDatabase()) {
      assertRuns(c, "postgresql");
    }
  }

  @Test
  void h2RunsItsVariant() throws Exception {
    try (Connection c = H2.file(dir, "a")) {
      assertRuns(c, "h2");
    }
  }

  private static void assertRuns(Connection c, String dialect) throws Exception {
    Migrator m = new Migrator(migrations(sql(INSERT, DELETE)));
    m.migrate(c);
    assertEquals(dialect, who(c));
    m.migrateTo(c, 1);
    try (var s = c.createStatement(); var r = s.executeQuery("SELECT count(*) FROM \"t\"")) {
      r.next();
      assertEquals(0, r.getInt(1), "the reverse variant ran");
    }
  }

  @Test
  void aDialectWithoutAVariantFailsNamingTheMigration() throws Exception {
    Migrator m = new Migrator(migrations(sql(Map.of("postgresql", "SELECT 1"))));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("b.db"))) {
      MigrationException e = assertThrows(MigrationException.class, () -> m.migrate(c));
      assertTrue(e.getMessage().contains("V0002 row failed"), e.getMessage());
      assertTrue(e.getMessage().contains("given for postgresql but not for sqlite"), e.getMessage());
      assertEquals(1, m.status(c).currentVersion());
    }
  }

  @Test
  void theChecksumDoesNotDependOnTheMapsOrder() {
    Map<String, String> ab = new LinkedHashMap<>();
    ab.put("sqlite", "A");
    ab.put("h2", "B");
    Map<String, String> ba = new LinkedHashMap<>();
    ba.put("h2", "B");
    ba.put("sqlite", "A");
    int one = migrations(sql(ab)).get(1).checksum();
    assertEquals(one, migrations(sql(ba)).get(1).checksum());
    assertTrue(one != migrations(sql(Map.of("sqlite", "A", "h2", "C"))).get(1).checksum());
  }

  private static String who(Connection c) throws Exception {
    try (var s = c.createStatement(); var r = s.executeQuery("SELECT \"who\" FROM \"t\"")) {
      r.next();
      return r.getString(1);
    }
  }
}
