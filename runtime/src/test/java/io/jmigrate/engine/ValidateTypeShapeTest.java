package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static io.jmigrate.testing.Sql.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.testing.H2;
import io.jmigrate.testing.MariaDb;
import io.jmigrate.testing.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "validate compares types": a length, a precision or a scale changed by hand is drift on every
 * database, and baseline refuses it; a foreign key of two columns is one key in the report.
 */
class ValidateTypeShapeTest {
  @TempDir Path dir;

  static final Migrator MIGRATOR = new Migrator(List.of(new TestMigration(1, "create",
      createTable(table("shelf", column("room", INTEGER).notNull(), column("no", INTEGER).notNull())
          .primaryKey("room", "no")),
      createTable(table("book",
          column("id", BIGINT).notNull(), column("title", STRING).length(40).notNull(),
          column("price", DECIMAL).precision(38, 2), column("note", STRING),
          column("room", INTEGER), column("no", INTEGER))
          .primaryKey("id")
          .foreignKey(foreignKey("fk_book_shelf", List.of("room", "no"), "shelf", List.of("room", "no")))))));

  @Test
  void postgres() throws Exception {
    try (Connection c = Postgres.newDatabase()) {
      check(c, List.of("ALTER TABLE book ALTER COLUMN title TYPE varchar(5)", "ALTER TABLE book ALTER COLUMN price TYPE numeric(6,0)",
          "ALTER TABLE book ALTER COLUMN note TYPE varchar(10)", "ALTER TABLE book DROP CONSTRAINT fk_book_shelf"),
          List.of("column book.title has the type varchar(5) but the migrations make it VARCHAR(40)",
              "column book.price has the type numeric(6,0) but the migrations make it NUMERIC(38,2)",
              "column book.note has the type varchar(10) but the migrations make it TEXT",
              "foreign key book.(room, no)->shelf.(room, no) is missing"));
    }
    try (Connection c = Postgres.newDatabase()) { // unbounded text where the migrations bound it
      MIGRATOR.migrate(c);
      exec(c, "ALTER TABLE book ALTER COLUMN title TYPE text");
      assertEquals(List.of("column book.title has the type text but the migrations make it VARCHAR(40)"),
          MIGRATOR.validate(c).differences());
    }
  }

  @Test
  void mariaDb() throws Exception {
    try (Connection c = MariaDb.newDatabase()) {
      check(c, List.of("ALTER TABLE book MODIFY title VARCHAR(10) NOT NULL", "ALTER TABLE book MODIFY price DECIMAL(6,0)",
          "ALTER TABLE book DROP FOREIGN KEY fk_book_shelf"),
          List.of("column book.title has the type VARCHAR(10) but the migrations make it VARCHAR(40)",
              "column book.price has the type DECIMAL(6,0) but the migrations make it DECIMAL(38,2)",
              "foreign key book.(room, no)->shelf.(room, no) is missing"));
    }
  }

  @Test
  void h2() throws Exception {
    try (Connection c = H2.mem()) {
      check(c, List.of("ALTER TABLE book ALTER COLUMN title SET DATA TYPE VARCHAR(5)",
          "ALTER TABLE book ALTER COLUMN price SET DATA TYPE NUMERIC(6,0)", "ALTER TABLE book DROP CONSTRAINT fk_book_shelf"),
          List.of("column book.title has the type CHARACTER VARYING(5) but the migrations make it VARCHAR(40)",
              "column book.price has the type NUMERIC(6,0) but the migrations make it NUMERIC(38,2)",
              "foreign key book.(room, no)->shelf.(room, no) is missing"));
    }
  }

  @Test
  void sqliteComparesTheDeclaredType() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("v.db"))) {
      check(c, List.of("CREATE TABLE book2 (id BIGINT NOT NULL PRIMARY KEY, title VARCHAR(5) NOT NULL, price NUMERIC(6,0),"
              + " note TEXT, room INTEGER, no INTEGER)",
          "INSERT INTO book2 SELECT id, title, price, note, room, no FROM book", "DROP TABLE book",
          "ALTER TABLE book2 RENAME TO book"),
          List.of("column book.title has the type VARCHAR(5) but the migrations make it VARCHAR(40)",
              "column book.price has the type NUMERIC(6,0) but the migrations make it DECIMAL(38,2)",
              "foreign key book.(room, no)->shelf.(room, no) is missing"));
    }
  }

  /** Migrates, finds no drift, runs the hand changes, finds exactly {@code drift}; baseline refuses it. */
  private void check(Connection c, List<String> changes, List<String> drift) throws Exception {
    MIGRATOR.migrate(c);
    assertTrue(MIGRATOR.validate(c).isEmpty(), MIGRATOR.validate(c).toString());
    for (String sql : changes) {
      exec(c, sql);
    }
    assertEquals(drift, MIGRATOR.validate(c).differences());
    exec(c, "DROP TABLE jmigrate_history");
    MigrationException e = assertThrows(MigrationException.class, () -> MIGRATOR.baseline(c, 1));
    assertTrue(e.getMessage().contains(drift.get(0)), e.getMessage());
  }
}
