package io.jmigrate.inspect;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Migrator;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.schema.TableDefinition;
import io.jmigrate.testing.H2;
import io.jmigrate.testing.MariaDb;
import io.jmigrate.testing.Postgres;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Arrays of text and integers: SQL arrays on PostgreSQL and H2 (read and written through JDBC's
 * {@code Array}), JSON arrays on MariaDB as Hibernate stores them there, refused on SQLite; a
 * widening of the elements with the rows kept, validate without drift, and inspect giving the
 * definitions back where the database has arrays.
 */
class ArrayColumnsTest {
  @TempDir Path dir;

  static final TableDefinition POST = table("post",
      column("id", INTEGER).notNull(),
      column("tags", STRING_ARRAY).length(20),
      column("notes", STRING_ARRAY),
      column("scores", INTEGER_ARRAY).notNull(),
      column("ids", BIGINT_ARRAY))
      .primaryKey("id");

  static final Migration CREATE = migration(1, "create", createTable(POST));
  static final Migration WIDEN = migration(2, "widen", alterColumn("post", column("tags", STRING_ARRAY).length(40)),
      alterColumn("post", column("scores", BIGINT_ARRAY).notNull()));

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "h2", "mariadb"})
  void typesValuesValidationAndInspection(String database) throws Exception {
    try (Connection c = connect(database)) {
      new Migrator(List.of(CREATE)).migrate(c);
      assertEquals(Map.of(
          "postgresql", "{ids=_int8, notes=_text, scores=_int4, tags=_varchar}",
          "h2", "{ids=BIGINT ARRAY, notes=CHARACTER VARYING ARRAY, scores=INTEGER ARRAY, tags=CHARACTER VARYING(20) ARRAY}",
          "mariadb", "{ids=LONGTEXT, notes=LONGTEXT, scores=LONGTEXT, tags=LONGTEXT}").get(database), types(c).toString());
      boolean sql = !database.equals("mariadb");
      try (PreparedStatement p = c.prepareStatement("INSERT INTO post (id, tags, notes, scores, ids) VALUES (1, ?, ?, ?, ?)")) {
        if (sql) {
          p.setArray(1, c.createArrayOf("VARCHAR", new Object[] {"java", "sql, arrays"}));
          p.setArray(2, c.createArrayOf("VARCHAR", new Object[] {"x".repeat(300)}));
          p.setArray(3, c.createArrayOf("INTEGER", new Object[] {1, -2147483648}));
          p.setArray(4, c.createArrayOf("BIGINT", new Object[] {9_000_000_000L}));
        } else {
          p.setString(1, "[\"java\",\"sql, arrays\"]");
          p.setString(2, "[\"" + "x".repeat(300) + "\"]");
          p.setString(3, "[1,-2147483648]");
          p.setString(4, "[9000000000]");
        }
        p.executeUpdate();
      }
      new Migrator(List.of(CREATE, WIDEN)).migrate(c);
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT tags, notes, scores, ids FROM post")) {
        rs.next();
        if (sql) {
          assertEquals(List.of("java", "sql, arrays"), List.of((Object[]) rs.getArray(1).getArray()));
          assertEquals(List.of("x".repeat(300)), List.of((Object[]) rs.getArray(2).getArray()));
          assertEquals(List.of(1L, -2147483648L), List.of((Object[]) rs.getArray(3).getArray()).stream()
              .map(o -> ((Number) o).longValue()).toList());
          assertEquals(List.of(9_000_000_000L), List.of((Object[]) rs.getArray(4).getArray()).stream()
              .map(o -> ((Number) o).longValue()).toList());
        } else {
          assertEquals("[\"java\",\"sql, arrays\"]", rs.getString(1));
          assertEquals("[1,-2147483648]", rs.getString(3));
        }
      }
      assertEquals(List.of(), new Migrator(List.of(CREATE, WIDEN)).validate(c).differences());

      Inspection inspection = Inspection.of(c, Set.of());
      assertEquals(List.of(), inspection.findings(), inspection.report());
      TableDefinition widened = POST.replaceColumn(column("tags", STRING_ARRAY).length(40))
          .replaceColumn(column("scores", BIGINT_ARRAY).notNull());
      TableDefinition expected = sql ? widened : table("post", column("id", INTEGER).notNull(), column("tags", STRING),
          column("notes", STRING), column("scores", STRING).notNull(), column("ids", STRING)).primaryKey("id");
      assertEquals(expected.toString(), new InspectGivesBackWhatMigrationsMadeTest.CatalogTables(inspection)
          .table("post").toString());
    }
  }

  @Test
  void sqliteHasNoArrays() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("a.db"))) {
      Exception e = assertThrows(Exception.class, () -> new Migrator(List.of(CREATE)).migrate(c));
      String message = String.valueOf(e.getMessage()) + " " + e.getCause();
      assertTrue(message.contains("SQLite has no array type, for the column tags"), message);
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
      case "postgresql" -> Postgres.newDatabase();
      case "h2" -> H2.file(dir, "a");
      default -> MariaDb.newDatabase();
    };
  }

  private static Map<String, String> types(Connection c) throws Exception {
    Map<String, String> out = new TreeMap<>();
    boolean noSchema = c.getMetaData().getDatabaseProductName().matches("(?i).*(mariadb|mysql|sqlite).*");
    try (ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), noSchema ? null : c.getSchema(), "post", "%")) {
      while (rs.next()) {
        if (!rs.getString("COLUMN_NAME").equals("id")) {
          out.put(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"));
        }
      }
    }
    return out;
  }
}
