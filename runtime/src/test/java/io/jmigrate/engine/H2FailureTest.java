package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.testing.H2;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * H2 commits each DDL statement, so a migration that fails after its first step cannot be rolled
 * back by the database: the engine reverts the steps that ran, and the database is back at the
 * previous version, at every step position (the same 9 steps as {@link MariaDbMigratorTest}).
 */
class H2FailureTest {
  @TempDir Path dir;

  @Test
  void aFailingMigrationIsRevertedWhole() throws Exception {
    List<Migration> list = new ArrayList<>(Workload.migrations(0));
    list.add(new TestMigration(5, "broken",
        addColumn("t", ColumnDefinition.of("z", ColumnType.INTEGER)),
        addIndex("t", index("ix_t_z", "z")),
        sql("INSERT INTO nowhere VALUES (1)")));
    Migrator m = new Migrator(list);
    try (Connection c = H2.file(dir, "failing")) {
      MigrationException e = assertThrows(MigrationException.class, () -> m.migrate(c));
      assertTrue(e.getMessage().contains("V0005 broken failed"), e.getMessage());
      assertTrue(e.getMessage().contains("INSERT INTO nowhere VALUES (1)"), e.getMessage());
      assertEquals(4, m.status(c).currentVersion());
      Migrator without = new Migrator(Workload.migrations(0));
      assertTrue(without.validate(c).isEmpty(), "column z and its index were reverted: " + without.validate(c));
    }
  }

  @ParameterizedTest(name = "failing after {0} steps")
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
  void aMigrationFailingAtAnyStepLeavesThePreviousVersion(int position) throws Exception {
    List<Operation> ops = new ArrayList<>(MariaDbMigratorTest.steps().subList(0, position));
    ops.add(sql("INSERT INTO nowhere VALUES (1)"));
    ops.addAll(MariaDbMigratorTest.steps().subList(position, MariaDbMigratorTest.steps().size()));
    Migrator broken = new Migrator(List.of(MariaDbMigratorTest.V1, new TestMigration(2, "broken", ops.toArray(Operation[]::new))));
    Migrator previous = new Migrator(List.of(MariaDbMigratorTest.V1));
    try (Connection db = H2.file(dir, "db"); Connection fresh = H2.file(dir, "fresh")) {
      previous.migrate(db);
      io.jmigrate.testing.Sql.exec(db, "INSERT INTO parent (code) VALUES ('p')");
      io.jmigrate.testing.Sql.exec(db, "INSERT INTO t (id, a, n, parent_id) VALUES (1, 'x', 5, 1)");
      MigrationException e = assertThrows(MigrationException.class, () -> broken.migrate(db));
      assertTrue(e.getMessage().contains(position == 0 ? "No step of it had run"
          : "The " + position + " step(s) of it that had run"), e.getMessage());
      assertEquals(1, broken.status(db).currentVersion());
      assertTrue(broken.status(db).entries().get(1).progress() == null, broken.status(db).toString());
      previous.migrate(fresh);
      assertEquals(H2.catalog(fresh), H2.catalog(db), "after a failure after " + position + " steps");
      assertEquals(List.of("1|x|5|1"), io.jmigrate.testing.Sql.strings(db, "SELECT id || '|' || a || '|' || n || '|' || parent_id FROM t"));
    }
  }

  /**
   * A step of two statements whose second fails after the first committed (a table renamed, its
   * key's constraint not: another table holds that name) changed the database: the error says so
   * and names what ran, and the history keeps the migration as partly applied with that step
   * started, instead of "no step of it had run" over a renamed table.
   */
  @Test
  void aStepThatFailsAfterOneOfItsStatementsCommittedIsNotReportedAsNotRun() throws Exception {
    Migrator m = new Migrator(List.of(
        new TestMigration(1, "tables",
            createTable(table("a", ColumnDefinition.of("id", ColumnType.BIGINT).nullable(false)).primaryKey("id")),
            createTable(table("c", ColumnDefinition.of("id", ColumnType.BIGINT).nullable(false)).primaryKey("id")
                .primaryKeyName("pk_b"))),
        new TestMigration(2, "rename", renameTable("a", "b"))));
    try (Connection c = H2.file(dir, "partly")) {
      m.migrateTo(c, 1);
      io.jmigrate.testing.Sql.exec(c, "INSERT INTO a (id) VALUES (7)");
      MigrationException e = assertThrows(MigrationException.class, () -> m.migrate(c));
      assertTrue(!e.getMessage().contains("No step of it had run"), e.getMessage());
      assertTrue(e.getMessage().contains("ALTER TABLE \"a\" RENAME TO \"b\""), e.getMessage());
      assertTrue(e.getMessage().contains("Step 1 of it (rename table a to b) had changed the database"), e.getMessage());
      Status status = m.status(c);
      assertTrue(status.entries().get(1).progress() != null && status.entries().get(1).progress().stepStarted() == 1,
          status.toString());
      assertEquals(List.of("7"), io.jmigrate.testing.Sql.strings(c, "SELECT id FROM b"));
    }
  }
}
