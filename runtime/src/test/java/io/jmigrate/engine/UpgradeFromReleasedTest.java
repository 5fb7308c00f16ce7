package io.jmigrate.engine;

import static io.jmigrate.testing.Sql.exec;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.testing.H2;
import io.jmigrate.testing.MariaDb;
import io.jmigrate.testing.Postgres;
import io.jmigrate.testing.Sql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upgrade path: a database migrated to version 4 of {@link Workload} by the released code
 * (release 0.1), recreated here from what that code ran and wrote, pinned as literals: its
 * statements, its history table and its history rows with the checksums it computed. The current
 * code must take it over as it is: same status, no drift, and the pending migrations apply.
 */
class UpgradeFromReleasedTest {
  @TempDir Path dir;

  /** Checksums of Workload's V0001 to V0004 as the released code stored them. */
  static final int[] RELEASED_CHECKSUMS = {63724065, -582001986, 1450842132, -1180849005};

  static final List<String> RELEASED_SQLITE = List.of(
      "CREATE TABLE \"t\" (\n  \"id\" BIGINT NOT NULL,\n  \"a\" INTEGER,\n  \"b\" TEXT,\n  CONSTRAINT \"pk_t\" PRIMARY KEY (\"id\")\n)",
      "ALTER TABLE \"t\" ADD COLUMN \"c\" TEXT",
      "CREATE TABLE \"_jm_new_t\" (\n  \"id\" BIGINT NOT NULL,\n  \"a\" BIGINT NOT NULL DEFAULT 0,\n  \"b\" TEXT,\n  \"c\" TEXT,\n  CONSTRAINT \"pk_t\" PRIMARY KEY (\"id\")\n)",
      "INSERT INTO \"_jm_new_t\" (\"id\", \"a\", \"b\", \"c\") SELECT \"id\", COALESCE(\"a\", 0), \"b\", \"c\" FROM \"t\"",
      "DROP TABLE \"t\"",
      "ALTER TABLE \"_jm_new_t\" RENAME TO \"t\"",
      "CREATE TABLE \"u\" (\n  \"id\" BIGINT NOT NULL,\n  \"t_id\" BIGINT,\n  CONSTRAINT \"pk_u\" PRIMARY KEY (\"id\"),\n  CONSTRAINT \"fk_u_t_id\" FOREIGN KEY (\"t_id\") REFERENCES \"t\" (\"id\")\n)",
      "CREATE INDEX \"ix_u_t_id\" ON \"u\" (\"t_id\")",
      "ALTER TABLE \"t\" RENAME COLUMN \"b\" TO \"bb\"",
      "ALTER TABLE \"t\" DROP COLUMN \"c\"",
      "CREATE TABLE IF NOT EXISTS \"jmigrate_history\" (\n  version INTEGER PRIMARY KEY,\n  description TEXT NOT NULL,\n"
          + "  checksum INTEGER NOT NULL,\n  applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
          + "  execution_ms INTEGER NOT NULL,\n  success BOOLEAN NOT NULL\n)");

  static final List<String> RELEASED_POSTGRES = List.of(
      "CREATE TABLE \"t\" (\n  \"id\" BIGINT NOT NULL,\n  \"a\" INTEGER,\n  \"b\" TEXT,\n  CONSTRAINT \"pk_t\" PRIMARY KEY (\"id\")\n)",
      "ALTER TABLE \"t\" ADD COLUMN \"c\" TEXT",
      "ALTER TABLE \"t\" ALTER COLUMN \"a\" TYPE BIGINT USING \"a\"::BIGINT",
      "ALTER TABLE \"t\" ALTER COLUMN \"a\" SET DEFAULT 0",
      "UPDATE \"t\" SET \"a\" = 0 WHERE \"a\" IS NULL",
      "ALTER TABLE \"t\" ALTER COLUMN \"a\" SET NOT NULL",
      "CREATE TABLE \"u\" (\n  \"id\" BIGINT NOT NULL,\n  \"t_id\" BIGINT,\n  CONSTRAINT \"pk_u\" PRIMARY KEY (\"id\"),\n  CONSTRAINT \"fk_u_t_id\" FOREIGN KEY (\"t_id\") REFERENCES \"t\" (\"id\")\n)",
      "CREATE INDEX \"ix_u_t_id\" ON \"u\" (\"t_id\")",
      "ALTER TABLE \"t\" RENAME COLUMN \"b\" TO \"bb\"",
      "ALTER TABLE \"t\" DROP COLUMN \"c\"",
      "CREATE TABLE IF NOT EXISTS \"jmigrate_history\" (\n  version INTEGER PRIMARY KEY,\n  description TEXT NOT NULL,\n"
          + "  checksum INTEGER NOT NULL,\n  applied_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
          + "  execution_ms BIGINT NOT NULL,\n  success BOOLEAN NOT NULL\n)");

  static final String[] DESCRIPTIONS = {"create t", "widen a", "create u", "rename b, drop c"};

