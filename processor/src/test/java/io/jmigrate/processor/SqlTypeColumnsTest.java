package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Migrator;
import io.jmigrate.testing.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Column(sqlType)}: a column of a type jmigrate does not model (a PostgreSQL domain, tsvector, an array of
 * smallints, interval, inet) is created with the type as written, validate compares it by name, and a change of type
 * to or from it is refused by the build; misuse is a compile error at the annotation.
 */
class SqlTypeColumnsTest {
  static final String MODEL = """
      package com.acme.model;

      import io.jmigrate.*;

      @Table
      public class Document {
        @Id long id;
        @Column(sqlType = "tsvector") String body;
        @Column(sqlType = "year", defaultSql = "2006") int releaseYear;
        @Column(sqlType = "smallint[]") Object ranks;
        @Column(sqlType = "interval") java.time.Duration waiting;
        @Column(sqlType = "inet", defaultValue = "127.0.0.1") String address;
        String title;
      }
      """;

  @TempDir static Path dir;
  static Project project;
  static Project.Result build;

  @BeforeAll
  static void compile() throws Exception {
    project = new Project(dir.resolve("project")).write("com/acme/model/Document.java", MODEL);
    build = project.build().assertOk();
  }

  @Test
  void theMigrationAndSnapshotKeepTheTypesAsWritten() throws Exception {
    String migration = String.join("\n", project.migrations("com.acme.migrations").values());
    assertTrue(migration.contains("column(\"body\", NATIVE).sqlType(\"tsvector\")"), migration);
    assertTrue(migration.contains("column(\"release_year\", NATIVE).sqlType(\"year\").notNull().defaultSql(\"2006\")"), migration);
    assertTrue(migration.contains("column(\"ranks\", NATIVE).sqlType(\"smallint[]\")"), migration);
    // a Duration's own mapping (DECIMAL(21,0)) does not apply to a field that names its type
    assertTrue(migration.contains("column(\"waiting\", NATIVE).sqlType(\"interval\"),"), migration);
    assertTrue(migration.contains("column(\"address\", NATIVE).sqlType(\"inet\").defaultValue(\"127.0.0.1\")"), migration);
    String snapshot = project.snapshotText();
    assertTrue(snapshot.contains("\"name\": \"body\", \"type\": \"NATIVE\", \"sqlType\": \"tsvector\""), snapshot);
    assertTrue(snapshot.contains("{\"name\": \"title\", \"type\": \"STRING\"}"), "other columns have no sqlType key:\n" + snapshot);
  }

  @Test
  void postgresGetsTheTypesAndValidateComparesThemByName() throws Exception {
    Migrator m = build.migrator();
    try (Connection c = Postgres.newDatabase(); Statement s = c.createStatement()) {
      // the domain is the database's (declared in META-INF/jmigrate/unmanaged by an adopted project)
      s.execute("CREATE DOMAIN year AS integer CHECK (VALUE >= 1901 AND VALUE <= 2155)");
      assertEquals(1, m.migrate(c).size());
      assertEquals("address=inet body=tsvector id=bigint ranks=smallint[] release_year=year title=text waiting=interval",
          types(c));
      assertEquals(List.of(), m.validate(c).differences());
      s.execute("INSERT INTO document (id, body, ranks, waiting, title) VALUES (1, to_tsvector('english', 'The cats sat'),"
          + " '{1,2}', interval '1 day 2 hours', 'x')");
      try (ResultSet rs = s.executeQuery("SELECT body::text, release_year, ranks[2], waiting::text, host(address) FROM document")) {
        rs.next();
        assertEquals("'cat':2 'sat':3", rs.getString(1));
        assertEquals(2006, rs.getInt(2));
        assertEquals(2, rs.getInt(3));
        assertEquals("1 day 02:00:00", rs.getString(4));
        assertEquals("127.0.0.1", rs.getString(5));
      }
      SQLException refused = assertThrows(SQLException.class,
          () -> s.execute("INSERT INTO document (id, release_year) VALUES (2, 1800)"));
      assertTrue(refused.getMessage().contains("year_check"), "the domain's check holds: " + refused.getMessage());

      s.execute("ALTER TABLE document ALTER COLUMN address TYPE text");
      s.execute("ALTER TABLE document ALTER COLUMN ranks TYPE int4[]");
      assertEquals(List.of(
          "column document.ranks has the type _int4 but the migrations make it smallint[]",
          "column document.address has the type text but the migrations make it inet"), m.validate(c).differences());
    }
  }

