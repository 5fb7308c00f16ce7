package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.MigrationException;
import io.jmigrate.engine.Migrator;
import io.jmigrate.testing.H2;
import io.jmigrate.testing.MariaDb;
import io.jmigrate.testing.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Column collations as a model attribute: {@code @Column(collation)} makes them, a changed or removed collation is
 * an alterColumn, a type change keeps the collation, the database holds them and compares by them, validate
 * compares them, and a collation changed by hand is drift. H2 has none per column: refused, by name.
 */
class CollationsTest {
  @TempDir Path dir;

  private static String model(int emailLength, String emailCollation, String nameCollation) {
    return "package com.acme.model;\nimport io.jmigrate.*;\n@Table public class Member {\n  @Id long id;\n"
        + "  @Column(length = " + emailLength + (emailCollation == null ? "" : ", collation = \"" + emailCollation + "\"")
        + ") String email;\n"
        + "  @Column(nullable = false" + (nameCollation == null ? "" : ", collation = \"" + nameCollation + "\"")
        + ") String name;\n}";
  }

  /** Per database: a collation that ignores case (where there is one), another, and the hand-made one of the drift. */
  @ParameterizedTest
  @CsvSource({
      "sqlite, NOCASE, RTRIM, ",
      "postgresql, C, POSIX, ucs_basic",
      "mariadb, utf8mb4_unicode_ci, utf8mb4_general_ci, utf8mb4_unicode_520_ci"})
  void collationsAreMadeChangedAndValidated(String database, String first, String second, String byHand) throws Exception {
    Project p = new Project(dir.resolve("project")).write("com/acme/model/Member.java", model(80, first, null));
    Project.Result built = p.build().assertOk();
    String v1 = p.migrations("com.acme.migrations").lastEntry().getValue();
    assertTrue(v1.contains("column(\"email\", STRING).length(80).collation(\"" + first + "\")"), v1);
    assertTrue(p.snapshotText().contains("{\"name\": \"email\", \"type\": \"STRING\", \"length\": 80, \"collation\": \""
        + first + "\"}"), p.snapshotText());
    assertTrue(p.snapshotText().contains("{\"name\": \"name\", \"type\": \"STRING\", \"nullable\": false}"),
        "a column without a collation has no key: " + p.snapshotText());
    try (Connection c = connect(database)) {
      Migrator m1 = built.migrator();
      assertEquals(1, m1.migrate(c).size());
      assertEquals(List.of(), m1.validate(c).differences());
      assertEquals("{email=" + first + "}", collations(c, database).toString());
      Db.exec(c, "INSERT INTO member (id, email, name) VALUES (1, 'Ann@Example.org', 'Ann')");
      if (!database.equals("postgresql")) { // NOCASE and unicode_ci compare without case; PostgreSQL's "C" does not
        assertEquals(List.of(List.of("Ann")), Db.rows(c, "SELECT name FROM member WHERE email = 'ann@example.org'"));
        assertEquals(List.of(), Db.rows(c, "SELECT name FROM member WHERE name = 'ANN'"), "name compares exactly");
      }

      // The e-mail's collation changes along with its length (the new type keeps it), and the name gets one.
      p.write("com/acme/model/Member.java", model(120, second, first));
      built = p.build().assertOk();
      String v2 = p.migrations("com.acme.migrations").lastEntry().getValue();
      assertTrue(v2.contains("alterColumn(\"member\", column(\"email\", STRING).length(120).collation(\"" + second + "\"))"), v2);
      assertTrue(v2.contains("alterColumn(\"member\", column(\"name\", STRING).notNull().collation(\"" + first + "\"))"), v2);
      Migrator m2 = built.migrator();
      assertEquals(1, m2.migrate(c).size());
      assertEquals(List.of(), m2.validate(c).differences());
      assertEquals("{email=" + second + ", name=" + first + "}", collations(c, database).toString());
      assertEquals(List.of(List.of("Ann@Example.org", "Ann")), Db.rows(c, "SELECT email, name FROM member"));

      // The e-mail's collation is removed, and its length changes again: the type's default collation.
      p.write("com/acme/model/Member.java", model(160, null, first));
      built = p.build().assertOk();
      String v3 = p.migrations("com.acme.migrations").lastEntry().getValue();
      assertTrue(v3.contains("alterColumn(\"member\", column(\"email\", STRING).length(160))"), v3);
      assertFalse(v3.contains("column(\"name\""), "the snapshot kept the name's collation: " + v3);
      Migrator m3 = built.migrator();
      assertEquals(1, m3.migrate(c).size());
      assertEquals(List.of(), m3.validate(c).differences());
      assertEquals("{name=" + first + "}", collations(c, database).toString());

      // Back down: the reverse steps restore each collation.
      m3.migrateTo(c, 1);
      assertEquals("{email=" + first + "}", collations(c, database).toString());
      assertEquals(List.of(), m1.validate(c).differences());

      if (byHand != null) { // changed by hand: drift, named
        Db.exec(c, database.equals("mariadb")
            ? "ALTER TABLE member MODIFY COLUMN email VARCHAR(80) COLLATE " + byHand + " NULL"
            : "ALTER TABLE member ALTER COLUMN email TYPE VARCHAR(80) COLLATE \"" + byHand + "\"");
        assertEquals(List.of("column member.email has the collation " + byHand + " but the migrations give it " + first),
            m1.validate(c).differences());
      }
    }
  }

