package io.jmigrate.processor;

import static io.jmigrate.testing.Sql.exec;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Migrator;
import io.jmigrate.testing.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Column(defaultSql = …)}, as the README describes it: an SQL expression used as
 * written. Added as a new column to a table with rows, the rows get the expression's value
 * (SQLite rebuilds the table for it, PostgreSQL adds the column); made NOT NULL, the NULLs
 * are filled from the expression. On a real SQLite file and a real PostgreSQL, both at once.
 */
class DefaultSqlClaimsTest {
  static final String V1 = """
      package com.acme.model;
      import io.jmigrate.*;
      import java.time.LocalDateTime;
      @Table public class Event {
        @Id(generated = true) long id;
        String name;
        String code;
      }
      """;
  static final String V2 = V1.replace("String code;", """
      String code;
        @Column(defaultSql = "lower('NEW')") String origin;
        @Column(nullable = false, defaultSql = "(6 * 7)") int answer;
        @Column(defaultSql = "CURRENT_TIMESTAMP") LocalDateTime createdAt;""");
  static final String V3 = V2.replace("String code;", "@Column(nullable = false, defaultSql = \"upper('x' || 'y')\") String code;");

  @TempDir Path dir;

  @Test
  void expressionDefaultsFillNewColumnsAndNullsOnBothDatabases() throws Exception {
    Project p = new Project(dir).write("com/acme/model/Event.java", V1);
    try (Connection sqlite = Db.sqlite(dir.resolve("events.db")); Connection pg = Postgres.newDatabase()) {
      List<Connection> dbs = List.of(sqlite, pg);
      Migrator m = p.build().assertOk().migrator();
      for (Connection c : dbs) {
        m.migrate(c);
        exec(c, "INSERT INTO event (name, code) VALUES ('a', NULL), ('b', 'keep')");
      }

      p.write("com/acme/model/Event.java", V2);
      m = p.build().assertOk().migrator();
      String v2 = p.migrations("com.acme.migrations").get("V0002_AddEventOriginAndMore.java");
      assertTrue(v2 != null && v2.contains("column(\"origin\", STRING).defaultSql(\"lower('NEW')\")")
          && v2.contains("column(\"answer\", INTEGER).notNull().defaultSql(\"(6 * 7)\")"), p.migrations("com.acme.migrations").toString());
      for (Connection c : dbs) {
        String db = c.getMetaData().getDatabaseProductName();
        assertEquals(1, m.migrate(c).size(), db);
        assertEquals(List.of("a|new|42|set", "b|new|42|set"), strings(c,
            "SELECT name || '|' || origin || '|' || answer || '|' || CASE WHEN created_at IS NULL THEN 'null' ELSE 'set' END"
                + " FROM event ORDER BY id"), db + ": the existing rows took the expressions' values");
        exec(c, "INSERT INTO event (name) VALUES ('c')");
        assertEquals(List.of("c|new|42|set"), strings(c,
            "SELECT name || '|' || origin || '|' || answer || '|' || CASE WHEN created_at IS NULL THEN 'null' ELSE 'set' END"
                + " FROM event WHERE name = 'c'"), db + ": and so does a new row");
        assertTrue(m.validate(c).isEmpty(), db + ": " + m.validate(c));
      }

      p.write("com/acme/model/Event.java", V3);
      m = p.build().assertOk().migrator();
      for (Connection c : dbs) {
        String db = c.getMetaData().getDatabaseProductName();
        assertEquals(1, m.migrate(c).size(), db);
        assertEquals(List.of("a|XY", "b|keep", "c|XY"), strings(c, "SELECT name || '|' || code FROM event ORDER BY id"),
            db + ": the NULLs were filled from the expression, the value kept");
        exec(c, "INSERT INTO event (name) VALUES ('d')");
        assertEquals(List.of("XY"), strings(c, "SELECT code FROM event WHERE name = 'd'"), db);
        assertTrue(m.validate(c).isEmpty(), db + ": " + m.validate(c));

        m.migrateTo(c, 1); // both migrations reverse; the filled values stay (a reverse restores definitions, not data)
        assertEquals(List.of("a|XY", "b|keep", "c|XY", "d|XY"), strings(c, "SELECT name || '|' || coalesce(code, '') FROM event ORDER BY id"), db);
        assertTrue(new Migrator(m.migrations().subList(0, 1)).validate(c).isEmpty(), db);
        exec(c, "INSERT INTO event (name) VALUES ('e')");
        assertEquals(List.of("null"), strings(c, "SELECT coalesce(code, 'null') FROM event WHERE name = 'e'"), db + ": no default any more");
      }
    }
  }
}
