package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static io.jmigrate.testing.Sql.exec;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.Migration;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the history and the code can disagree about, and what the user is told to do. */
class HistoryDisagreementTest {
  @TempDir Path dir;

  static final Migration CREATE = new TestMigration(1, "create t",
      createTable(table("t", column("id", BIGINT).notNull(), column("name", STRING)).primaryKey("id")));
  static final Migration EMAIL = new TestMigration(2, "add email", addColumn("t", column("email", STRING)));
  static final Migration PHONE = new TestMigration(2, "add phone", addColumn("t", column("phone", STRING)));
  /** After the README's merge recipe, my branch's change is regenerated on top of theirs. */
  static final Migration PHONE_RENUMBERED = new TestMigration(3, "add phone", addColumn("t", column("phone", STRING)));

  final Migrator myBranch = new Migrator(List.of(CREATE, PHONE));
  final Migrator merged = new Migrator(List.of(CREATE, EMAIL, PHONE_RENUMBERED));

  Connection open() throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("h.db"));
  }

  @Test
  void theOtherBranchsMigrationUnderTheSameVersionIsNamedAndTheWayOutWorksAsWritten() throws Exception {
    try (Connection c = open()) {
      myBranch.migrate(c);
      MigrationException e = assertThrows(MigrationException.class, () -> merged.migrate(c));
      String message = e.getMessage();
      assertTrue(message.contains("the database's V0002 is a different migration from this build's"), message);
      assertTrue(message.contains("\"add phone\" applied, this build has V0002 add email"), message);
      assertTrue(message.contains("This build has that migration as V0003 add phone"), message);
      assertTrue(message.contains("revert it with the build that applied it"), message);
      assertTrue(message.contains("run migrate-to 1"), message);

      Status status = merged.status(c); // lists, does not throw
      assertEquals(List.of(1, 2, 3), status.entries().stream().map(Status.Entry::version).toList());
      assertEquals(List.of(2), status.problems().stream().map(Status.Entry::version).toList());
      assertTrue(status.toString().contains("[X] V0001 create t"), status.toString());
      assertTrue(status.toString().contains("[!] V0002 add phone"), status.toString());
      assertTrue(status.toString().contains("[ ] V0003 add phone"), status.toString());

      // The way out, literally: the build that applied it reverts it, then the merged build migrates.
      myBranch.migrateTo(c, 1);
      assertEquals(List.of(2, 3), merged.migrate(c).stream().map(AppliedMigration::version).toList());
      assertTrue(merged.validate(c).isEmpty(), merged.validate(c).toString());
      assertTrue(merged.status(c).problems().isEmpty());
    }
  }

  @Test
  void statusListsEveryKindOfDisagreementInsteadOfThrowing() throws Exception {
    try (Connection c = open()) {
      new Migrator(List.of(CREATE, EMAIL, PHONE_RENUMBERED,
          new TestMigration(4, "from the future", addColumn("t", column("x", INTEGER))))).migrate(c);
      exec(c, "UPDATE jmigrate_history SET checksum = 'garbage' WHERE version = 2");
      exec(c, "DELETE FROM jmigrate_history WHERE version = 3");
      String status = merged.status(c).toString();
      assertTrue(status.contains("[!] V0002 add email"), status);
      assertTrue(status.contains("has checksum garbage"), status);
      assertTrue(status.contains("[!] V0003 add phone") && status.contains("pending but the later version 4"), status);
      assertTrue(status.contains("[!] V0004 from the future") && status.contains("does not know"), status);
      MigrationException e = assertThrows(MigrationException.class, () -> merged.migrate(c));
      assertTrue(e.getMessage().contains("has checksum garbage, the code gives " + EMAIL.checksum()), e.getMessage());
    }
  }

  @Test
  void aRowRecordedAsNotCompletedIsNotTakenAsApplied() throws Exception {
    try (Connection c = open()) {
      merged.migrate(c);
      exec(c, "UPDATE jmigrate_history SET success = 0 WHERE version = 3");
      MigrationException e = assertThrows(MigrationException.class, () -> merged.migrate(c));
      assertTrue(e.getMessage().contains("V0003 add phone as not completed"), e.getMessage());
      assertTrue(merged.status(c).toString().contains("[!] V0003 add phone"), merged.status(c).toString());
    }
  }

  @Test
  void aViewNamedLikeTheHistoryIsAClearError() throws Exception {
    try (Connection c = open()) {
      exec(c, "CREATE VIEW jmigrate_history AS SELECT 1 AS x");
      MigrationException e = assertThrows(MigrationException.class, () -> merged.migrate(c));
      assertTrue(e.getMessage().contains("the database has a view named jmigrate_history"), e.getMessage());
      MigrationException s = assertThrows(MigrationException.class, () -> merged.status(c));
      assertTrue(s.getMessage().contains("view named jmigrate_history"), s.getMessage());
    }
  }

  @Test
  void tablesWithoutHistoryAreNamedWithTheWayOut() throws Exception {
    try (Connection c = open()) {
      exec(c, "CREATE TABLE t (id BIGINT NOT NULL PRIMARY KEY, name TEXT)");
      MigrationException e = assertThrows(MigrationException.class, () -> merged.migrate(c));
      assertTrue(e.getMessage().contains("this database has tables [t] but no jmigrate_history"), e.getMessage());
      assertTrue(e.getMessage().contains("baseline"), e.getMessage());
      merged.baseline(c, 1);
      assertEquals(2, merged.migrate(c).size());
    }
  }

  @Test
  void baselineRefusesADatabaseThatDoesNotMatchAndShowsTheDrift() throws Exception {
    try (Connection c = open()) {
      exec(c, "CREATE TABLE t (id BIGINT NOT NULL PRIMARY KEY, title TEXT)");
      MigrationException e = assertThrows(MigrationException.class, () -> merged.baseline(c, 2));
      assertTrue(e.getMessage().contains("cannot baseline at version 2"), e.getMessage());
      assertTrue(e.getMessage().contains("column t.name is missing"), e.getMessage());
      assertTrue(e.getMessage().contains("column t.title is not in the migrations"), e.getMessage());
      assertTrue(e.getMessage().contains("nothing was recorded"), e.getMessage());
      assertTrue(strings(c, "SELECT name FROM sqlite_master WHERE name = 'jmigrate_history'").isEmpty());
    }
  }

  @Test
  void anEditedMigrationSaysToRevertWithTheBuildThatAppliedIt() throws Exception {
    Migrator edited = new Migrator(List.of(CREATE, new TestMigration(2, "add phone",
        addColumn("t", column("phone", STRING).length(20)))));
    try (Connection c = open()) {
      myBranch.migrate(c);
      MigrationException e = assertThrows(MigrationException.class, () -> edited.migrate(c));
      assertTrue(e.getMessage().contains("V0002 add phone was changed after it was applied"), e.getMessage());
      assertTrue(e.getMessage().contains("migrate-to 1"), e.getMessage());
      myBranch.migrateTo(c, 1); // the way out, as written
      assertEquals(1, edited.migrate(c).size());
      assertFalse(edited.status(c).toString().contains("[!]"));
    }
  }
}
