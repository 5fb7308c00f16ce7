package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static io.jmigrate.testing.Sql.exec;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.ForeignKey.Action;
import io.jmigrate.migration.Migration;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migrator against real SQLite files. */
class SqliteMigratorTest {
  @TempDir Path dir;

  static final Migration CREATE = new TestMigration(1, "create author and book",
      createTable(table("author",
          column("id", BIGINT).notNull().identity(),
          column("name", STRING).length(100).notNull())
          .primaryKey("id")),
      createTable(table("book",
          column("id", BIGINT).notNull().identity(),
          column("author_id", BIGINT).notNull(),
          column("title", STRING),
          column("pages", INTEGER))
          .primaryKey("id")
          .foreignKey(foreignKey("fk_book_author_id", "author_id", "author", "id").onDelete(Action.CASCADE))),
      addIndex("book", index("ix_book_title", "title")));

  Connection open() throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("test.db"));
    exec(c, "PRAGMA foreign_keys = ON");
    return c;
  }

  void seed(Connection c) throws SQLException {
    exec(c, "INSERT INTO author (name) VALUES ('Ann'), ('Bob')");
    exec(c, "INSERT INTO book (author_id, title, pages) VALUES (1, 'A', 10), (1, 'B', NULL), (2, 'C', 30)");
  }

  @Test
  void appliesInOrderRecordsHistoryAndIsIdempotent() throws Exception {
    Migrator m = new Migrator(List.of(CREATE, new TestMigration(2, "add isbn", addColumn("book", column("isbn", STRING)))));
    try (Connection c = open()) {
      List<AppliedMigration> applied = m.migrate(c);
      assertEquals(List.of(1, 2), applied.stream().map(AppliedMigration::version).toList());
      assertEquals(List.of("1", "2"), strings(c, "SELECT version FROM jmigrate_history ORDER BY version"));
      assertTrue(m.migrate(c).isEmpty());
      assertEquals(2, m.status(c).currentVersion());
      assertTrue(m.status(c).pending().isEmpty());
    }
  }

  @Test
  void failingMigrationIsRolledBackWholeAndNamed() throws Exception {
    Migrator ok = new Migrator(List.of(CREATE));
    Migrator bad = new Migrator(List.of(CREATE, new TestMigration(2, "broken",
        addColumn("book", column("isbn", STRING)),
        sql("UPDATE book SET nonexistent = 1"))));
    try (Connection c = open()) {
      ok.migrate(c);
      seed(c);
      MigrationException e = assertThrows(MigrationException.class, () -> bad.migrate(c));
      assertTrue(e.getMessage().contains("V0002 broken"), e.getMessage());
      assertTrue(e.getMessage().contains("UPDATE book SET nonexistent = 1"), e.getMessage());
      assertTrue(e.getMessage().contains("no such column"), e.getMessage());
      assertEquals(List.of("1"), strings(c, "SELECT version FROM jmigrate_history"));
      assertTrue(strings(c, "SELECT name FROM pragma_table_info('book')").stream().noneMatch("isbn"::equals),
          "the column added before the failing statement was rolled back");
      assertEquals(List.of("1"), strings(c, "PRAGMA foreign_keys"), "the session's foreign_keys setting is restored");
    }
  }

  @Test
  void editedMigrationIsRefusedByChecksum() throws Exception {
    try (Connection c = open()) {
      new Migrator(List.of(CREATE, new TestMigration(2, "add isbn", addColumn("book", column("isbn", STRING))))).migrate(c);
      Migrator edited = new Migrator(List.of(CREATE,
          new TestMigration(2, "add isbn", addColumn("book", column("isbn", STRING).length(13)))));
      MigrationException e = assertThrows(MigrationException.class, () -> edited.migrate(c));
      assertTrue(e.getMessage().contains("V0002 add isbn was changed after it was applied"), e.getMessage());
    }
  }

  @Test
  void anOlderBuildStartsOnANewerDatabaseOnlyWhenAllowed() throws Exception {
    Migration two = new TestMigration(2, "add isbn", addColumn("book", column("isbn", STRING)));
    try (Connection c = open()) {
      new Migrator(List.of(CREATE, two)).migrate(c);
      MigrationException refused = assertThrows(MigrationException.class, () -> new Migrator(List.of(CREATE)).migrate(c));
      assertTrue(refused.getMessage().contains("--allow-ahead"), "the refusal says how to choose: " + refused.getMessage());
      Migrator older = new Migrator(List.of(CREATE)).withAheadAllowed(true);
      assertEquals(List.of(), older.migrate(c));
      assertEquals(List.of("1", "2"), strings(c, "SELECT version FROM jmigrate_history ORDER BY version"));
      MigrationException down = assertThrows(MigrationException.class, () -> older.migrateTo(c, 0));
      assertTrue(down.getMessage().contains("this build does not know"), down.getMessage());
      assertEquals(List.of("1", "2"), strings(c, "SELECT version FROM jmigrate_history ORDER BY version"));
    }
  }

  @Test
  void databaseAheadOfCodeAndGapsAreErrors() throws Exception {
    Migration two = new TestMigration(2, "add isbn", addColumn("book", column("isbn", STRING)));
    Migration three = new TestMigration(3, "add year", addColumn("book", column("year", INTEGER)));
    try (Connection c = open()) {
      new Migrator(List.of(CREATE, two)).migrate(c);
      MigrationException ahead = assertThrows(MigrationException.class, () -> new Migrator(List.of(CREATE)).migrate(c));
      assertTrue(ahead.getMessage().contains("ahead of the code"), ahead.getMessage());
      exec(c, "DELETE FROM jmigrate_history WHERE version = 1");
      MigrationException gap = assertThrows(MigrationException.class,
          () -> new Migrator(List.of(CREATE, two, three)).migrate(c));
      assertTrue(gap.getMessage().contains("V0001") && gap.getMessage().contains("pending"), gap.getMessage());
    }
  }

  @Test
  void duplicateVersionsAreRefused() {
    MigrationException e = assertThrows(MigrationException.class,
        () -> new Migrator(List.of(CREATE, new TestMigration(1, "other", sql("SELECT 1")))));
    assertTrue(e.getMessage().contains("two migrations have version 1"), e.getMessage());
  }

  @Test
  void rebuildKeepsRowsIndexesForeignKeysAndTriggers() throws Exception {
    Migrator m = new Migrator(List.of(CREATE,
        new TestMigration(2, "pages not null", alterColumn("book", column("pages", BIGINT).notNull().defaultValue("0")))));
    try (Connection c = open()) {
      m.migrateTo(c, 1);
      seed(c);
      exec(c, "CREATE TRIGGER book_title_upper AFTER INSERT ON book BEGIN "
          + "UPDATE book SET title = upper(title) WHERE id = new.id; END");
      m.migrate(c);
      assertEquals(List.of("A|10", "B|0", "C|30"),
          strings(c, "SELECT title || '|' || pages FROM book ORDER BY id"), "rows kept, NULLs filled by the default");
      assertEquals(List.of("BIGINT"), strings(c, "SELECT type FROM pragma_table_info('book') WHERE name = 'pages'"));
      assertEquals(List.of("1"), strings(c, "SELECT \"notnull\" FROM pragma_table_info('book') WHERE name = 'pages'"));
      assertEquals(List.of("ix_book_title"), strings(c, "SELECT name FROM pragma_index_list('book')"));
      assertEquals(List.of("author"), strings(c, "SELECT \"table\" FROM pragma_foreign_key_list('book')"));
      assertEquals(List.of("book_title_upper"), strings(c, "SELECT name FROM sqlite_master WHERE type = 'trigger'"));
      exec(c, "INSERT INTO book (author_id, title, pages) VALUES (2, 'd', 1)");
      assertEquals(List.of("D"), strings(c, "SELECT title FROM book WHERE pages = 1"), "the trigger still fires");
      exec(c, "DELETE FROM author WHERE id = 1");
      assertEquals(List.of("C", "D"), strings(c, "SELECT title FROM book ORDER BY id"), "ON DELETE CASCADE survived");
    }
  }

  @Test
  void foreignKeyViolationAfterRebuildFailsTheMigration() throws Exception {
    Migrator m = new Migrator(List.of(CREATE,
        new TestMigration(2, "add reviewer", addColumn("book", column("reviewer_id", BIGINT))),
        new TestMigration(3, "reviewer fk",
            addForeignKey("book", foreignKey("fk_book_reviewer_id", "reviewer_id", "author", "id")))));
    try (Connection c = open()) {
      m.migrateTo(c, 2);
      seed(c);
      exec(c, "UPDATE book SET reviewer_id = 99 WHERE id = 1");
      MigrationException e = assertThrows(MigrationException.class, () -> m.migrate(c));
      // Found by the pre-flight, before the rebuild (whose foreign key check would fail it too).
      assertTrue(e.getMessage().contains("1 row(s) of table book have values of (reviewer_id) that no row of author"),
          e.getMessage());
      assertEquals(List.of(), strings(c, "SELECT \"table\" FROM pragma_foreign_key_list('book') WHERE \"from\" = 'reviewer_id'"));
      assertEquals(2, m.status(c).currentVersion());
    }
  }

  @Test
  void migrateToGoesDownAndRefusesIrreversibleBeforeRunningAnything() throws Exception {
    Migrator m = new Migrator(List.of(CREATE,
        new TestMigration(2, "backfill", sql("UPDATE book SET pages = 1 WHERE pages IS NULL")),
        new TestMigration(3, "add isbn", addColumn("book", column("isbn", STRING)))));
    try (Connection c = open()) {
      m.migrate(c);
      seed(c);
      MigrationException e = assertThrows(MigrationException.class, () -> m.migrateTo(c, 1));
      assertTrue(e.getMessage().contains("V0002 backfill is irreversible"), e.getMessage());
      assertEquals(3, m.status(c).currentVersion(), "nothing was reverted");
      m.migrateTo(c, 2);
      assertEquals(2, m.status(c).currentVersion());
      assertTrue(strings(c, "SELECT name FROM pragma_table_info('book')").stream().noneMatch("isbn"::equals));
      assertEquals(List.of("3"), strings(c, "SELECT count(*) FROM book"));
    }
  }

  @Test
  void sqlPreviewNeedsNoDatabase() {
    Migrator m = new Migrator(List.of(CREATE));
    String sql = String.join("\n", m.sql(io.jmigrate.dialect.Dialect.named("postgresql"), 0, 1));
    assertTrue(sql.contains("\"id\" BIGINT GENERATED BY DEFAULT AS IDENTITY NOT NULL"), sql);
    assertTrue(sql.contains("CREATE INDEX \"ix_book_title\" ON \"book\" (\"title\");"), sql);
  }
}
