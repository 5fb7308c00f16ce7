package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Migrator;
import io.jmigrate.testing.H2;
import io.jmigrate.testing.MariaDb;
import io.jmigrate.testing.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Table comments as a model attribute: {@code @Table(comment)} makes one, a changed or removed comment is
 * an alterTableComment that touches no row and migrates back, the database holds it (SQLite has no place
 * for one), validate compares it, and a comment changed by hand is drift.
 */
class TableCommentsTest {
  @TempDir Path dir;

  private static String model(String comment) {
    return "package com.acme.model;\nimport io.jmigrate.*;\n@Table"
        + (comment == null ? "" : "(comment = \"" + comment + "\")")
        + " public class Member {\n  @Id long id;\n  @Column(nullable = false) String name;\n}";
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "h2", "mariadb"})
  void tableCommentsAreMadeChangedReversedAndValidated(String database) throws Exception {
    Project p = new Project(dir.resolve("project")).write("com/acme/model/Member.java", model("people who join"));
    Project.Result first = p.build().assertOk();
    String v1 = p.migrations("com.acme.migrations").lastEntry().getValue();
    assertTrue(v1.contains(".comment(\"people who join\")"), v1);
    assertTrue(p.snapshotText().contains("\"comment\": \"people who join\""), p.snapshotText());
    boolean keeps = !database.equals("sqlite");
    try (Connection c = connect(database)) {
      Migrator m1 = first.migrator();
      assertEquals(1, m1.migrate(c).size());
      assertEquals(List.of(), m1.validate(c).differences());
      Db.exec(c, "INSERT INTO member (id, name) VALUES (1, 'Ann')");
      assertEquals(keeps ? "people who join" : null, comment(c));

      // Changed: its own operation, the rows kept.
      p.write("com/acme/model/Member.java", model("it's the members"));
      Project.Result second = p.build().assertOk();
      String v2 = p.migrations("com.acme.migrations").lastEntry().getValue();
      assertTrue(v2.contains("alterTableComment(\"member\", \"it's the members\")"), v2);
      assertFalse(v2.contains("alterColumn"), v2);
      Migrator m2 = second.migrator();
      assertEquals(1, m2.migrate(c).size());
      assertEquals(List.of(), m2.validate(c).differences());
      assertEquals(keeps ? "it's the members" : null, comment(c));
      assertEquals(List.of(List.of("Ann")), Db.rows(c, "SELECT name FROM member"));

      // Removed from the model: removed from the database.
      p.write("com/acme/model/Member.java", model(null));
      Project.Result third = p.build().assertOk();
      assertTrue(p.migrations("com.acme.migrations").lastEntry().getValue().contains("alterTableComment(\"member\", \"\")"));
      Migrator m3 = third.migrator();
      assertEquals(1, m3.migrate(c).size());
      assertEquals(List.of(), m3.validate(c).differences());
      assertEquals(null, comment(c));

      // Migrated back: the comment the second step gave.
      m3.migrateTo(c, 2);
      assertEquals(List.of(), m2.validate(c).differences());
      assertEquals(keeps ? "it's the members" : null, comment(c));

      if (keeps) {
        // Changed by hand: drift, named.
        Db.exec(c, database.equals("mariadb") ? "ALTER TABLE member COMMENT = 'by hand'"
            : database.equals("h2") ? "COMMENT ON TABLE \"member\" IS 'by hand'" : "COMMENT ON TABLE member IS 'by hand'");
        assertEquals(List.of("table member has the comment (by hand) but the migrations give it (it's the members)"),
            m2.validate(c).differences());
      }
    }
  }

  private Connection connect(String database) throws Exception {
    return switch (database) {
      case "sqlite" -> Db.sqlite(dir.resolve("comments.db"));
      case "postgresql" -> Postgres.newDatabase();
      case "h2" -> H2.file(dir, "comments");
      default -> MariaDb.newDatabase();
    };
  }

  private static String comment(Connection c) throws Exception {
    boolean noSchema = c.getMetaData().getDatabaseProductName().matches("(?i).*(mariadb|mysql|sqlite).*");
    try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), noSchema ? null : c.getSchema(), "member", null)) {
      while (rs.next()) {
        String remarks = rs.getString("REMARKS");
        return remarks == null || remarks.isEmpty() ? null : remarks;
      }
    }
    return null;
  }
}
