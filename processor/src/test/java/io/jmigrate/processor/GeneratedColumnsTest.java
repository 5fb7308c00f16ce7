package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Migrator;
import io.jmigrate.testing.H2;
import io.jmigrate.testing.MariaDb;
import io.jmigrate.testing.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated (computed) columns as a model attribute: {@code @Column(generatedAs, stored)} makes them, the
 * database computes their values, validate finds them as the migrations make them (no unmanaged line), a
 * changed expression drops and adds the column again with the other rows' values kept, and storage changed
 * by hand is drift.
 */
class GeneratedColumnsTest {
  @TempDir Path dir;

  private static String model(String expression, boolean virtual) {
    return "package com.acme.model;\nimport io.jmigrate.*;\n@Table public class Member {\n  @Id long id;\n"
        + "  @Column(length = 40, nullable = false) String name;\n"
        + "  @Column(length = 40, generatedAs = \"" + expression + "\") String shout;\n"
        + (virtual ? "  @Column(generatedAs = \"id * 2\", stored = false) Long twice;\n" : "") + "}";
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "h2", "mariadb"})
  void generatedColumnsAreMadeChangedAndValidated(String database) throws Exception {
    boolean virtual = !database.equals("postgresql"); // PostgreSQL has stored generated columns only
    Project p = new Project(dir.resolve("project")).write("com/acme/model/Member.java", model("upper(name)", virtual));
    Project.Result first = p.build().assertOk();
    String v1 = p.migrations("com.acme.migrations").lastEntry().getValue();
    assertTrue(v1.contains("column(\"shout\", STRING).length(40).generatedAs(\"upper(name)\", true)"), v1);
    assertTrue(p.snapshotText().contains("\"generatedAs\""), p.snapshotText());
    try (Connection c = connect(database)) {
      Migrator m1 = first.migrator();
      assertEquals(1, m1.migrate(c).size());
      assertEquals(List.of(), m1.validate(c).differences());
      Db.exec(c, "INSERT INTO member (id, name) VALUES (1, 'Ann')");
      assertEquals(List.of(List.of("Ann", "ANN")), Db.rows(c, "SELECT name, shout FROM member"));
      if (virtual) {
        assertEquals("[[2]]", Db.rows(c, "SELECT twice FROM member").toString());
      }

      // A changed expression: the column is dropped and added again, its values recomputed, the rows kept.
      p.write("com/acme/model/Member.java", model("lower(name)", virtual));
      Project.Result second = p.build().assertOk();
      String v2 = p.migrations("com.acme.migrations").lastEntry().getValue();
      assertTrue(v2.contains("alterColumn(\"member\", column(\"shout\", STRING).length(40).generatedAs(\"lower(name)\", true))"), v2);
      Migrator m2 = second.migrator();
      assertEquals(1, m2.migrate(c).size());
      assertEquals(List.of(), m2.validate(c).differences());
      assertEquals(List.of(List.of("Ann", "ann")), Db.rows(c, "SELECT name, shout FROM member"));

      // Changed by hand: drift, named (the expression itself is not compared: databases rewrite it).
      if (database.equals("mariadb")) {
        Db.exec(c, "ALTER TABLE member DROP COLUMN twice, ADD COLUMN twice BIGINT AS (id * 2) STORED");
        assertEquals(List.of("column member.twice is generated STORED (bigint(20) AS (`id` * 2) STORED) but the"
            + " migrations make it VIRTUAL"), m2.validate(c).differences());
      } else if (database.equals("postgresql")) {
        Db.exec(c, "ALTER TABLE member ALTER COLUMN shout DROP EXPRESSION");
        assertEquals(List.of("column member.shout is not generated but the migrations make it GENERATED ALWAYS AS"
            + " (lower(name)) STORED"), m2.validate(c).differences());
      }
    }
  }

  /** Added to a table with rows: SQLite cannot ADD a stored generated column and rebuilds; every row gets its value. */
  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "h2", "mariadb"})
  void aGeneratedColumnIsAddedToRows(String database) throws Exception {
    String plain = "package com.acme.model;\nimport io.jmigrate.*;\n@Table public class Member {\n  @Id long id;\n"
        + "  @Column(length = 40, nullable = false) String name;\n}";
    Project p = new Project(dir.resolve("project")).write("com/acme/model/Member.java", plain);
    Project.Result first = p.build().assertOk();
    try (Connection c = connect(database)) {
      first.migrator().migrate(c);
      Db.exec(c, "INSERT INTO member (id, name) VALUES (1, 'Ann')");
      Db.exec(c, "INSERT INTO member (id, name) VALUES (2, 'Bob')");
      p.write("com/acme/model/Member.java", model("upper(name)", false));
      Project.Result second = p.build().assertOk();
      String v2 = p.migrations("com.acme.migrations").lastEntry().getValue();
      assertTrue(v2.contains("addColumn(\"member\", column(\"shout\", STRING).length(40).generatedAs(\"upper(name)\", true))"), v2);
      Migrator m2 = second.migrator();
      assertEquals(1, m2.migrate(c).size());
      assertEquals(List.of(), m2.validate(c).differences());
      assertEquals("[[Ann, ANN], [Bob, BOB]]", Db.rows(c, "SELECT name, shout FROM member ORDER BY id").toString());
    }
  }

  @org.junit.jupiter.api.Test
  void anOrdinaryColumnMadeGeneratedWarnsAndTheReverseIsRefused() throws Exception {
    String plain = "package com.acme.model;\nimport io.jmigrate.*;\n@Table public class Member {\n  @Id long id;\n"
        + "  @Column(length = 40, nullable = false) String name;\n  @Column(length = 40) String shout;\n}";
    Project p = new Project(dir.resolve("project")).write("com/acme/model/Member.java", plain);
    p.build().assertOk();
    p.write("com/acme/model/Member.java", model("upper(name)", false));
    Project.Result made = p.build().assertOk();
    assertTrue(made.warnings().stream().anyMatch(w -> w.contains("member.shout becomes generated: it is dropped and"
        + " added again, and the values written to it are replaced")), made.warnings().toString());
    p.write("com/acme/model/Member.java", plain);
    List<String> errors = p.build().errors();
    assertTrue(errors.stream().anyMatch(e -> e.contains("the generated column member.shout cannot become an ordinary"
        + " column in place")), errors.toString());
  }

  @org.junit.jupiter.api.Test
  void aVirtualColumnIsABuildErrorWhenPostgresqlIsATarget() throws Exception {
    Project p = new Project(dir.resolve("project")).write("com/acme/model/Member.java", model("upper(name)", true));
    List<String> errors = p.build("-Ajmigrate.dialects=postgresql,mariadb").errors();
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).contains("Member.twice is a virtual generated column (stored = false), which PostgreSQL"
        + " does not have"), errors.toString());
    p.build("-Ajmigrate.dialects=mariadb,sqlite").assertOk();
  }

  @org.junit.jupiter.api.Test
  void aGeneratedColumnHasNoDefault() throws Exception {
    Project p = new Project(dir.resolve("project")).write("com/acme/model/Member.java", model("upper(name)", false)
        .replace("generatedAs = \"upper(name)\"", "generatedAs = \"upper(name)\", defaultValue = \"x\""));
    List<String> errors = p.build().errors();
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).contains("Member.shout is generated (generatedAs)"), errors.toString());
  }

  private Connection connect(String database) throws Exception {
    return switch (database) {
      case "sqlite" -> Db.sqlite(dir.resolve("generated.db"));
      case "postgresql" -> Postgres.newDatabase();
      case "h2" -> H2.file(dir, "generated");
      default -> MariaDb.newDatabase();
    };
  }
}
