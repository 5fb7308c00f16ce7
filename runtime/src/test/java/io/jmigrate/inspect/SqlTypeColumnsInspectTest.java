package io.jmigrate.inspect;

import static io.jmigrate.migration.Operations.addColumn;
import static io.jmigrate.migration.Operations.alterColumn;
import static io.jmigrate.migration.Operations.column;
import static io.jmigrate.migration.Operations.createTable;
import static io.jmigrate.testing.Sql.exec;
import static io.jmigrate.testing.Sql.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.catalog.Unmanaged;
import io.jmigrate.engine.Drift;
import io.jmigrate.engine.Migrator;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.schema.TableDefinition;
import io.jmigrate.testing.H2;
import io.jmigrate.testing.MariaDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Columns of types jmigrate does not model, on MariaDB, H2 and SQLite (PostgreSQL: {@code PostgresPagilaAdoptionTest}):
 * inspect models them with their type as the database writes it ({@code @Column(sqlType)}) instead of leaving the
 * table out; the first migration of those models baselines with validate clean; a later change (a new column, and on
 * SQLite a change that rebuilds the table) keeps every row and each column's type as it was.
 */
class SqlTypeColumnsInspectTest {
  @TempDir Path dir;

  /** The table, and the type inspect is to read for each column jmigrate does not model. */
  static final Map<String, String> DDL = Map.of(
      "mariadb", "CREATE TABLE item (id INT NOT NULL PRIMARY KEY, code CHAR(10) NOT NULL, stock INT(10) UNSIGNED,"
          + " level TINYINT(4) DEFAULT 3, size ENUM('S','M','L'), name VARCHAR(40))",
      "h2", "CREATE TABLE item (id INT NOT NULL PRIMARY KEY, code CHAR(10) NOT NULL, waiting INTERVAL DAY TO SECOND,"
          + " level TINYINT DEFAULT 3, size ENUM('S','M','L'), flags BOOLEAN ARRAY, name VARCHAR(40))",
      "sqlite", "CREATE TABLE item (id INTEGER PRIMARY KEY, code CHAR(10) NOT NULL, doc JSON, point GEOMETRY,"
          + " name VARCHAR(40))");

  static final Map<String, String> ROW = Map.of(
      "mariadb", "INSERT INTO item (id, code, stock, level, size, name) VALUES (1, 'ab', 4294967295, 7, 'M', 'x')",
      "h2", "INSERT INTO item (id, code, waiting, level, size, flags, name) VALUES (1, 'ab', INTERVAL '1 02:03:04' DAY TO SECOND, 7,"
          + " 'M', ARRAY[TRUE, FALSE], 'x')",
      "sqlite", "INSERT INTO item (id, code, doc, point, name) VALUES (1, 'ab', '{\"a\": 1}', X'0102', 'x')");

  static final Map<String, String> NATIVE = Map.of(
      "mariadb", "{code=char(10), stock=int(10) unsigned, level=tinyint(4), size=enum('S','M','L')}",
      "h2", "{waiting=INTERVAL DAY TO SECOND, level=TINYINT, size=ENUM('S', 'M', 'L'), flags=BOOLEAN ARRAY}",
      "sqlite", "{doc=JSON, point=GEOMETRY}");

  @ParameterizedTest
  @ValueSource(strings = {"mariadb", "h2", "sqlite"})
  void inspectModelsTheColumnsAsWrittenAndTheRoundTripKeepsThem(String database) throws Exception {
    try (Connection c = connect(database)) {
      exec(c, DDL.get(database));
      exec(c, ROW.get(database));
      List<Object> rowBefore = rows(c, "SELECT * FROM item").get(0);
      Inspection inspection = Inspection.of(c, Set.of());
      assertEquals(List.of("item"), inspection.tables(), inspection.report());
      TableDefinition item = inspection.inspected().get(0).table();
      Map<String, String> nativeTypes = new java.util.LinkedHashMap<>();
      item.columns().stream().filter(col -> col.type() == ColumnType.NATIVE).forEach(col -> nativeTypes.put(col.name(),
          col.sqlType()));
      assertEquals(NATIVE.get(database), nativeTypes.toString(), item.toString());
      for (String name : nativeTypes.keySet()) {
        assertTrue(inspection.report().contains("column item." + name + ": of the type " + nativeTypes.get(name)),
            inspection.report());
      }
      String source = java.nio.file.Files.readString(inspection.write(dir.resolve("src"), "com.acme.model").get(0));
      String first = nativeTypes.keySet().iterator().next();
      assertTrue(source.contains("sqlType = " + ModelSource.literal(nativeTypes.get(first)) + ")"), source);

      // --jpa: the type as written in @Column(columnDefinition), which jmigrate's JPA reader takes as the type (an
      // enum('S','M','L') too: jpa-tests' QuotedListColumnDefinitionTest builds such entities back).
      assertEquals(List.of(), inspection.jpaFindings().stream().map(Object::toString).toList());
      String entity = java.nio.file.Files.readString(inspection.write(dir.resolve("jpa"), "com.acme.model", true).get(0));
      for (String name : nativeTypes.keySet()) {
        assertTrue(entity.matches("(?s).*@Column\\(name = \"" + name + "\"(, nullable = false)?, columnDefinition = "
            + java.util.regex.Pattern.quote(ModelSource.literal(nativeTypes.get(name))) + "\\).*"), entity);
      }

      Migration v1 = migration(1, List.of(createTable(item)));
      Migrator m = new Migrator(List.of(v1)).withUnmanaged(Unmanaged.parse(inspection.unmanaged().text()));
      m.baseline(c, 1);
      Drift drift = m.validate(c);
      assertTrue(drift.isEmpty(), drift.toString());

      // A new column; on SQLite, a NOT NULL change to another column rebuilds the table from the model.
      List<Operation> change = new ArrayList<>(List.of(addColumn("item", column("note", ColumnType.STRING))));
      if (database.equals("sqlite")) {
        change.add(alterColumn("item", item.column("name").orElseThrow().notNull().defaultValue("-")));
      }
      Migrator m2 = new Migrator(List.of(v1, migration(2, change))).withUnmanaged(Unmanaged.parse(inspection.unmanaged().text()));
      assertEquals(1, m2.migrate(c).size());
      Drift after = m2.validate(c);
      assertTrue(after.isEmpty(), after.toString());
      List<Object> rowAfter = rows(c, "SELECT * FROM item").get(0);
      assertEquals(text(rowBefore), text(rowAfter.subList(0, rowBefore.size())), "the row is kept");
      Inspection again = Inspection.of(c, Set.of());
      TableDefinition back = again.inspected().get(0).table();
      for (String name : nativeTypes.keySet()) {
        assertEquals(nativeTypes.get(name), back.column(name).orElseThrow().sqlType(), "the type of " + name + " is kept");
      }
    }
  }

  private static List<String> text(List<Object> row) {
    return row.stream().map(v -> v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b)
        : v instanceof java.sql.Array x ? arrayText(x) : String.valueOf(v)).toList();
  }

  private static String arrayText(java.sql.Array a) {
    try {
      return java.util.Arrays.toString((Object[]) a.getArray());
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Connection connect(String database) throws Exception {
    return switch (database) {
      case "mariadb" -> MariaDb.newDatabase();
      case "h2" -> H2.file(dir, "types");
      default -> DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("types.db"));
    };
  }

  private static Migration migration(int version, List<Operation> ops) {
    return new Migration(version, "v" + version) {
      @Override
      public List<Operation> up() {
        return ops;
      }
    };
  }
}
