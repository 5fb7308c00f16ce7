package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static io.jmigrate.testing.Sql.exec;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.ForeignKey.Action;
import io.jmigrate.migration.Migration;
import io.jmigrate.testing.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Baseline an existing database whose schema already matches version N", where the existing
 * database was written by hand the way people write PostgreSQL schemas: {@code bigserial}
 * keys and the server's own constraint names ({@code author_pkey}, {@code book_author_id_fkey}).
 * Later migrations address keys by jmigrate's names, so baseline refuses and prints the renames;
 * after running them (the README's steps, followed literally) and baselining again, validate
 * finds no drift, the rows stay, and the later migrations apply, including the ones that change
 * keys. On SQLite no migration looks a key up by name, so a hand-written schema baselines as it is.
 */
class BaselineClaimsTest {
  /** What the processor generates for the models the hand-written schema was made for. */
  static final Migration V1 = new TestMigration(1, "create table author; create table book",
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

  static final Migration V2 = new TestMigration(2, "add column book.isbn", addColumn("book", column("isbn", STRING).length(13)));

  /** Model edits whose migrations address the keys by name. */
  static final List<Migration> KEY_CHANGES = List.of(
      new TestMigration(3, "change foreign key book.author_id",
          dropForeignKey("book", "fk_book_author_id"),
          addForeignKey("book", foreignKey("fk_book_author_id", "author_id", "author", "id").onDelete(Action.RESTRICT))),
      new TestMigration(4, "rename table author to writer", renameTable("author", "writer")),
      new TestMigration(5, "set primary key of book", setPrimaryKey("book", "id", "author_id")));

  static Connection handWritten() throws Exception {
    Connection c = Postgres.newDatabase();
    exec(c, "CREATE TABLE author (id bigserial PRIMARY KEY, name varchar(100) NOT NULL)");
    exec(c, "CREATE TABLE book (id bigserial PRIMARY KEY, author_id bigint NOT NULL REFERENCES author (id) ON DELETE CASCADE,"
        + " title text, pages integer)");
    exec(c, "CREATE INDEX ix_book_title ON book (title)");
    exec(c, "INSERT INTO author (name) VALUES ('Ann'), ('Bob')");
    exec(c, "INSERT INTO book (author_id, title, pages) VALUES (1, 'A', 10), (2, 'B', NULL)");
    return c;
  }

  /** The renames baseline prints, as the README tells the user to run them. */
  static final List<String> RENAMES = List.of(
      "ALTER TABLE \"author\" RENAME CONSTRAINT \"author_pkey\" TO \"pk_author\";",
      "ALTER TABLE \"book\" RENAME CONSTRAINT \"book_pkey\" TO \"pk_book\";",
      "ALTER TABLE \"book\" RENAME CONSTRAINT \"book_author_id_fkey\" TO \"fk_book_author_id\";");

  /**
   * The README's steps: baseline, which refuses and names each constraint with its name and the
   * one the migrations give it, printing the renames; run them; baseline again.
   */
  static void baselineAsDocumented(Migrator m, Connection c, int version) throws Exception {
    MigrationException refused = assertThrows(MigrationException.class, () -> m.baseline(c, version));
    String message = refused.getMessage();
    assertTrue(message.contains("the primary key of table author [id] is named author_pkey, but the migrations name it"
        + " pk_author"), message);
    assertTrue(message.contains("the foreign key book [author_id] -> author [id] is named book_author_id_fkey, but the"
        + " migrations name it fk_book_author_id"), message);
    assertTrue(message.contains("Run the statements above, then baseline again; nothing was recorded."), message);
    assertEquals(List.of(), strings(c, "SELECT tablename FROM pg_tables WHERE tablename = 'jmigrate_history'"));
    List<String> statements = message.lines().map(String::strip).filter(l -> l.startsWith("ALTER TABLE")).toList();
    assertEquals(RENAMES, statements);
    for (String sql : statements) {
      exec(c, sql);
    }
    m.baseline(c, version);
  }

  @Test
  void handWrittenSchemaIsBaselinedValidatedAndMigrated() throws Exception {
    Migrator m = new Migrator(List.of(V1, V2));
    try (Connection c = handWritten()) {
      baselineAsDocumented(m, c, 1);
      assertEquals(1, m.status(c).currentVersion());
      assertEquals(List.of("1|0"), strings(c, "SELECT version || '|' || execution_ms FROM jmigrate_history"));
      assertTrue(new Migrator(List.of(V1)).validate(c).isEmpty(), new Migrator(List.of(V1)).validate(c).toString());

      assertEquals(1, m.migrate(c).size());
      assertTrue(m.validate(c).isEmpty(), m.validate(c).toString());
      exec(c, "INSERT INTO book (author_id, title, isbn) VALUES (1, 'C', '9780000000000')");
      assertEquals(List.of("1|A|", "2|B|", "3|C|9780000000000"),
          strings(c, "SELECT id || '|' || title || '|' || coalesce(isbn, '') FROM book ORDER BY id"), "the serial keeps counting");
    }
  }

  @Test
  void laterMigrationsThatChangeKeysApplyOnABaselinedHandWrittenSchema() throws Exception {
    List<Migration> all = new java.util.ArrayList<>(List.of(V1, V2));
    all.addAll(KEY_CHANGES);
    Migrator m = new Migrator(all);
    try (Connection c = handWritten()) {
      baselineAsDocumented(m, c, 1);
      assertEquals(4, m.migrate(c).size());
      assertTrue(m.validate(c).isEmpty(), m.validate(c).toString());
      assertEquals(List.of("A|Ann", "B|Bob"),
          strings(c, "SELECT title || '|' || name FROM book JOIN writer ON writer.id = book.author_id ORDER BY title"));
    }
  }

  @Test
  void validateOnABaselinedDatabaseNamesAConstraintRenamedByHand() throws Exception {
    Migrator m = new Migrator(List.of(V1));
    try (Connection c = handWritten()) {
      baselineAsDocumented(m, c, 1);
      exec(c, "ALTER TABLE book RENAME CONSTRAINT fk_book_author_id TO book_author_fk");
      Drift drift = m.validate(c);
      assertEquals(List.of("the foreign key book [author_id] -> author [id] is named book_author_fk, but the migrations"
          + " name it fk_book_author_id (later migrations that drop or change it address it by that name)"),
          drift.differences());
      assertEquals(List.of("ALTER TABLE \"book\" RENAME CONSTRAINT \"book_author_fk\" TO \"fk_book_author_id\""),
          drift.renames());
      assertTrue(drift.toString().contains(
          "  ALTER TABLE \"book\" RENAME CONSTRAINT \"book_author_fk\" TO \"fk_book_author_id\";\n"), drift.toString());
    }
  }

  /**
   * A hand-written {@code bigserial} key generates through a DEFAULT, not an identity: when a
   * later migration stops generating it, the default goes too (before, DROP IDENTITY IF EXISTS
   * did nothing and the column went on generating).
   */
  @Test
  void aBaselinedSerialKeyStopsGeneratingWhenALaterMigrationSaysSo() throws Exception {
    Migrator m = new Migrator(List.of(V1,
        new TestMigration(2, "alter column author.id", alterColumn("author", column("id", BIGINT).notNull()))));
    try (Connection c = handWritten()) {
      baselineAsDocumented(m, c, 1);
      assertEquals(1, m.migrate(c).size());
      java.sql.SQLException e = assertThrows(java.sql.SQLException.class,
          () -> exec(c, "INSERT INTO author (name) VALUES ('Cy')"));
      assertTrue(e.getMessage().contains("null value in column \"id\""), e.getMessage());
      exec(c, "INSERT INTO author (id, name) VALUES (10, 'Cy')");
      assertTrue(m.validate(c).isEmpty(), m.validate(c).toString());
    }
  }

  /**
   * The same hand-written schema on SQLite, with SQLite's habits: an INTEGER PRIMARY KEY, an
   * unnamed primary key and foreign key, another key named by hand. SQLite changes keys by
   * rebuilding the table from the migrations' definition, never by name: baseline takes it as it
   * is, and the key-changing migrations apply.
   */
  @Test
  void sqliteHandWrittenSchemaWithOtherKeyNamesBaselinesAsItIsAndChangesKeys(@TempDir Path dir) throws Exception {
    List<Migration> all = new java.util.ArrayList<>(List.of(V1, V2));
    all.addAll(KEY_CHANGES);
    Migrator m = new Migrator(all);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hand.db"))) {
      exec(c, "CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL)");
      // (no AUTOINCREMENT: a rebuild would drop it, and is refused; see KeptAttributesTest)
      exec(c, "CREATE TABLE book (id INTEGER PRIMARY KEY, author_id BIGINT NOT NULL,"
          + " title TEXT, pages INTEGER, CONSTRAINT book_author FOREIGN KEY (author_id) REFERENCES author (id) ON DELETE CASCADE)");
      exec(c, "CREATE INDEX ix_book_title ON book (title)");
      exec(c, "INSERT INTO author (name) VALUES ('Ann'), ('Bob')");
      exec(c, "INSERT INTO book (author_id, title, pages) VALUES (1, 'A', 10), (2, 'B', NULL)");
      m.baseline(c, 1);
      assertEquals(4, m.migrate(c).size());
      assertTrue(m.validate(c).isEmpty(), m.validate(c).toString());
      assertEquals(List.of("A|Ann", "B|Bob"),
          strings(c, "SELECT title || '|' || name FROM book JOIN writer ON writer.id = book.author_id ORDER BY title"));
    }
  }
}
