package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static io.jmigrate.testing.Sql.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.Migration;
import io.jmigrate.testing.Postgres;
import io.jmigrate.testing.RecordingConnection;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sql} prints exactly the statements {@code migrate} executes: both are recorded (migrate
 * through a connection that records what is sent) and compared, on SQLite with a rebuild of a
 * table that has a trigger, on PostgreSQL and on H2.
 */
class SqlPreviewIsWhatRunsTest {
  @TempDir Path dir;

  static final List<Migration> MIGRATIONS = List.of(
      new TestMigration(1, "create",
          createTable(table("author", column("id", BIGINT).notNull(), column("name", STRING).length(40))
              .primaryKey("id")),
          createTable(table("book", column("id", BIGINT).notNull(), column("author_id", BIGINT),
              column("title", STRING).length(100)).primaryKey("id")
              .foreignKey(foreignKey("fk_book_author_id", "author_id", "author", "id")))),
      new TestMigration(2, "reshape",
          alterColumn("book", column("title", STRING).length(50)),
          addColumn("book", column("pages", INTEGER).notNull().defaultValue("0")),
          addIndex("book", index("ix_book_title", "title")),
          java("touch", c -> c.isValid(1)), // its own SQL would be its code, which no preview shows
          sql("UPDATE author SET name = upper(name)")));

  /** What migrate ran, without the engine's own bookkeeping (history, locks, transactions, catalog reads). */
  static List<String> migrationStatements(List<String> sent) {
    return sent.stream()
        .filter(s -> !s.contains("jmigrate_history") && !s.startsWith("BEGIN") && !s.equals("COMMIT")
            && !s.equals("ROLLBACK") && !s.startsWith("PRAGMA foreign_keys") && !s.startsWith("PRAGMA busy_timeout")
            && !s.equals("PRAGMA data_version") // whether another connection committed (the history's re-check)
            && !s.contains("_advisory_") && !(s.startsWith("SELECT ") && s.contains(" FROM sqlite_master"))
            && !s.equals("SELECT pg_backend_pid()") && !s.startsWith("SELECT COUNT(*) FROM") // progress reports
            && !s.startsWith("SELECT DATABASE_PATH()") && !s.contains("INFORMATION_SCHEMA.SETTINGS")
            && !s.startsWith("SELECT c.relname FROM pg_catalog.") && !s.startsWith("SELECT conname FROM pg_catalog.")
            && !s.startsWith("SELECT CASE WHEN current_setting('server_version_num')") // the online fill's table size
            && !s.startsWith("SET lock_timeout") && !s.equals("SHOW lock_timeout")
            && !s.contains(io.jmigrate.catalog.LiveAttributes.MARK)) // the strip check reads the catalog
        .toList();
  }

  static List<String> previewStatements(List<String> preview) {
    return preview.stream().filter(s -> !s.startsWith("--")).map(s -> s.substring(0, s.length() - 1)).toList();
  }

  void compare(Connection real) throws Exception {
    Migrator m = new Migrator(MIGRATIONS);
    m.migrateTo(real, 1);
    exec(real, "INSERT INTO author (id, name) VALUES (1, 'ann')");
    exec(real, "INSERT INTO book (id, author_id, title) VALUES (1, 1, 'short')");
    List<String> preview = m.sql(real);
    RecordingConnection recording = new RecordingConnection(real);
    m.migrate(recording.connection());
    assertEquals(previewStatements(preview), migrationStatements(recording.sql()), String.join("\n", preview));
    // The history is named quoted wherever it is used, as it is created (no case folding can split them).
    List<String> history = recording.sql().stream().filter(s -> s.contains("jmigrate_history")).toList();
    assertTrue(!history.isEmpty() && history.stream().allMatch(s -> s.contains("\"jmigrate_history\"")),
        String.join("\n", history));
  }

  @Test
  void sqliteRebuildWithTriggerAndChecks() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("p.db"))) {
      new Migrator(MIGRATIONS).migrateTo(c, 1);
      exec(c, "CREATE TRIGGER book_touch AFTER UPDATE ON book BEGIN SELECT 1; END");
      compare(c);
      String preview = String.join("\n", new Migrator(MIGRATIONS).sql(io.jmigrate.dialect.Dialect.named("sqlite"), 1, 2));
      assertTrue(preview.contains("-- at run time, reads SELECT sql FROM sqlite_master"), preview);
      assertTrue(preview.contains("PRAGMA foreign_key_check;"), preview);
      assertTrue(preview.contains("length(\"title\") > 50"), preview);
    }
  }

  @Test
  void sqliteRebuildStatementsIncludeTheTrigger() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("q.db"))) {
      Migrator m = new Migrator(MIGRATIONS);
      m.migrateTo(c, 1);
      exec(c, "CREATE TRIGGER book_touch AFTER UPDATE ON book BEGIN SELECT 1; END");
      List<String> preview = m.sql(c);
      assertTrue(preview.contains("CREATE TRIGGER book_touch AFTER UPDATE ON book BEGIN SELECT 1; END;"),
          String.join("\n", preview));
    }
  }

  @Test
  void h2() throws Exception {
    try (Connection c = io.jmigrate.testing.H2.mem()) {
      compare(c);
    }
  }

  @Test
  void postgres() throws Exception {
    try (Connection c = Postgres.newDatabase()) {
      compare(c);
    }
  }

  /**
   * On MariaDB a backslash in a literal is written for the session's sql_mode (doubled unless it
   * has NO_BACKSLASH_ESCAPES), and the preview of that database prints the statement that runs;
   * without a database the preview assumes the server's default and says what it would read.
   */
  @Test
  void mariaDbLiteralsAsTheSessionReadsThem() throws Exception {
    List<Migration> migrations = List.of(new TestMigration(1, "create", createTable(table("note",
        column("id", BIGINT).notNull(), column("path", STRING).length(20).defaultValue("C:\\")).primaryKey("id"))));
    for (boolean asWritten : new boolean[] {false, true}) {
      try (Connection c = io.jmigrate.testing.MariaDb.newDatabase()) {
        if (asWritten) {
          exec(c, "SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',NO_BACKSLASH_ESCAPES')");
        }
        Migrator m = new Migrator(migrations);
        List<String> create = previewStatements(m.sql(c)).stream().filter(s -> s.startsWith("CREATE TABLE")).toList();
        assertEquals(1, create.size(), create.toString());
        assertTrue(create.get(0).contains(asWritten ? "DEFAULT 'C:\\'" : "DEFAULT 'C:\\\\'"), create.get(0));
        RecordingConnection recording = new RecordingConnection(c);
        m.migrate(recording.connection());
        assertTrue(recording.sql().contains(create.get(0)), recording.sql().toString());
        exec(c, "INSERT INTO note (id) VALUES (1)");
        assertEquals(List.of("C:\\"), io.jmigrate.testing.Sql.strings(c, "SELECT path FROM note"));
      }
    }
    String offline = String.join("\n", new Migrator(migrations).sql(io.jmigrate.dialect.Dialect.named("mariadb"), 0, 1));
    assertTrue(offline.contains("-- at run time, reads SELECT 'as written' FROM DUAL WHERE FIND_IN_SET('NO_BACKSLASH_ESCAPES',")
        && offline.contains("DEFAULT 'C:\\\\'"), offline);
  }
}
