package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static io.jmigrate.testing.Sql.exec;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.testing.MariaDb;
import io.jmigrate.testing.RecordingConnection;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On a real MariaDB, where every DDL statement commits by itself: the preview is what runs, and a
 * migration that fails at any step position leaves the database equal to a fresh one at the
 * previous version (the steps that ran are reverted through their reverse operations).
 */
class MariaDbMigratorTest {
  @Test
  void previewIsWhatRuns() throws Exception {
    try (Connection real = MariaDb.newDatabase()) {
      Migrator m = new Migrator(SqlPreviewIsWhatRunsTest.MIGRATIONS);
      m.migrateTo(real, 1);
      exec(real, "INSERT INTO author (id, name) VALUES (1, 'ann')");
      exec(real, "INSERT INTO book (id, author_id, title) VALUES (1, 1, 'short')");
      List<String> preview = m.sql(real);
      RecordingConnection recording = new RecordingConnection(real);
      m.migrate(recording.connection());
      List<String> ran = SqlPreviewIsWhatRunsTest.migrationStatements(recording.sql()).stream()
          .filter(s -> !s.contains("GET_LOCK") && !s.contains("RELEASE_LOCK") && !s.contains("'jmigrate:'")
              && !s.contains("explicit_defaults_for_timestamp"))
          .toList();
      assertEquals(SqlPreviewIsWhatRunsTest.previewStatements(preview), ran, String.join("\n", preview));
      assertTrue(preview.stream().anyMatch(s -> s.contains("char_length(`title`) > 50")), String.join("\n", preview));
      List<String> history = recording.sql().stream().filter(s -> s.contains("jmigrate_history")).toList();
      assertTrue(!history.isEmpty() && history.stream().allMatch(s -> s.contains("`jmigrate_history`")),
          String.join("\n", history));
    }
  }

  static final Migration V1 = new TestMigration(1, "start",
      createTable(table("parent", column("id", BIGINT).notNull().identity(), column("code", STRING).notNull())
          .primaryKey("id")),
      createTable(table("t", column("id", BIGINT).notNull(), column("a", STRING).length(40), column("n", INTEGER),
          column("parent_id", BIGINT)).primaryKey("id")));

  /** Every kind of step a generated migration holds, each reversible. */
  static List<Operation> steps() {
    return List.of(
        addColumn("t", column("b", INTEGER).notNull().defaultValue("7")),
        addIndex("t", index("ix_t_a", "a")),
        renameColumn("t", "a", "aa"),
        alterColumn("t", column("n", BIGINT)),
        addForeignKey("t", foreignKey("fk_t_parent_id", "parent_id", "parent", "id")),
        addIndex("parent", uniqueIndex("ux_parent_code", "code")),
        createTable(table("u", column("id", INTEGER).notNull(), column("note", STRING)).primaryKey("id")
            .index(index("ix_u_note", "note"))),
        renameTable("u", "w"),
        dropColumn("t", "b"));
  }

  @ParameterizedTest(name = "failing after {0} steps")
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
  void aMigrationFailingAtAnyStepLeavesThePreviousVersion(int position) throws Exception {
    List<Operation> ops = new ArrayList<>(steps().subList(0, position));
    ops.add(sql("INSERT INTO nowhere VALUES (1)"));
    ops.addAll(steps().subList(position, steps().size()));
    Migrator broken = new Migrator(List.of(V1, new TestMigration(2, "broken", ops.toArray(Operation[]::new))));
    Migrator previous = new Migrator(List.of(V1));
    try (Connection db = MariaDb.newPortableDatabase(); Connection fresh = MariaDb.newDatabase()) {
      previous.migrate(db);
      exec(db, "INSERT INTO parent (code) VALUES ('p')");
      exec(db, "INSERT INTO t (id, a, n, parent_id) VALUES (1, 'x', 5, 1)");
      MigrationException e = assertThrows(MigrationException.class, () -> broken.migrate(db));
      assertTrue(e.getMessage().contains("V0002 broken failed") && e.getMessage().contains("INSERT INTO nowhere"),
          e.getMessage());
      assertTrue(e.getMessage().contains(position == 0 ? "No step of it had run"
          : "The " + position + " step(s) of it that had run"), e.getMessage());
      assertEquals(1, broken.status(db).currentVersion());
      assertTrue(previous.validate(db).isEmpty(), previous.validate(db).toString());
      previous.migrate(fresh);
      assertEquals(MariaDb.catalog(fresh), MariaDb.catalog(db), "after a failure after " + position + " steps");
      assertEquals(List.of("1|x|5|1"), strings(db, "SELECT id || '|' || a || '|' || n || '|' || parent_id FROM t"));
    }
  }

  /** A table and its indexes are one statement: an index that fails leaves no table behind. */
  @Test
  void aTableWhoseIndexFailsIsNotLeftHalfMade() throws Exception {
    Migrator broken = new Migrator(List.of(V1, new TestMigration(2, "broken",
        addColumn("t", column("b", INTEGER)),
        createTable(table("x", column("id", INTEGER).notNull()).primaryKey("id").index(index("ix_x_missing", "missing"))))));
    Migrator previous = new Migrator(List.of(V1));
    try (Connection db = MariaDb.newDatabase(); Connection fresh = MariaDb.newDatabase()) {
      MigrationException e = assertThrows(MigrationException.class, () -> broken.migrate(db));
      assertTrue(e.getMessage().contains("The 1 step(s) of it that had run"), e.getMessage());
      previous.migrate(fresh);
      assertEquals(MariaDb.catalog(fresh), MariaDb.catalog(db));
    }
  }

