package io.jmigrate.inspect;

import static io.jmigrate.migration.Operations.alterColumn;
import static io.jmigrate.migration.Operations.column;
import static io.jmigrate.migration.Operations.createTable;
import static io.jmigrate.schema.ColumnType.INTEGER;
import static io.jmigrate.schema.ColumnType.STRING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Migrator;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.schema.TableDefinition;
import io.jmigrate.testing.Sql;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** inspect on a hand-written SQLite schema: the report, the command line, and what a later rebuild keeps. */
class SqliteInspectTest {
  @TempDir Path dir;

  static final String[] SCHEMA = {
      "CREATE TABLE person (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, age INTEGER, nick VARCHAR(20) DEFAULT 'x')",
      "CREATE TABLE badge (id INTEGER PRIMARY KEY AUTOINCREMENT, level INTEGER CHECK (level > 0))",
      "CREATE TABLE doc (id INTEGER PRIMARY KEY, body JSON)",
      "CREATE INDEX person_lower_email ON person (lower(email))",
      "CREATE INDEX person_nick ON person (nick)",
      "CREATE VIEW adults AS SELECT * FROM person WHERE age >= 18",
      "CREATE TRIGGER person_touch AFTER INSERT ON person BEGIN SELECT 1; END",
      "INSERT INTO person (email, age, nick) VALUES ('a@example.com', 30, 'a'), ('b@example.com', 40, NULL)"};

  private Connection database() throws Exception {
    Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"));
    for (String sql : SCHEMA) {
      Sql.exec(db, sql);
    }
    return db;
  }

  @Test
  void reportsWhatItLeavesOutAndALaterRebuildKeepsTheIndexesItDidNotModel() throws Exception {
    try (Connection db = database()) {
      Inspection inspection = Inspection.of(db, Set.of());
      assertEquals(List.of("badge", "doc", "person"), inspection.tables());
      String report = inspection.report();
      for (String expected : List.of("column doc.body: of the type JSON (no jmigrate type): modelled as @Column(sqlType = \"JSON\")",
          "view adults: left out", "trigger person.person_touch",
          "column badge.id: kept by the database, not in the model: autoincrement (AUTOINCREMENT)",
          "column badge.level: kept by the database, not in the model: check (CHECK (level > 0))",
          "unique constraint person [email]: left out", "index person_lower_email: left out: an expression or partial index")) {
        assertTrue(report.contains(expected), "missing \"" + expected + "\" in:\n" + report);
      }
      TableDefinition person = inspection.inspected().get(2).table();
      assertEquals("table doc (id INTEGER NOT NULL, body NATIVE SQL-TYPE JSON NULL, primary key (id))",
          inspection.inspected().get(1).table().toString(), "a declared type jmigrate does not read is kept as written");
      TableDefinition badge = inspection.inspected().get(0).table();
      assertEquals("table person (id INTEGER NOT NULL, email STRING NOT NULL, age INTEGER NULL,"
          + " nick STRING(20) NULL DEFAULT 'x', primary key (id)), index person_nick (nick)", person.toString());

      // What the first migration of these models would be; then a change that rebuilds the table.
      Migration first = migration(1, createTable(person), createTable(badge));
      Migration second = migration(2, alterColumn("person", column("nick", STRING).length(40).defaultValue("x")));
      Migrator m = new Migrator(List.of(first, second));
      // record version 1 by hand (these migrations leave doc out)
      Sql.exec(db, io.jmigrate.dialect.Dialect.of(db).createHistoryTable("jmigrate_history"));
      Sql.exec(db, "INSERT INTO jmigrate_history (version, description, checksum, execution_ms, success)"
          + " VALUES (1, 'first', " + first.checksum() + ", 0, 1)");
      assertEquals(1, m.migrate(db).size());
      assertEquals(List.of("person_lower_email", "person_nick"),
          Sql.strings(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'person' AND sql IS NOT NULL"
              + " ORDER BY name"), "the rebuild kept the expression index no model describes");
      assertEquals(List.of("person_touch"), Sql.strings(db, "SELECT name FROM sqlite_master WHERE type = 'trigger'"));
      assertEquals(List.of("2"), Sql.strings(db, "SELECT count(*) FROM adults"), "the view is back");
      assertEquals(List.of("2"), Sql.strings(db, "SELECT count(*) FROM person"));

      // A rebuild of badge would drop its AUTOINCREMENT and CHECK, which no model describes: refused, nothing changed.
      Migrator third = new Migrator(List.of(first, second,
          migration(3, alterColumn("badge", column("level", INTEGER).notNull().defaultValue("1")))));
      io.jmigrate.engine.MigrationException e = org.junit.jupiter.api.Assertions.assertThrows(
          io.jmigrate.engine.MigrationException.class, () -> third.migrate(db));
      assertTrue(e.getMessage().contains("would remove autoincrement (AUTOINCREMENT) from column badge.id of table badge:"
          + " SQLite changes it by rebuilding the table from the model"), e.getMessage());
      assertTrue(Sql.strings(db, "SELECT sql FROM sqlite_master WHERE name = 'badge'").get(0).contains("AUTOINCREMENT"));
    }
  }

