package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Migrator;
import io.jmigrate.testing.H2;
import io.jmigrate.testing.MariaDb;
import io.jmigrate.testing.Postgres;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README's types table for fixed-length text, JSON, Currency and Duration in a {@code @Table}
 * model: the generated migration and snapshot name the types, each of the four databases gets the
 * documented column, a row written through plain JDBC reads back, and validate finds no drift.
 */
class FixedTextJsonClaimsTest {
  static final String MODEL = """
      package com.acme.model;

      import io.jmigrate.*;
      import java.time.Duration;
      import java.util.Currency;

      @Table
      public class Account {
        @Id long id;
        char initial;
        Character grade;
        @Column(length = 3, fixed = true, defaultValue = "ab") String code;
        @Json String settings;
        Currency currency;
        Duration timeout;
      }
      """;

  @TempDir static Path dir;
  static Project project;
  static Project.Result build;

  @BeforeAll
  static void compile() throws Exception {
    project = new Project(dir.resolve("project")).write("com/acme/model/Account.java", MODEL);
    build = project.build().assertOk();
  }

  @org.junit.jupiter.api.Test
  void theMigrationAndSnapshotNameTheTypes() throws Exception {
    String migration = String.join("\n", project.migrations("com.acme.migrations").values());
    assertTrue(migration.contains("column(\"initial\", CHAR).length(1).notNull()"), migration);
    assertTrue(migration.contains("column(\"grade\", CHAR).length(1)"), migration);
    assertTrue(migration.contains("column(\"code\", CHAR).length(3).defaultValue(\"ab\")"), migration);
    assertTrue(migration.contains("column(\"settings\", JSON)"), migration);
    assertTrue(migration.contains("column(\"currency\", STRING).length(3)"), migration);
    assertTrue(migration.contains("column(\"timeout\", DECIMAL).precision(21, 0)"), migration);
    String snapshot = project.snapshotText();
    assertTrue(snapshot.contains("\"CHAR\"") && snapshot.contains("\"JSON\""), snapshot);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "h2", "mariadb"})
  void eachDatabaseGetsTheDocumentedTypesAndKeepsTheValues(String database) throws Exception {
    Migrator m = build.migrator();
    try (Connection c = connect(database)) {
      assertEquals(1, m.migrate(c).size());
      assertEquals(Map.of(
          "sqlite", "{code=CHAR, currency=VARCHAR, grade=CHAR, initial=CHAR, settings=TEXT, timeout=DECIMAL}",
          "postgresql", "{code=bpchar, currency=varchar, grade=bpchar, initial=bpchar, settings=jsonb, timeout=numeric}",
          "h2", "{code=CHARACTER, currency=CHARACTER VARYING, grade=CHARACTER, initial=CHARACTER, settings=JSON,"
              + " timeout=NUMERIC}",
          "mariadb", "{code=VARCHAR, currency=VARCHAR, grade=VARCHAR, initial=VARCHAR, settings=LONGTEXT, timeout=DECIMAL}")
          .get(database), types(c).toString());
      assertEquals(List.of(), m.validate(c).differences());

      String json = switch (database) {
        case "postgresql" -> "CAST(? AS jsonb)";
        case "h2" -> "? FORMAT JSON";
        default -> "?";
      };
      try (PreparedStatement p = c.prepareStatement("INSERT INTO account (id, initial, grade, settings, currency, timeout)"
          + " VALUES (1, ?, ?, " + json + ", ?, ?)")) {
        p.setString(1, "x");
        p.setString(2, "B");
        p.setString(3, "{\"theme\": \"dark\", \"sizes\": [1, 2]}");
        p.setString(4, java.util.Currency.getInstance("CHF").getCurrencyCode());
        p.setBigDecimal(5, BigDecimal.valueOf(java.time.Duration.ofDays(365).plusNanos(1).toNanos()));
        p.executeUpdate();
      }
      try (PreparedStatement p = c.prepareStatement("SELECT initial, grade, code, settings, currency, timeout FROM account");
          ResultSet rs = p.executeQuery()) {
        rs.next();
        assertEquals("x", rs.getString(1));
        assertEquals("B", rs.getString(2));
        boolean pads = database.equals("postgresql") || database.equals("h2");
        assertEquals(pads ? "ab " : "ab", rs.getString(3), "CHAR(3) with its default");
        assertEquals("{\"theme\":\"dark\",\"sizes\":[1,2]}", rs.getString(4).replace(" ", "")
            .replace("{\"sizes\":[1,2],\"theme\":\"dark\"}", "{\"theme\":\"dark\",\"sizes\":[1,2]}"));
        assertEquals("CHF", rs.getString(5));
        assertEquals(java.time.Duration.ofDays(365).plusNanos(1),
            java.time.Duration.ofNanos(rs.getBigDecimal(6).longValueExact()));
      }
    }
  }

  private static Connection connect(String database) throws Exception {
    return switch (database) {
      case "sqlite" -> Db.sqlite(dir.resolve("fixed.db"));
      case "postgresql" -> Postgres.newDatabase();
      case "h2" -> H2.file(dir, "fixed");
      default -> MariaDb.newDatabase();
    };
  }

  private static Map<String, String> types(Connection c) throws Exception {
    Map<String, String> out = new TreeMap<>();
    boolean noSchema = c.getMetaData().getDatabaseProductName().matches("(?i).*(mariadb|mysql|sqlite).*");
    try (ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), noSchema ? null : c.getSchema(), "account", "%")) {
      while (rs.next()) {
        if (!rs.getString("COLUMN_NAME").equals("id")) {
          out.put(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"));
        }
      }
    }
    return out;
  }

  /** Arrays in a {@code @Table} model: the generated migration names their types and element lengths. */
  @org.junit.jupiter.api.Test
  void arraysInAModel() throws Exception {
    Project p = new Project(dir.resolve("arrays")).write("com/acme/model/Post.java", """
        package com.acme.model;

        import io.jmigrate.*;

        @Table
        public class Post {
          @Id long id;
          @Column(length = 20) String[] tags;
          String[] notes;
          int[] counts;
          Long[] ids;
        }
        """);
    p.build().assertOk();
    String migration = String.join("\n", p.migrations("com.acme.migrations").values());
    assertTrue(migration.contains("column(\"tags\", STRING_ARRAY).length(20)"), migration);
    assertTrue(migration.contains("column(\"notes\", STRING_ARRAY)"), migration);
    assertTrue(migration.contains("column(\"counts\", INTEGER_ARRAY)"), migration);
    assertTrue(migration.contains("column(\"ids\", BIGINT_ARRAY)"), migration);
  }
}