  @Test
  void aTypeChangeToOrFromIsABuildError() throws Exception {
    Project p = new Project(dir.resolve("change")).write("com/acme/model/Document.java", MODEL);
    p.build().assertOk();
    p.write("com/acme/model/Document.java", MODEL.replace("@Column(sqlType = \"tsvector\") String body;", "String body;")
        .replace("@Column(sqlType = \"inet\", defaultValue = \"127.0.0.1\") String address;",
            "@Column(sqlType = \"cidr\", defaultValue = \"127.0.0.1\") String address;")
        .replace("String title;", "@Column(sqlType = \"citext\") String title;"));
    Project.Result r = p.build();
    assertFalse(r.ok());
    String errors = String.join("\n", r.errors());
    assertTrue(errors.contains("cannot change the type of document.body from tsvector to STRING: jmigrate does not"
        + " convert to or from a type it does not model (@Column(sqlType))"), errors);
    assertTrue(errors.contains("cannot change the type of document.address from inet to cidr:"),
        errors);
    assertTrue(errors.contains("cannot change the type of document.title from STRING to citext:"), errors);
    assertEquals(1, p.migrations("com.acme.migrations").size(), "no migration is written");
  }

  @Test
  void misuseIsACompileErrorAtTheAnnotation() throws Exception {
    Project p = new Project(dir.resolve("misuse")).write("com/acme/model/Bad.java", """
        package com.acme.model;

        import io.jmigrate.*;

        @Table
        public class Bad {
          @Id long id;
          @Column(sqlType = "char", length = 10) String code;
          @Json @Column(sqlType = "jsonb") String doc;
          @Column(sqlType = "text; DROP TABLE bad") String sneaky;
          @Column(sqlType = "   ") String blank;
        }
        """).write("com/acme/model/Keyed.java", """
        package com.acme.model;

        import io.jmigrate.*;

        @Table
        public class Keyed {
          @Id(generated = true) @Column(sqlType = "int4") int id;
        }
        """);
    Project.Result r = p.build();
    assertFalse(r.ok());
    String errors = String.join("\n", r.errors());
    assertTrue(errors.contains("@Column(sqlType = \"char\") is the column's type as written: give its size inside it"
        + " (sqlType = \"char(10)\", \"numeric(5,2)\"), not as length"), errors);
    assertTrue(errors.contains("@Column(sqlType) names the column's type itself: it cannot be combined with @Json"), errors);
    assertTrue(errors.contains("@Column(sqlType = \"text; DROP TABLE bad\") must be one SQL type"), errors);
    assertTrue(errors.contains("@Column(sqlType = \"   \") must be one SQL type"), errors);
    assertTrue(errors.contains("@Id(generated = true) needs an int or long key, not the SQL type int4 (@Column(sqlType))"),
        errors);
    assertTrue(r.diagnostics().stream().anyMatch(d -> d.getLineNumber() == 8 && d.getMessage(null).contains("length")),
        "at the field's line");
  }

  /**
   * A reference to a key of a type jmigrate does not model: the referencing field names the same SQL type (the
   * migration creates both as written), or the build fails at the field, naming the type to give it.
   */
  @Test
  void aReferenceToASqlTypeKeyNamesTheSameType() throws Exception {
    String parent = """
        package com.acme.model;

        import io.jmigrate.*;

        @Table
        public class Parent {
          @Id @Column(sqlType = "int unsigned") long id;
        }
        """;
    Project bad = new Project(dir.resolve("ref-bad")).write("com/acme/model/Parent.java", parent)
        .write("com/acme/model/Child.java", """
        package com.acme.model;

        import io.jmigrate.*;

        @Table
        public class Child {
          @Id long id;
          @ForeignKey(Parent.class) long parentId;
        }
        """);
    Project.Result r = bad.build();
    assertFalse(r.ok());
    String errors = String.join("\n", r.errors());
    assertTrue(errors.contains("column child.parent_id is BIGINT but references parent.id, which is the SQL type int"
        + " unsigned; give the field the same: @Column(sqlType = \"int unsigned\")"), errors);
    assertTrue(r.diagnostics().stream().anyMatch(d -> d.getLineNumber() == 8 && d.getMessage(null).contains("parent_id")),
        "at the field's line: " + r.diagnostics());
    Project good = new Project(dir.resolve("ref-good")).write("com/acme/model/Parent.java", parent)
        .write("com/acme/model/Child.java", """
        package com.acme.model;

        import io.jmigrate.*;

        @Table
        public class Child {
          @Id long id;
          @ForeignKey(Parent.class) @Column(sqlType = "int unsigned") long parentId;
        }
        """);
    good.build().assertOk();
    String migration = String.join("\n", good.migrations("com.acme.migrations").values());
    assertTrue(migration.contains("column(\"parent_id\", NATIVE).sqlType(\"int unsigned\")"), migration);
  }

  /** name=type of each column of document, as PostgreSQL writes the type ({@code format_type}). */
  private static String types(Connection c) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT attname, format_type(atttypid, atttypmod)"
        + " FROM pg_attribute WHERE attrelid = 'document'::regclass AND attnum > 0 ORDER BY attname")) {
      while (rs.next()) {
        out.append(out.length() == 0 ? "" : " ").append(rs.getString(1)).append('=').append(rs.getString(2));
      }
    }
    return out.toString();
  }
}