  @Test
  void theCommandWritesTheModelsAndPrintsTheReport() throws Exception {
    try (Connection db = database()) {
      // the file stays; the command opens its own connection
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    io.jmigrate.internal.cli.CommandLine cli = new io.jmigrate.internal.cli.CommandLine(
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), () -> null, Map.of());
    Path src = dir.resolve("src/main/java");
    int code = cli.run("inspect", "--url", "jdbc:sqlite:" + dir.resolve("app.db"), "--package", "com.acme.model",
        "--source-dir", src.toString());
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.startsWith("3 table(s) with a model: badge, doc, person\n"), printed);
    Path declaration = dir.resolve("src/main/resources/META-INF/jmigrate/unmanaged");
    assertTrue(printed.contains("in " + declaration + " (validate, baseline and migrate keep them)"), printed);
    String declared = Files.readString(declaration);
    assertFalse(declared.contains("table doc"), declared);
    for (String line : List.of("view adults", "trigger person.person_touch", "index person_lower_email",
        "column badge.id: autoincrement = AUTOINCREMENT", "column badge.level: check = CHECK (level > 0)")) {
      assertTrue(declared.contains("\n" + line + "\n"), line + " in:\n" + declared);
    }
    assertTrue(printed.contains("  - view adults: left out"), printed);
    assertTrue(printed.contains("wrote 3 model(s) to " + src.resolve("com/acme/model")), printed);
    String person = Files.readString(src.resolve("com/acme/model/Person.java"));
    assertTrue(person.contains("@Index(name = \"person_nick\", columns = \"nick\")"), person);
    assertTrue(person.contains("  @Id\n  int id; // INTEGER"), person);
    String doc = Files.readString(src.resolve("com/acme/model/Doc.java"));
    assertTrue(doc.contains("  @Column(sqlType = \"JSON\")\n  String body; // JSON"), doc);

    // Existing files are never overwritten; a wrong command line is exit 2, a failure exit 1.
    assertEquals(1, cli.run("inspect", "--url", "jdbc:sqlite:" + dir.resolve("app.db"), "--package", "com.acme.model",
        "--source-dir", src.toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("not overwriting 3 existing file(s)"), err.toString(StandardCharsets.UTF_8));
    assertEquals(2, cli.run("inspect", "--url", "jdbc:sqlite:" + dir.resolve("app.db"), "--source-dir", src.toString()));
    assertEquals(2, cli.run("inspect", "--url", "jdbc:sqlite:" + dir.resolve("app.db"), "--package", "com.acme.model",
        "--source-dir", src.toString(), "--tables", "nosuch"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("jmigrate: the database has no table nosuch"),
        err.toString(StandardCharsets.UTF_8));
  }

  private static Migration migration(int version, Operation... ops) {
    return new Migration(version, "step " + version) {
      @Override
      public List<Operation> up() {
        return List.of(ops);
      }
    };
  }
}
