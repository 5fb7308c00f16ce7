package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static io.jmigrate.testing.Sql.exec;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.ForeignKey.Action;
import io.jmigrate.migration.Migration;
import io.jmigrate.testing.Postgres;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "Baseline an existing database whose schema already matches version N", where the existing
 * database was written by hand the way people write PostgreSQL schemas: {@code bigserial}
 * keys and the server's own constraint names ({@code author_pkey}, {@code book_author_id_fkey}).
 * After the baseline, validate finds no drift, the rows stay, and the later migrations apply,
 * including the ones that change keys.
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

  @Test
  void handWrittenSchemaIsBaselinedValidatedAndMigrated() throws Exception {
    Migrator m = new Migrator(List.of(V1, V2));
    try (Connection c = handWritten()) {
      m.baseline(c, 1);
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
      m.baseline(c, 1);
      assertEquals(4, m.migrate(c).size());
      assertTrue(m.validate(c).isEmpty(), m.validate(c).toString());
      assertEquals(List.of("A|Ann", "B|Bob"),
          strings(c, "SELECT title || '|' || name FROM book JOIN writer ON writer.id = book.author_id ORDER BY title"));
    }
  }
}
