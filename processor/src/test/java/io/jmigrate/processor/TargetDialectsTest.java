package io.jmigrate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.jmigrate.testing.Sql.exec;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.jmigrate.engine.Migrator;
import io.jmigrate.testing.H2;
import io.jmigrate.testing.Postgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code -Ajmigrate.dialects=…}: a model that asks for something a target dialect cannot do is a
 * javac error at the field or annotation value (the line marked {@code // <-}); {@code @DefaultSql}
 * gives an expression default per dialect, and each database gets its own.
 */
class TargetDialectsTest {
  @TempDir Path dir;

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of("a dialect's expression as the common default", "postgresql,sqlite", """
            @Table class Thing {
              @Id long id;
              @Column(defaultSql = "now()") // <-
              java.time.LocalDateTime created;
            }""", "defaultSql \"now()\" would be used as written on postgresql and sqlite"),
        Arguments.of("variants without one for a target", "postgresql,sqlite,mariadb", """
            @Table class Thing {
              @Id long id;
              @DefaultSql(dialect = "sqlite", value = "CURRENT_TIMESTAMP") // <-
              @DefaultSql(dialect = "postgresql", value = "now()")
              java.time.LocalDateTime created;
            }""", "has an SQL default for postgresql, sqlite but none for the target dialect mariadb"),
        Arguments.of("common default serving two targets without variants", "h2,mariadb,postgresql", """
            @Table class Thing {
              @Id long id;
              @Column(defaultSql = "gen_random_uuid()") // <-
              @DefaultSql(dialect = "h2", value = "RANDOM_UUID()")
              java.util.UUID token;
            }""", "would be used as written on mariadb and postgresql"),
        Arguments.of("an unknown dialect in @DefaultSql", "", """
            @Table class Thing {
              @Id long id;
              @DefaultSql(dialect = "oracle", value = "SYSDATE") // <-
              java.time.LocalDateTime created;
            }""", "@DefaultSql names the dialect \"oracle\"; the dialects are h2, mariadb, postgresql, sqlite"),
        Arguments.of("two variants for one dialect", "", """
            @Table class Thing {
              @Id long id;
              @DefaultSql(dialect = "sqlite", value = "1")
              @DefaultSql(dialect = "sqlite", value = "2") // <-
              Integer n;
            }""", "two @DefaultSql on Thing.n name the dialect \"sqlite\""),
        Arguments.of("a variant beside a literal default", "", """
            @Table class Thing {
              @Id long id;
              @Column(defaultValue = "1")
              @DefaultSql(dialect = "sqlite", value = "2") // <-
              Integer n;
            }""", "give either defaultValue or @DefaultSql, not both"),
        Arguments.of("SQLite: an array", "postgresql,sqlite", """
            @Table class Thing {
              @Id long id;
              String[] tags; // <-
            }""", "Thing.tags is an array (java.lang.String[]), which SQLite does not have (sqlite is a target dialect"),
        Arguments.of("MariaDB: a CHAR longer than 255", "mariadb", """
            @Table class Thing {
              @Id long id;
              @Column(length = 300, fixed = true) String code; // <-
            }""", "length 300 is more than MariaDB and MySQL allow for a fixed-length CHAR (255"),
        Arguments.of("MariaDB: JSON in an index", "mariadb", """
            @Table @Index(columns = "doc") class Thing { // <-
              @Id long id;
              @Json String doc;
            }""", "is JSON (a LONGTEXT on MariaDB and MySQL), which cannot be in an index there"),
        Arguments.of("MariaDB: byte[] in an index", "mariadb", """
            @Table
            @Index(columns = "digest") // <-
            class Thing {
              @Id long id;
              byte[] digest;
            }""", "Thing.digest is a byte[] (LONGBLOB on MariaDB and MySQL), which cannot be in an index there"),
        Arguments.of("MariaDB: a long string as the key", "mariadb,sqlite", """
            @Table class Thing {
              @Id
              @Column(length = 1000) // <-
              String code;
            }""", "MariaDB and MySQL index at most 768 utf8mb4 characters"),
        Arguments.of("MariaDB: a composite key wider than 3072 bytes", "mariadb", """
            @Table class Thing { // <-
              @Id @Column(length = 767) String code;
              @Id long version;
            }""", "the primary key of thing (code, version) is 3076 bytes wide on MariaDB and MySQL (code 3068, "
            + "version 8; a utf8mb4 character is 4 bytes), more than InnoDB's 3072 bytes for a key (mariadb is a "
            + "target dialect: -Ajmigrate.dialects=mariadb), so the first migrate would fail there. Give Thing.code "
            + "at most 766 characters"),
        Arguments.of("MariaDB: an index wider than 3072 bytes", "mariadb", """
            @Table
            @Index(columns = {"first", "last"}) // <-
            class Thing {
              @Id long id;
              @Column(length = 400) String first;
              @Column(length = 400) String last;
            }""", "the index of thing (first, last) is 3200 bytes wide on MariaDB and MySQL"),
        Arguments.of("MariaDB: a VARCHAR longer than a row", "mariadb", """
            @Table class Thing {
              @Id long id;
              @Column(length = 20000) // <-
              String text;
            }""", "length 20000 is more than MariaDB and MySQL can hold in a VARCHAR"),
        Arguments.of("MariaDB: an emoji in a TEXT column's default", "mariadb", """
            @Table class Thing {
              @Id long id;
              @Column(defaultValue = "\uD83D\uDE00") // <-
              String mood;
            }""", "MariaDB and MySQL keep the default of a TEXT column in 3-byte UTF-8"),
        Arguments.of("SQLite: two columns that differ only in case", "postgresql,sqlite", """
            @Table class Thing {
              @Id long id;
              @Column(name = "Name") String label;
              @Column(name = "name") // <-
              String title;
            }""", "the column of Thing.title \"name\" differs from \"Name\" only in case, and SQLite compares names without case"),
        Arguments.of("MariaDB: two tables that differ only in case", "mariadb", """
            @Table(name = "Other") // <-
            class Thing { @Id long id; }
            @Table class Other { @Id long id; }""", "the table name of com.acme.model.Thing \"Other\" differs from \"other\" only in case"),
        Arguments.of("H2: a column collation", "postgresql,h2", """
            @Table class Thing {
              @Id long id;
              @Column(collation = "C") // <-
              String code;
            }""", "Thing.code has the collation C, and H2 has no collation per column (h2 is a target dialect"),
        Arguments.of("SQLite: a collation it does not have", "sqlite", """
            @Table class Thing {
              @Id long id;
              @Column(collation = "en-x-icu") // <-
              String name;
            }""", "the collation en-x-icu of Thing.name is not one of SQLite's (BINARY, NOCASE, RTRIM"),
        Arguments.of("Any target: a collation on a number", "postgresql", """
            @Table class Thing {
              @Id long id;
              @Column(collation = "C") // <-
              int rank;
            }""", "Thing.rank has a collation but is INTEGER: a collation orders text"),
        Arguments.of("Any target: a collation that is no name", "mariadb", """
            @Table class Thing {
              @Id long id;
              @Column(collation = "utf8mb4_bin NOT NULL") // <-
              String name;
            }""", "\"utf8mb4_bin NOT NULL\" is not a collation name"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void isAnErrorAtTheElement(String name, String dialects, String body, String message) {
    String source = "package com.acme.model;\n\nimport io.jmigrate.*;\n\n" + body + "\n";
    JavaFileObject file = JavaFileObjects.forSourceString("com.acme.model.Thing", source);
    Compilation c = compile(dialects, file);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining(message).inFile(file).onLine(markedLine(source));
  }

  @Test
  void withoutTargetsNamedOrWithOnlyPortableSqlTheSameModelsCompile() {
    String source = """
        package com.acme.model;
        import io.jmigrate.*;
        @Table class Thing {
          @Id long id;
          @Column(defaultSql = "now()") java.time.LocalDateTime created;
          @Column(defaultSql = "CURRENT_TIMESTAMP") java.time.LocalDateTime seen;
          @Column(length = 20000) String text;
        }
        """;
    assertThat(compile("", JavaFileObjects.forSourceString("com.acme.model.Thing", source))).succeeded();
    assertThat(compile("postgresql", JavaFileObjects.forSourceString("com.acme.model.Thing", source))).succeeded();
  }

  /** Names that differ only in case are one name on SQLite and MariaDB, but two on PostgreSQL and H2. */
  @Test
  void namesThatDifferOnlyInCaseCompileForDialectsThatKeepCase() {
    String cased = "package com.acme.model;\nimport io.jmigrate.*;\n@Table class Thing { @Id long id;"
        + " @Column(name = \"Name\") String a; @Column(name = \"name\") String b; }\n@Table(name = \"Thing\") class Other { @Id long id; }\n";
    assertThat(compile("postgresql,h2", JavaFileObjects.forSourceString("com.acme.model.Thing", cased))).succeeded();
  }

  @Test
  void aCompositeKeyAtInnoDbsLimitCompilesForMariaDb() {
    // At InnoDB's limit exactly (766 characters + 8 bytes = 3072, measured on MariaDB 10.11): it compiles.
    String atTheLimit = """
        package com.acme.model;
        import io.jmigrate.*;
        @Table class Other {
          @Id @Column(length = 766) String code;
          @Id long version;
        }
        """;
    assertThat(compile("mariadb", JavaFileObjects.forSourceString("com.acme.model.Other", atTheLimit))).succeeded();
  }

  /**
   * A key of several strings wider than InnoDB's 3072 bytes, where no one column can take the whole cut: the error
   * gives each string column one length (the longest with which the key fits), the models with that length compile,
   * and one character more does not.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"4, 0, 192", "5, 0, 153", "6, 0, 128", "4, 2, 174"})
  void aKeyOfSeveralStringsTooWideForMariaDbGetsALengthForEach(int strings, int uuids, int fits) {
    Compilation wide = compile("mariadb", keyOf(strings, uuids, 255));
    assertThat(wide).failed();
    String message = wide.errors().get(0).getMessage(null);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("Give (.*) at most (\\d+) characters").matcher(message);
    assertTrue(m.find(), message);
    for (int i = 0; i < strings; i++) {
      assertTrue(m.group(1).contains("Thing.k" + i), message);
    }
    assertEquals(fits, Integer.parseInt(m.group(2)), message);
    assertThat(compile("mariadb", keyOf(strings, uuids, fits))).succeeded();
    assertThat(compile("mariadb", keyOf(strings, uuids, fits + 1))).hadErrorContaining("more than InnoDB's 3072 bytes");
  }

  /** One string column of a too-wide key can take the cut: the error names that column alone. */
  @Test
  void aKeyWithOneLongStringTooWideForMariaDbShortensThatOne() {
    String source = """
        package com.acme.model;
        import io.jmigrate.*;
        @Table class Thing {
          @Id @Column(length = 760) String code;
          @Id @Column(length = 20) String kind;
        }
        """;
    assertThat(compile("mariadb", JavaFileObjects.forSourceString("com.acme.model.Thing", source)))
        .hadErrorContaining("Give Thing.code at most 748 characters, or key the table by fewer columns.");
  }

  private static JavaFileObject keyOf(int strings, int uuids, int length) {
    StringBuilder s = new StringBuilder("package com.acme.model;\nimport io.jmigrate.*;\n@Table class Thing {\n");
    for (int i = 0; i < uuids; i++) {
      s.append("  @Id java.util.UUID u").append(i).append(";\n");
    }
    for (int i = 0; i < strings; i++) {
      s.append("  @Id @Column(length = ").append(length).append(") String k").append(i).append(";\n");
    }
    return JavaFileObjects.forSourceString("com.acme.model.Thing", s.append("}\n").toString());
  }

  @Test
  void anUnknownTargetDialectIsAnError() {
    String source = "package com.acme.model;\nimport io.jmigrate.*;\n@Table class Thing { @Id long id; }\n";
    Compilation c = compile("postgresql,oracle", JavaFileObjects.forSourceString("com.acme.model.Thing", source));
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("-Ajmigrate.dialects names the unknown dialect oracle; the dialects are h2, mariadb, postgresql, sqlite");
  }

  static final String EVENT = """
      package com.acme.model;
      import io.jmigrate.*;
      @Table public class Event {
        @Id(generated = true) long id;
        String name;
        @Column(nullable = false, defaultSql = "'common'")
        @DefaultSql(dialect = "postgresql", value = "'pg' || 'sql'")
        @DefaultSql(dialect = "h2", value = "CONCAT('h', '2')")
        String origin;
      }
      """;

  static final String STEP = """
              addColumn("event", column("note", STRING)),
              sql(java.util.Map.of(
                  "sqlite", "INSERT INTO \\"event\\" (\\"name\\") VALUES ('sqlite-step')",
                  "postgresql", "INSERT INTO \\"event\\" (\\"name\\") VALUES ('postgresql-step')",
                  "h2", "INSERT INTO \\"event\\" (\\"name\\") VALUES ('h2-step')"))""";

  @Test
  void eachDatabaseTakesItsOwnDefaultAndStep() throws Exception {
    Project p = new Project(dir).write("com/acme/model/Event.java", EVENT);
    String[] targets = {"-Ajmigrate.dialects=postgresql,sqlite,h2"};
    p.build(targets).assertOk();
    String generated = p.migrations("com.acme.migrations").get("V0001_CreateEvent.java");
    assertTrue(generated != null && generated.contains(".defaultSql(\"'common'\").defaultSql(\"h2\", \"CONCAT('h', '2')\")"
        + ".defaultSql(\"postgresql\", \"'pg' || 'sql'\")"), String.valueOf(generated));
    String snapshot = Files.readString(p.snapshot);
    assertTrue(snapshot.contains("\"defaultSqlByDialect\": {\"h2\": \"CONCAT('h', '2')\", \"postgresql\": \"'pg' || 'sql'\"}"), snapshot);
    // A hand-written step per dialect, added to the next generated migration.
    p.write("com/acme/model/Event.java", EVENT.replace("String name;", "String name;\n  String note;")).build(targets).assertOk();
    p.write("com/acme/migrations/V0002_AddEventNote.java", HandWrittenStepsClaimsTest.editUp(
        p.migrations("com.acme.migrations").get("V0002_AddEventNote.java"), "addColumn(\"event\", column(\"note\", STRING))", STEP));
    Migrator m = p.build(targets).assertOk().migrator();
    assertEquals(generated, p.migrations("com.acme.migrations").get("V0001_CreateEvent.java"), "later builds leave it alone");
    try (Connection sqlite = Db.sqlite(dir.resolve("e.db")); Connection pg = Postgres.newDatabase();
        Connection h2 = H2.file(dir, "e")) {
      for (var e : List.of(List.of(sqlite, "common", "sqlite"), List.of(pg, "pgsql", "postgresql"), List.of(h2, "h2", "h2"))) {
        Connection c = (Connection) e.get(0);
        m.migrate(c);
        exec(c, "INSERT INTO \"event\" (\"name\") VALUES ('row')");
        assertEquals(List.of(e.get(2) + "-step|" + e.get(1), "row|" + e.get(1)),
            strings(c, "SELECT \"name\" || '|' || \"origin\" FROM \"event\" ORDER BY \"id\""), e.get(2).toString());
        assertTrue(m.validate(c).isEmpty(), e.get(2) + ": " + m.validate(c));
      }
    }
  }

  private Compilation compile(String dialects, JavaFileObject... files) {
    List<String> options = new ArrayList<>(List.of(
        "-Ajmigrate.sourceDir=" + dir.resolve("src"),
        "-Ajmigrate.snapshot=" + dir.resolve("schema.json")));
    if (!dialects.isEmpty()) {
      options.add("-Ajmigrate.dialects=" + dialects);
    }
    return javac().withProcessors(new MigrationProcessor()).withOptions(options).compile(files);
  }

  private static long markedLine(String source) {
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("// <-")) {
        return i + 1;
      }
    }
    throw new AssertionError("no // <- marker");
  }
}
