package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static io.jmigrate.testing.Sql.exec;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.migration.Migration;
import io.jmigrate.testing.H2;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * H2's identifier folding, read from the connection: by default H2 folds unquoted names to upper
 * case (Spring Boot's embedded test database is such), and jmigrate then names its tables as the
 * application's unquoted SQL and Hibernate look for them; migrate, validate, status, reverting and
 * the history work as with {@code DATABASE_TO_LOWER=TRUE}.
 */
class H2FoldingTest {
  private static final AtomicInteger NEXT = new AtomicInteger();

  /** author, book (a keyword column, a key to author, a unique index), then a column, then the index replaced. */
  private static final List<Migration> LIBRARY = List.of(
      new TestMigration(1, "create",
          createTable(table("author", column("id", BIGINT).notNull(), column("name", STRING).length(80))
              .primaryKey("id")),
          createTable(table("book", column("id", BIGINT).notNull(), column("title", STRING).length(200),
              column("order", INTEGER), column("author_id", BIGINT)).primaryKey("id")
              .index(uniqueIndex("ux_book_title", "title"))
              .foreignKey(foreignKey("fk_book_author_id", "author_id", "author", "id")))),
      new TestMigration(2, "year", addColumn("book", column("published", INTEGER))),
      new TestMigration(3, "reindex", dropIndex("book", "ux_book_title"), addIndex("book", index("ix_book_published", "published")),
          renameColumn("author", "name", "full_name")));

  private static Connection defaultFolding() throws Exception {
    return DriverManager.getConnection("jdbc:h2:mem:folding" + NEXT.incrementAndGet() + ";DB_CLOSE_DELAY=-1"
        + H2.DEFAULT_FOLDING);
  }

  @Test
  void namesAreUpperCaseWhereH2FoldsToUpperCaseSoUnquotedSqlFindsThem() throws Exception {
    try (Connection c = defaultFolding()) {
      Migrator m = new Migrator(LIBRARY);
      assertEquals(3, m.migrate(c).size());

      assertEquals(List.of("AUTHOR", "BOOK", "JMIGRATE_HISTORY"), strings(c,
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC' ORDER BY 1"));
      exec(c, "INSERT INTO author (id, full_name) VALUES (1, 'Ursula K. Le Guin')");
      exec(c, "INSERT INTO book (id, title, \"ORDER\", author_id, published) VALUES (1, 'The Dispossessed', 1, 1, 1974)");
      assertEquals(List.of("The Dispossessed by Ursula K. Le Guin"), strings(c,
          "SELECT b.title || ' by ' || a.full_name FROM book b JOIN author a ON a.id = b.author_id"));
      assertEquals(List.of("1", "2", "3"), strings(c, "SELECT version FROM jmigrate_history ORDER BY version"));

      assertTrue(m.validate(c).isEmpty(), m.validate(c).toString());
      Status status = m.status(c);
      assertEquals(3, status.currentVersion());
      assertTrue(status.pending().isEmpty() && status.problems().isEmpty(), status.toString());
      assertEquals(List.of(), m.migrate(c), "up to date");

      m.migrateTo(c, 1); // back: the index, the column and the rename are undone by their names
      assertTrue(new Migrator(LIBRARY.subList(0, 1)).validate(c).isEmpty());
      assertEquals(List.of("Ursula K. Le Guin"), strings(c, "SELECT name FROM author"));
      m.migrate(c);

      exec(c, "ALTER TABLE book DROP COLUMN published");
      assertEquals(List.of("column book.published is missing", "index ix_book_published on book is missing"),
          m.validate(c).differences());
    }
  }

  @Test
  void anIndexThatAForeignKeyAdoptedIsDroppedUnderItsUpperCaseName() throws Exception {
    List<Migration> ms = List.of(
        new TestMigration(1, "create",
            createTable(table("parent", column("id", BIGINT).notNull()).primaryKey("id")),
            createTable(table("child", column("id", BIGINT).notNull(), column("parent_id", BIGINT)).primaryKey("id")),
            addIndex("child", index("ix_child_parent_id", "parent_id"))),
        new TestMigration(2, "key", addForeignKey("child", foreignKey("fk_child_parent_id", "parent_id", "parent", "id"))),
        new TestMigration(3, "unindex", dropIndex("child", "ix_child_parent_id")));
    try (Connection c = defaultFolding()) {
      Migrator m = new Migrator(ms);
      m.migrateTo(c, 2);
      assertEquals(List.of("IX_CHILD_PARENT_ID"), strings(c, "SELECT index_name FROM information_schema.table_constraints"
          + " WHERE constraint_name = 'FK_CHILD_PARENT_ID'"), "the key adopted the index");
      m.migrate(c);
      assertTrue(m.validate(c).isEmpty(), m.validate(c).toString());
      exec(c, "INSERT INTO parent (id) VALUES (1)");
      exec(c, "INSERT INTO child (id, parent_id) VALUES (1, 1)");
      org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
          () -> exec(c, "INSERT INTO child (id, parent_id) VALUES (2, 2)"), "the foreign key is still enforced");
    }
  }

  @Test
  void aDatabaseWhoseHistoryJmigrateMadeInLowerCaseKeepsLowerCaseNames() throws Exception {
    try (Connection c = defaultFolding()) {
      // What jmigrate made before it followed H2's folding: a quoted lower-case history (and tables).
      exec(c, Dialect.named("h2").createHistoryTable("jmigrate_history"));
      Migrator m = new Migrator(LIBRARY);
      assertEquals(3, m.migrate(c).size());
      assertEquals(List.of("author", "book", "jmigrate_history"), strings(c,
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC' ORDER BY 1"));
      assertTrue(m.validate(c).isEmpty(), m.validate(c).toString());
      assertEquals(3, m.status(c).currentVersion());
    }
  }
}
