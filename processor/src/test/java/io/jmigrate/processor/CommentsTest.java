package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Column comments as a model attribute: {@code @Column(comment)} makes them, a changed comment is an
 * alterColumn of the comment alone, the database holds them (SQLite has no place for one), validate
 * compares them, and a comment added by hand is drift.
 */
class CommentsTest {
  @TempDir Path dir;

  private static String model(String emailComment, String nameComment) {
    return "package com.acme.model;\nimport io.jmigrate.*;\n@Table public class Member {\n  @Id long id;\n"
        + "  @Column(length = 80" + (emailComment == null ? "" : ", comment = \"" + emailComment + "\"") + ") String email;\n"
        + "  @Column(nullable = false" + (nameComment == null ? "" : ", comment = \"" + nameComment + "\"") + ") String name;\n}";
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "h2", "mariadb"})
  void commentsAreMadeChangedAndValidated(String database) throws Exception {
    Project p = new Project(dir.resolve("project")).write("com/acme/model/Member.java", model("the member's e-mail", null));
    Project.Result first = p.build().assertOk();
    String v1 = p.migrations("com.acme.migrations").lastEntry().getValue();
    assertTrue(v1.contains("column(\"email\", STRING).length(80).comment(\"the member's e-mail\")"), v1);
    assertTrue(p.snapshotText().contains("\"comment\""), p.snapshotText());
    boolean keeps = !database.equals("sqlite");
    try (Connection c = connect(database)) {
      Migrator m1 = first.migrator();
      assertEquals(1, m1.migrate(c).size());
      assertEquals(List.of(), m1.validate(c).differences());
      Db.exec(c, "INSERT INTO member (id, email, name) VALUES (1, 'a@b.c', 'Ann')");
      assertEquals(keeps ? "{email=the member's e-mail}" : "{}", comments(c).toString());

      // The e-mail's comment changes and the name gets one: an alterColumn each, the rows kept.
      p.write("com/acme/model/Member.java", model("login, lower case", "shown on the badge"));
      Project.Result second = p.build().assertOk();
      String v2 = p.migrations("com.acme.migrations").lastEntry().getValue();
      assertTrue(v2.contains("alterColumn(\"member\", column(\"email\", STRING).length(80).comment(\"login, lower case\"))"), v2);
      assertTrue(v2.contains("alterColumn(\"member\", column(\"name\", STRING).notNull().comment(\"shown on the badge\"))"), v2);
      Migrator m2 = second.migrator();
      assertEquals(1, m2.migrate(c).size());
      assertEquals(List.of(), m2.validate(c).differences());
      assertEquals(keeps ? "{email=login, lower case, name=shown on the badge}" : "{}", comments(c).toString());
      assertEquals(List.of(List.of("a@b.c", "Ann")), Db.rows(c, "SELECT email, name FROM member"));

      // Removed from the model: removed from the database.
      p.write("com/acme/model/Member.java", model(null, "shown on the badge"));
      Project.Result third = p.build().assertOk();
      Migrator m3 = third.migrator();
      assertEquals(1, m3.migrate(c).size());
      assertEquals(List.of(), m3.validate(c).differences());
      assertEquals(keeps ? "{name=shown on the badge}" : "{}", comments(c).toString());

      if (keeps) {
        // Changed by hand: drift, named.
        Db.exec(c, database.equals("mariadb")
            ? "ALTER TABLE member MODIFY COLUMN email VARCHAR(80) NULL COMMENT 'by hand'"
            : database.equals("h2") ? "COMMENT ON COLUMN \"member\".\"email\" IS 'by hand'"
            : "COMMENT ON COLUMN member.email IS 'by hand'");
        assertEquals(List.of("column member.email has the comment (by hand) but the migrations give it none"),
            m3.validate(c).differences());
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

  private static Map<String, String> comments(Connection c) throws Exception {
    Map<String, String> out = new TreeMap<>();
    boolean noSchema = c.getMetaData().getDatabaseProductName().matches("(?i).*(mariadb|mysql|sqlite).*");
    try (ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), noSchema ? null : c.getSchema(), "member", "%")) {
      while (rs.next()) {
        String remarks = rs.getString("REMARKS");
        if (remarks != null && !remarks.isEmpty()) {
          out.put(rs.getString("COLUMN_NAME"), remarks);
        }
      }
    }
    return out;
  }
}
