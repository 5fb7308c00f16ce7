package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static io.jmigrate.testing.Sql.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.testing.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "validate … compares … primary keys … foreign keys … and reports drift": the live schema is
 * changed by hand after migrating, on PostgreSQL with ALTER TABLE and on SQLite with a
 * hand-made rebuild, and validate names each key that differs.
 */
class ValidateClaimsTest {
  @TempDir Path dir;

  static final Migrator MIGRATOR = new Migrator(List.of(new TestMigration(1, "create",
      createTable(table("author", column("id", BIGINT).notNull(), column("name", STRING)).primaryKey("id")),
      createTable(table("tag", column("name", STRING).notNull(), column("kind", STRING).notNull()).primaryKey("name")),
      createTable(table("book",
          column("id", BIGINT).notNull(), column("author_id", BIGINT).notNull(), column("editor_id", BIGINT))
          .primaryKey("id")
          .foreignKey(foreignKey("fk_book_author_id", "author_id", "author", "id"))))));

  static final List<String> DRIFT = List.of(
      "table book has the primary key [] but the migrations give [id]",
      "foreign key book.author_id->author.id is missing",
      "foreign key book.editor_id->author.id is not in the migrations",
      "table tag has the primary key [kind, name] but the migrations give [name]");

  @Test
  void postgresPrimaryAndForeignKeyDrift() throws Exception {
    try (Connection c = Postgres.newDatabase()) {
      MIGRATOR.migrate(c);
      assertTrue(MIGRATOR.validate(c).isEmpty(), MIGRATOR.validate(c).toString());
      exec(c, "ALTER TABLE tag DROP CONSTRAINT pk_tag");
      exec(c, "ALTER TABLE tag ADD PRIMARY KEY (kind, name)");
      exec(c, "ALTER TABLE book DROP CONSTRAINT pk_book");
      exec(c, "ALTER TABLE book DROP CONSTRAINT fk_book_author_id");
      exec(c, "ALTER TABLE book ADD FOREIGN KEY (editor_id) REFERENCES author (id)");
      assertEquals(DRIFT, MIGRATOR.validate(c).differences());
    }
  }

  @Test
  void sqlitePrimaryAndForeignKeyDrift() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("v.db"))) {
      MIGRATOR.migrate(c);
      assertTrue(MIGRATOR.validate(c).isEmpty(), MIGRATOR.validate(c).toString());
      // SQLite changes keys only by rebuilding the table, as someone might by hand.
      exec(c, "CREATE TABLE tag2 (name TEXT NOT NULL, kind TEXT NOT NULL, PRIMARY KEY (kind, name))");
      exec(c, "INSERT INTO tag2 SELECT name, kind FROM tag");
      exec(c, "DROP TABLE tag");
      exec(c, "ALTER TABLE tag2 RENAME TO tag");
      exec(c, "CREATE TABLE book2 (id BIGINT NOT NULL, author_id BIGINT NOT NULL, editor_id BIGINT,"
          + " FOREIGN KEY (editor_id) REFERENCES author (id))");
      exec(c, "INSERT INTO book2 SELECT id, author_id, editor_id FROM book");
      exec(c, "DROP TABLE book");
      exec(c, "ALTER TABLE book2 RENAME TO book");
      assertEquals(DRIFT, MIGRATOR.validate(c).differences());
    }
  }
}