  @Test
  void aStepWithoutReverseIsNamedWhenItCannotBeUndone() throws Exception {
    Migrator broken = new Migrator(List.of(V1, new TestMigration(2, "broken",
        addColumn("t", column("b", INTEGER)),
        sql("CREATE TABLE side (id INT)"),
        sql("INSERT INTO nowhere VALUES (1)"))));
    try (Connection db = MariaDb.newDatabase()) {
      MigrationException e = assertThrows(MigrationException.class, () -> broken.migrate(db));
      assertTrue(e.getMessage().contains("steps 1 to 2 had run") && e.getMessage().contains("step 2")
          && e.getMessage().contains("could not be"), e.getMessage());
      assertTrue(e.getMessage().contains("records it as not completed"), e.getMessage());
      // The history says exactly which steps are in effect, and status shows it.
      Status.Entry entry = broken.status(db).entries().get(1);
      assertEquals(new Status.Progress(2, 3, null), entry.progress(), broken.status(db).toString());
      assertTrue(!entry.applied() && entry.problem() == null, entry.toString());
      assertEquals(1, broken.status(db).currentVersion());
      // Until the cause is fixed, migrate resumes at step 3, fails there again and changes nothing else.
      MigrationException again = assertThrows(MigrationException.class, () -> broken.migrate(db));
      assertTrue(again.getMessage().contains("not completed") && again.getMessage().contains("resumes V0002 broken after step 2"),
          again.getMessage());
      // Fixed: migrate resumes after step 2; steps 1 and 2 do not run again.
      exec(db, "CREATE TABLE nowhere (id INT)");
      assertEquals(List.of(2), broken.migrate(db).stream().map(AppliedMigration::version).toList());
      assertEquals(2, broken.status(db).currentVersion());
      assertTrue(broken.status(db).problems().isEmpty() && broken.status(db).pending().isEmpty());
      assertEquals(List.of("1"), strings(db, "SELECT COUNT(*) FROM nowhere"));
      assertEquals(List.of("b"), strings(db, "SELECT column_name FROM information_schema.columns"
          + " WHERE table_schema = DATABASE() AND table_name = 't' AND column_name = 'b'"));
    }
  }

  /**
   * Migrating down fails in the middle (a table in the way of a rename): the steps already reverted
   * are applied again, so the migration is applied as before, its rows kept.
   */
  @Test
  void aRevertFailingInTheMiddleIsAppliedAgain() throws Exception {
    Migrator m = new Migrator(StepwiseWorkload.migrations());
    try (Connection db = MariaDb.newDatabase(); Connection fresh = MariaDb.newDatabase()) {
      m.migrateTo(db, 1);
      exec(db, "INSERT INTO t (id, a, n) VALUES (1, 'x', 5)");
      m.migrate(db);
      exec(db, "CREATE TABLE u (x INT)"); // step 10 renamed u to w: its reverse cannot rename w back
      MigrationException e = assertThrows(MigrationException.class, () -> m.migrateTo(db, 1));
      assertTrue(e.getMessage().contains("reverting migration V0002 every kind of step failed at its step 10")
          && e.getMessage().contains("were applied again"), e.getMessage());
      exec(db, "DROP TABLE u");
      assertEquals(2, m.status(db).currentVersion());
      assertTrue(m.status(db).entries().stream().allMatch(x -> x.progress() == null && x.problem() == null));
      m.migrate(fresh);
      assertEquals(MariaDb.catalog(fresh), MariaDb.catalog(db));
      assertEquals(List.of("1"), strings(db, "SELECT id FROM t WHERE aa = 'x' AND n = 5"));
    }
  }

  /**
   * A foreign key over the first column of the primary key has no index of its own (InnoDB uses the key's);
   * a new primary key that no longer starts with it gives the foreign key its own index in the same statement.
   */
  @Test
  void aForeignKeyThePrimaryKeyServesGetsItsOwnIndexWhenThePrimaryKeyChanges() throws Exception {
    Migration v1 = new TestMigration(1, "start",
        createTable(table("club", column("id", BIGINT).notNull()).primaryKey("id")),
        createTable(table("seat", column("club_id", BIGINT).notNull(), column("seq", BIGINT).notNull())
            .primaryKey("club_id", "seq")
            .foreignKey(foreignKey("fk_seat_club_id").columns("club_id").references("club", "id"))));
    Migration v2 = new TestMigration(2, "rekey",
        new io.jmigrate.migration.Operations.SetPrimaryKey("seat", List.of("seq", "club_id")));
    String ownIndex = "SELECT index_name FROM information_schema.STATISTICS WHERE table_schema = DATABASE() "
        + "AND table_name = 'seat' AND index_name = 'fk_seat_club_id'";
    try (Connection db = MariaDb.newDatabase()) {
      new Migrator(List.of(v1)).migrate(db);
      assertEquals(List.of(), strings(db, ownIndex));
      exec(db, "INSERT INTO club (id) VALUES (1)");
      exec(db, "INSERT INTO seat (club_id, seq) VALUES (1, 1)");
      new Migrator(List.of(v1, v2)).migrate(db);
      assertEquals(List.of("fk_seat_club_id"), strings(db, ownIndex));
      assertEquals(List.of("1"), strings(db, "SELECT club_id FROM seat"));
    }
  }
}
