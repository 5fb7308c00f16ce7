package io.jmigrate.inspect;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Migrator;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.schema.TableDefinition;
import io.jmigrate.testing.H2;
import io.jmigrate.testing.MariaDb;
import io.jmigrate.testing.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CHAR(n) and JSON on every dialect, with a currency (VARCHAR(3)) and a duration (NUMERIC(21,0)) as
 * JPA maps them: the type each database gets, values written before a widening of the CHAR and a
 * change of text into JSON and read back after it, {@code validate} without drift, and {@code inspect}
 * giving back the definitions (as far as the database keeps them apart).
 */
class CharAndJsonColumnsTest {
  @TempDir Path dir;

  static final TableDefinition ITEM = table("item",
      column("id", INTEGER).notNull(),
      column("code", CHAR).length(3).notNull().defaultValue("ab"),
      column("flag", CHAR).length(1),
      column("doc", JSON),
      column("currency", STRING).length(3),
      column("timeout", DECIMAL).precision(21, 0),
      column("note", STRING))
      .primaryKey("id");

  static final Migration CREATE = migration(1, "create", createTable(ITEM));
  static final Migration CHANGE = migration(2, "change", alterColumn("item", column("code", CHAR).length(5).notNull()
      .defaultValue("ab")), alterColumn("item", column("note", JSON)));

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "h2", "mariadb"})
  void typesValuesValidationAndInspection(String database) throws Exception {
    try (Connection c = connect(database)) {
      new Migrator(List.of(CREATE)).migrate(c);
      assertEquals(Map.of(
          "sqlite", "{code=CHAR, currency=VARCHAR, doc=TEXT, flag=CHAR, note=TEXT, timeout=DECIMAL}",
          "postgresql", "{code=bpchar, currency=varchar, doc=jsonb, flag=bpchar, note=text, timeout=numeric}",
          "h2", "{code=CHARACTER, currency=CHARACTER VARYING, doc=JSON, flag=CHARACTER, note=CHARACTER VARYING,"
              + " timeout=NUMERIC}",
          "mariadb", "{code=VARCHAR, currency=VARCHAR, doc=LONGTEXT, flag=VARCHAR, note=TEXT, timeout=DECIMAL}")
          .get(database), types(c).toString());
      // H2 reads a string parameter as a JSON string unless told it is a document; PostgreSQL wants the
      // text cast to jsonb (or a parameter of an unspecified type); SQLite and MariaDB take the text.
      String json = database.equals("h2") ? "? FORMAT JSON" : database.equals("postgresql") ? "CAST(? AS jsonb)" : "?";
      try (PreparedStatement p = c.prepareStatement("INSERT INTO item (id, flag, doc, currency, timeout, note) VALUES"
          + " (1, ?, " + json + ", ?, ?, ?)")) {
        p.setString(1, "y");
        p.setString(2, "{\"a\": [1, 2], \"b\": \"x\"}");
        p.setString(3, "EUR");
        p.setBigDecimal(4, new java.math.BigDecimal("9000000000123456789"));
        p.setString(5, "{\"n\": 1}");
        p.executeUpdate();
      }
      new Migrator(List.of(CREATE, CHANGE)).migrate(c);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT code, flag, doc, currency, timeout, note FROM item")) {
        rs.next();
        boolean pads = database.equals("postgresql") || database.equals("h2");
        assertEquals(pads ? "ab   " : "ab", rs.getString(1), "CHAR(5), widened from CHAR(3), with its default");
        assertEquals("y", rs.getString(2));
        assertEquals("{\"a\":[1,2],\"b\":\"x\"}", rs.getString(3).replace(" ", ""));
        assertEquals("EUR", rs.getString(4));
        assertEquals(new java.math.BigDecimal("9000000000123456789"), rs.getBigDecimal(5));
        // H2 converts text to JSON as a JSON string holding the text (it has no cast that parses it).
        assertEquals(database.equals("h2") ? "\"{\\\"n\\\":1}\"" : "{\"n\":1}", rs.getString(6).replace(" ", ""),
            "text changed into JSON");
      }
      assertEquals(List.of(), new Migrator(List.of(CREATE, CHANGE)).validate(c).differences());

      Inspection inspection = Inspection.of(c, Set.of());
      assertEquals(List.of(), inspection.findings(), inspection.report());
      TableDefinition expected = switch (database) {
        // SQLite has no JSON type (TEXT); MariaDB's CHAR(n) is a VARCHAR(n), its JSON a LONGTEXT.
        case "sqlite" -> ITEM.replaceColumn(column("code", CHAR).length(5).notNull().defaultValue("ab"))
            .replaceColumn(column("doc", STRING)).replaceColumn(column("note", STRING));
        case "mariadb" -> ITEM.replaceColumn(column("code", STRING).length(5).notNull().defaultValue("ab"))
            .replaceColumn(column("flag", STRING).length(1))
            .replaceColumn(column("doc", STRING)).replaceColumn(column("note", STRING));
        default -> ITEM.replaceColumn(column("code", CHAR).length(5).notNull().defaultValue("ab"))
            .replaceColumn(column("note", JSON));
      };
      assertEquals(expected.toString(), new InspectGivesBackWhatMigrationsMadeTest.CatalogTables(inspection)
          .table("item").toString());
    }
  }

  /** A narrowed CHAR that a value does not fit fails the migration, with the rows and the column unchanged. */
  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "h2", "mariadb"})
  void aNarrowedCharNeverCutsAValue(String database) throws Exception {
    Migration narrow = migration(3, "narrow", alterColumn("item", column("code", CHAR).length(2).notNull()
        .defaultValue("ab")));
    try (Connection c = connect(database)) {
      new Migrator(List.of(CREATE, CHANGE)).migrate(c);
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO item (id, code) VALUES (1, 'abcd')");
      }
      Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
          () -> new Migrator(List.of(CREATE, CHANGE, narrow)).migrate(c));
      assertTrue(String.valueOf(e.getMessage()).contains("do not fit the new definition of column code"), e.getMessage());
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT code FROM item")) {
        rs.next();
        assertEquals("abcd", rs.getString(1).trim());
      }
      try (Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE item SET code = 'ab'");
      }
      new Migrator(List.of(CREATE, CHANGE, narrow)).migrate(c); // padding does not count: 'ab   ' fits CHAR(2)
      assertEquals(List.of(), new Migrator(List.of(CREATE, CHANGE, narrow)).validate(c).differences());
    }
  }

  private static Migration migration(int version, String name, Operation... ops) {
    return new Migration(version, name) {
      @Override
      public List<Operation> up() {
        return List.of(ops);
      }
    };
  }

  private Connection connect(String database) throws Exception {
    return switch (database) {
      case "sqlite" -> DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"));
      case "postgresql" -> Postgres.newDatabase();
      case "h2" -> H2.file(dir, "t");
      default -> MariaDb.newDatabase();
    };
  }

  private static Map<String, String> types(Connection c) throws Exception {
    Map<String, String> out = new TreeMap<>();
    boolean noSchema = c.getMetaData().getDatabaseProductName().matches("(?i).*(mariadb|mysql|sqlite).*");
    try (ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), noSchema ? null : c.getSchema(), "item", "%")) {
      while (rs.next()) {
        if (!rs.getString("COLUMN_NAME").equals("id")) {
          out.put(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"));
        }
      }
    }
    return out;
  }
}