  void releasedDatabaseAtVersion4(Connection c, List<String> statements) throws Exception {
    for (String sql : statements) {
      exec(c, sql);
    }
    exec(c, "INSERT INTO t (id, a, bb) VALUES (1, 5, 'kept')");
    for (int v = 1; v <= 4; v++) {
      // As History.insert of release 0.1 wrote them (unquoted table name, success TRUE).
      exec(c, "INSERT INTO jmigrate_history (version, description, checksum, execution_ms, success) VALUES ("
          + v + ", '" + DESCRIPTIONS[v - 1] + "', " + RELEASED_CHECKSUMS[v - 1] + ", 3, TRUE)");
    }
  }

  void takeOver(Connection c) {
    Migrator current = new Migrator(Workload.migrations(2));
    assertEquals(4, current.status(c).currentVersion());
    assertTrue(current.status(c).problems().isEmpty(), current.status(c).toString());
    assertTrue(current.validate(c).isEmpty(), current.validate(c).toString());
    assertEquals(List.of(5, 6), current.migrate(c).stream().map(AppliedMigration::version).toList());
    assertTrue(current.validate(c).isEmpty(), current.validate(c).toString());
    assertEquals(List.of(), current.migrate(c));
  }

  @Test
  void sqliteDatabaseOfTheReleasedCodeValidatesAndMigrates() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("released.db"))) {
      releasedDatabaseAtVersion4(c, RELEASED_SQLITE);
      takeOver(c);
    }
  }

  @Test
  void postgresDatabaseOfTheReleasedCodeValidatesAndMigrates() throws Exception {
    try (Connection c = Postgres.newDatabase()) {
      releasedDatabaseAtVersion4(c, RELEASED_POSTGRES);
      takeOver(c);
    }
  }

  /**
   * MariaDB and H2 history tables as made before steps_done and step_started existed (the shapes
   * their dialects create, pinned here): the current code reads them as they are, and adds the two
   * columns under the lock before its first migration records progress in them.
   */
  static final String OLD_SHAPE_MARIADB = "CREATE TABLE IF NOT EXISTS `jmigrate_history` (\n  version INT PRIMARY KEY,\n"
      + "  description TEXT NOT NULL,\n  checksum INT NOT NULL,\n"
      + "  applied_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),\n  execution_ms BIGINT NOT NULL,\n"
      + "  success BOOLEAN NOT NULL\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";

  static final String OLD_SHAPE_H2 = "CREATE TABLE IF NOT EXISTS \"jmigrate_history\" (\n  version INTEGER PRIMARY KEY,\n"
      + "  description VARCHAR NOT NULL,\n  checksum INTEGER NOT NULL,\n"
      + "  applied_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,\n  execution_ms BIGINT NOT NULL,\n"
      + "  success BOOLEAN NOT NULL\n)";

  /** Version 4's schema as the dialect makes it, and the old-shape history with version 4's rows. */
  void oldShapeDatabaseAtVersion4(Connection c, String dialect, String history) throws Exception {
    List<String> statements = new ArrayList<>();
    for (String line : new Migrator(Workload.migrations(0)).sql(Dialect.named(dialect), 0, 4)) {
      if (!line.startsWith("--")) {
        statements.add(line.substring(0, line.length() - 1));
      }
    }
    statements.add(history);
    releasedDatabaseAtVersion4(c, statements);
  }

  /** After the take-over, the table has the two columns, null on every row (each migration completed). */
  void assertProgressColumnsAdded(Connection c) throws Exception {
    assertEquals(List.of("1|-|-", "2|-|-", "3|-|-", "4|-|-", "5|-|-", "6|-|-"),
        Sql.rows(c, "SELECT version, steps_done, step_started FROM jmigrate_history ORDER BY version").stream()
            .map(r -> r.get(0) + "|" + (r.get(1) == null ? "-" : r.get(1)) + "|" + (r.get(2) == null ? "-" : r.get(2)))
            .toList());
  }

  @Test
  void mariaDbHistoryOfTheOldShapeGetsTheProgressColumns() throws Exception {
    try (Connection c = MariaDb.newDatabase()) {
      oldShapeDatabaseAtVersion4(c, "mariadb", OLD_SHAPE_MARIADB);
      takeOver(c);
      assertProgressColumnsAdded(c);
    }
  }

  @Test
  void h2HistoryOfTheOldShapeGetsTheProgressColumns() throws Exception {
    try (Connection c = H2.mem()) {
      oldShapeDatabaseAtVersion4(c, "h2", OLD_SHAPE_H2);
      takeOver(c);
      assertProgressColumnsAdded(c);
    }
  }

  /** Where DDL is transactional, nothing records progress, and the released table keeps its shape. */
  @Test
  void postgresHistoryKeepsItsShape() throws Exception {
    try (Connection c = Postgres.newDatabase()) {
      releasedDatabaseAtVersion4(c, RELEASED_POSTGRES);
      takeOver(c);
      assertEquals(List.of("applied_at", "checksum", "description", "execution_ms", "success", "version"),
          strings(c, "SELECT column_name FROM information_schema.columns WHERE table_name = 'jmigrate_history'"
              + " ORDER BY column_name"));
    }
  }

  @Test
  void theReleasedChecksumsAreTheCurrentOnes() {
    List<Integer> now = Workload.migrations(0).stream().map(m -> m.checksum()).toList();
    assertEquals(List.of(RELEASED_CHECKSUMS[0], RELEASED_CHECKSUMS[1], RELEASED_CHECKSUMS[2], RELEASED_CHECKSUMS[3]), now);
  }
}
