package io.jmigrate.inspect;

import static io.jmigrate.migration.Operations.column;
import static io.jmigrate.migration.Operations.createTable;
import static io.jmigrate.migration.Operations.foreignKey;
import static io.jmigrate.migration.Operations.index;
import static io.jmigrate.migration.Operations.table;
import static io.jmigrate.migration.Operations.uniqueIndex;
import static io.jmigrate.schema.ColumnType.BOOLEAN;
import static io.jmigrate.schema.ColumnType.DATE;
import static io.jmigrate.schema.ColumnType.DECIMAL;
import static io.jmigrate.schema.ColumnType.DOUBLE;
import static io.jmigrate.schema.ColumnType.INTEGER;
import static io.jmigrate.schema.ColumnType.STRING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jmigrate.engine.Migrator;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.schema.ReferentialAction;
import io.jmigrate.schema.TableDefinition;
import io.jmigrate.testing.H2;
import io.jmigrate.testing.MariaDb;
import io.jmigrate.testing.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On every dialect, inspecting a schema that jmigrate's own migrations made gives back the
 * migrations' definitions (types, lengths, precision, nullability, literal defaults, composite and
 * generated keys, foreign keys with their actions, indexes) and reports nothing: the catalog reading
 * and the dialects' DDL agree. The indexes a database makes for its keys are not models' indexes.
 */
class InspectGivesBackWhatMigrationsMadeTest {
  @TempDir Path dir;

  static final TableDefinition AUTHOR = table("author",
      column("id", INTEGER).notNull().identity(),
      column("name", STRING).length(100).notNull().defaultValue("anon"),
      column("born", DATE),
      column("rating", DECIMAL).precision(5, 2),
      column("active", BOOLEAN).notNull().defaultValue("true"),
      column("bio", STRING))
      .primaryKey("id")
      .index(uniqueIndex("ux_author_name", "name"));

  static final TableDefinition BOOK = table("book",
      column("author_id", INTEGER).notNull(),
      column("seq", INTEGER).notNull(),
      column("title", STRING).length(200),
      column("price", DOUBLE).defaultValue("0.5"))
      .primaryKey("author_id", "seq")
      .foreignKey(foreignKey("fk_book_author_id").columns("author_id").references("author", "id")
          .onDelete(ReferentialAction.CASCADE))
      .index(index("ix_book_title", "title"));

  static final Migration CREATE = new Migration(1, "create author and book") {
    @Override
    public List<Operation> up() {
      return List.of(createTable(AUTHOR), createTable(BOOK));
    }
  };

  void check(Connection db, boolean rowidKey) throws Exception {
    new Migrator(List.of(CREATE)).migrate(db);
    Inspection inspection = Inspection.of(db, Set.of());
    assertEquals(List.of(), inspection.findings(), inspection.report());
    // SQLite's generated key is its rowid alias, an INTEGER PRIMARY KEY like any other.
    TableDefinition author = rowidKey ? AUTHOR.replaceColumn(column("id", INTEGER).notNull()) : AUTHOR;
    assertEquals(List.of(author.toString(), BOOK.toString()), inspection.tables().stream()
        .map(name -> tableOf(inspection, name).toString()).toList());
  }

  private static TableDefinition tableOf(Inspection inspection, String name) {
    return new CatalogTables(inspection).table(name);
  }

  @Test
  void sqlite() throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"))) {
      check(db, true);
    }
  }

  @Test
  void postgresql() throws Exception {
    try (Connection db = Postgres.newDatabase()) {
      check(db, false);
    }
  }

  @Test
  void h2() throws Exception {
    try (Connection db = H2.file(dir, "t")) {
      check(db, false);
    }
  }

  @Test
  void mariadb() throws Exception {
    try (Connection db = MariaDb.newDatabase()) {
      check(db, false);
    }
  }

  /**
   * Text defaults with backslashes, quotes, a newline and a tab come back as written: MariaDB's catalog
   * spells them with backslash escapes ({@code 'C:\\'}), which inspect reads back.
   */
  void awkwardDefaults(Connection db) throws Exception {
    TableDefinition note = table("note",
        column("id", INTEGER).notNull(),
        column("path", STRING).length(40).defaultValue("C:\\"),
        column("quote", STRING).length(40).defaultValue("it's"),
        column("lines", STRING).length(40).defaultValue("x\ny"),
        column("tab", STRING).length(40).defaultValue("a\tb"),
        column("escaped", STRING).length(40).defaultValue("\\\\n \\'"))
        .primaryKey("id");
    new Migrator(List.of(new Migration(1, "create note") {
      @Override
      public List<Operation> up() {
        return List.of(createTable(note));
      }
    })).migrate(db);
    Inspection inspection = Inspection.of(db, Set.of());
    assertEquals(note.toString(), tableOf(inspection, "note").toString());
  }

  @Test
  void awkwardDefaultsOnMariaDb() throws Exception {
    try (Connection db = MariaDb.newDatabase()) {
      awkwardDefaults(db);
    }
  }

  @Test
  void awkwardDefaultsOnSqlite() throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("d.db"))) {
      awkwardDefaults(db);
    }
  }

  /** The inspected tables' definitions (package access). */
  record CatalogTables(Inspection inspection) {
    TableDefinition table(String name) {
      return inspection.inspected().stream().map(InspectedTable::table).filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
  }
}