  /**
   * MariaDB: a column collation equal to its table's is none of its own; a table's collation change (CONVERT, which
   * gives every text column the table's) gives a column with its own collation that one back.
   */
  @Test
  void mariaDbTablesAndTheirColumns() throws Exception {
    String source = "package com.acme.model;\nimport io.jmigrate.*;\n@Table(collation = \"%s\") public class Member {\n"
        + "  @Id long id;\n  @Column(length = 80, collation = \"utf8mb4_unicode_ci\") String email;\n"
        + "  @Column(length = 80, collation = \"utf8mb4_general_ci\") String name;\n}";
    Project p = new Project(dir.resolve("project")).write("com/acme/model/Member.java", source.formatted("utf8mb4_unicode_ci"));
    Project.Result built = p.build().assertOk();
    String v1 = p.migrations("com.acme.migrations").lastEntry().getValue();
    assertTrue(v1.contains("column(\"email\", STRING).length(80),"), "the table's own collation: " + v1);
    assertTrue(v1.contains("column(\"name\", STRING).length(80).collation(\"utf8mb4_general_ci\")"), v1);
    try (Connection c = MariaDb.newDatabase()) {
      assertEquals(1, built.migrator().migrate(c).size());
      assertEquals(List.of(), built.migrator().validate(c).differences());
      assertEquals("{name=utf8mb4_general_ci}", collations(c, "mariadb").toString());

      p.write("com/acme/model/Member.java", source.formatted("utf8mb4_bin"));
      built = p.build().assertOk();
      String v2 = p.migrations("com.acme.migrations").lastEntry().getValue();
      assertTrue(v2.contains("alterCollation(\"member\", \"utf8mb4_bin\")"), v2);
      assertEquals(1, built.migrator().migrate(c).size());
      assertEquals(List.of(), built.migrator().validate(c).differences());
      assertEquals("{email=utf8mb4_unicode_ci, name=utf8mb4_general_ci}", collations(c, "mariadb").toString());
    }
  }

  @Test
  void h2HasNoCollationPerColumn() throws Exception {
    Project p = new Project(dir.resolve("project")).write("com/acme/model/Member.java", model(80, "C", null));
    Project.Result built = p.build().assertOk(); // no target dialect named: the build cannot tell
    try (Connection c = H2.file(dir, "collations")) {
      MigrationException e = assertThrows(MigrationException.class, () -> built.migrator().migrate(c));
      assertTrue(e.getMessage().contains("V0001") && e.getMessage().contains(
          "column email has the collation C, and H2 has no collation per column"), e.getMessage());
      assertFalse(Db.rows(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'member'")
          .get(0).get(0).toString().equals("1"), "nothing was made");
    }
    Project.Result targeted = p.build("-Ajmigrate.dialects=postgresql,h2");
    assertFalse(targeted.ok());
    assertTrue(targeted.errors().stream().anyMatch(s -> s.contains("Member.email has the collation C, and H2 has no"
        + " collation per column")), targeted.errors().toString());
  }

  private Connection connect(String database) throws Exception {
    return switch (database) {
      case "sqlite" -> Db.sqlite(dir.resolve("collations.db"));
      case "postgresql" -> Postgres.newDatabase();
      default -> MariaDb.newDatabase();
    };
  }

  private static final Pattern SQLITE_COLLATE = Pattern.compile("\"(\\w+)\"[^,]*? COLLATE (\\w+)");

  /** The columns of member with a collation of their own, read from each database's catalog. */
  private static Map<String, String> collations(Connection c, String database) throws Exception {
    Map<String, String> out = new TreeMap<>();
    if (database.equals("sqlite")) {
      String sql = Db.rows(c, "SELECT sql FROM sqlite_master WHERE name = 'member'").get(0).get(0).toString();
      Matcher m = SQLITE_COLLATE.matcher(sql);
      while (m.find()) {
        out.put(m.group(1), m.group(2));
      }
      return out;
    }
    String query = database.equals("postgresql")
        ? "SELECT column_name, collation_name FROM information_schema.columns WHERE table_schema = current_schema()"
            + " AND table_name = 'member' AND collation_name IS NOT NULL"
        : "SELECT c.COLUMN_NAME, c.COLLATION_NAME FROM information_schema.COLUMNS c JOIN information_schema.TABLES t"
            + " ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME WHERE c.TABLE_SCHEMA = DATABASE()"
            + " AND c.TABLE_NAME = 'member' AND c.COLLATION_NAME <> t.TABLE_COLLATION";
    try (ResultSet rs = c.createStatement().executeQuery(query)) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }
}
