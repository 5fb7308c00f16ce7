package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Migrator;
import io.jmigrate.testing.H2;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hibernate's {@code @GeneratedColumn} on an entity's basic attribute: a generated column, stored (as Hibernate
 * 6.6 and 7 export it on PostgreSQL and MariaDB: {@code generated always as (…) stored}; H2 without a storage word),
 * with the NOT NULL Hibernate writes for the target databases; what jmigrate cannot map is an error at the
 * annotation's line. (jpa-tests compares the schema with Hibernate's own export.)
 */
class JpaGeneratedColumnsTest {
  @TempDir Path dir;

  private static final String HEADER = "package com.acme.model;\nimport jakarta.persistence.*;\n"
      + "import org.hibernate.annotations.GeneratedColumn;\n";

  private static String line(String body) {
    return HEADER + "@Entity public class Line {\n  @Id private Long id;\n  private int price;\n  private int quantity;\n"
        + body + "\n}";
  }

  @Test
  void aGeneratedColumnIsStoredComputedAndValidated() throws Exception {
    Project p = new Project(dir).write("com/acme/model/Line.java",
        line("  @GeneratedColumn(\"price * quantity\") private Integer total;"));
    Project.Result r = p.build().assertOk();
    assertEquals(List.of(), r.warnings().stream().filter(w -> w.contains("GeneratedColumn")).toList(),
        "@GeneratedColumn is read, not warned about");
    String v1 = p.migrations("com.acme.migrations").lastEntry().getValue();
    assertTrue(v1.contains("column(\"total\", INTEGER).generatedAs(\"price * quantity\", true)"), v1);
    assertTrue(p.snapshotText().contains("\"generatedAs\": \"price * quantity\""), p.snapshotText());
    try (Connection c = H2.mem()) {
      Migrator m = r.migrator();
      m.migrate(c);
      assertEquals(List.of(), m.validate(c).differences());
      Db.exec(c, "INSERT INTO line (id, price, quantity) VALUES (1, 3, 4)");
      assertEquals("[[12]]", Db.rows(c, "SELECT total FROM line").toString());
    }
    // The same model: no new migration.
    p.build().assertOk();
    assertEquals(1, p.migrations("com.acme.migrations").size());
  }

  /**
   * A NOT NULL attribute (a primitive): Hibernate 7 writes the NOT NULL after a generated column on H2 only, 6.6
   * on every database; with targets that need both, an error at the annotation.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "7   | ''                   | nullable",
      "7   | postgresql,mariadb   | nullable",
      "7   | h2                   | notNull",
      "6.6 | ''                   | notNull",
      "6.6 | postgresql,h2        | notNull",
      "7   | h2,postgresql        | error"})
  void notNullFollowsHibernateOnTheTargets(String hibernate, String dialects, String expected) throws Exception {
    Project p = new Project(dir).write("com/acme/model/Line.java",
        line("  @GeneratedColumn(\"price * quantity\") // <-\n  private int total;"));
    Project.Result r = p.build("-Ajmigrate.hibernate=" + hibernate,
        dialects.isEmpty() ? "-Ajmigrate.naming=snake_case" : "-Ajmigrate.dialects=" + dialects);
    if (expected.equals("error")) {
      assertFalse(r.ok());
      Diagnostic<?> d = r.diagnostics().stream().filter(x -> x.getKind() == Diagnostic.Kind.ERROR).findFirst().orElseThrow();
      assertEquals("total is a NOT NULL generated column: Hibernate 7 writes its NOT NULL on H2 but not on postgresql"
          + " (-Ajmigrate.dialects=h2,postgresql), so no one schema is Hibernate's on all of them. Let it hold NULL (a"
          + " wrapper type such as Integer, no nullable = false), or target fewer databases", d.getMessage(Locale.ROOT));
      assertEquals(8, d.getLineNumber(), "at the annotation");
      return;
    }
    r.assertOk();
    String v1 = p.migrations("com.acme.migrations").lastEntry().getValue();
    String column = "column(\"total\", INTEGER)" + (expected.equals("notNull") ? ".notNull()" : "")
        + ".generatedAs(\"price * quantity\", true)";
    assertTrue(v1.contains(column), column + " in " + v1);
  }

  static java.util.stream.Stream<Arguments> unmappable() {
    return java.util.stream.Stream.of(
        Arguments.of("on the key", "@Id @GeneratedColumn(\"1\") // <-\n  private Long code;", "jmigrate maps Hibernate's"
            + " @GeneratedColumn on a basic attribute that is neither part of the key nor a @Version (code)"),
        Arguments.of("on a version", "@Version @GeneratedColumn(\"1\") // <-\n  private Long version;",
            "neither part of the key nor a @Version (version)"),
        Arguments.of("on an association", "@ManyToOne @GeneratedColumn(\"1\") // <-\n  private Line parent;",
            "jmigrate maps Hibernate's @GeneratedColumn on a basic attribute, not on an association, an embedded"
                + " attribute or an element collection (parent)"),
        Arguments.of("with a default",
            "@org.hibernate.annotations.ColumnDefault(\"0\") @GeneratedColumn(\"1\") // <-\n  private Long one;",
            "is generated (generatedAs): the database computes every value, so it can be neither an @Id nor have a default"),
        Arguments.of("without an expression", "@GeneratedColumn(\" \") // <-\n  private Long blank;",
            "@GeneratedColumn on blank has no expression"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unmappable")
  void whatJmigrateCannotMapIsAnErrorAtTheAnnotation(String name, String body, String message) throws Exception {
    String source = body.startsWith("@Id")
        ? HEADER + "@Entity public class Line {\n  " + body + "\n}"
        : line("  " + body);
    Project p = new Project(dir).write("com/acme/model/Line.java", source);
    Project.Result r = p.build();
    assertFalse(r.ok(), name);
    List<Diagnostic<?>> errors = new java.util.ArrayList<>();
    r.diagnostics().stream().filter(x -> x.getKind() == Diagnostic.Kind.ERROR).forEach(errors::add);
    assertTrue(errors.stream().anyMatch(e -> e.getMessage(Locale.ROOT).contains(message)), errors.toString());
    long marked = List.of(source.split("\n")).indexOf(source.lines().filter(l -> l.contains("// <-")).findFirst()
        .orElseThrow()) + 1;
    assertTrue(errors.stream().anyMatch(e -> e.getMessage(Locale.ROOT).contains(message) && e.getLineNumber() == marked),
        "at line " + marked + ": " + errors.stream().map(e -> e.getLineNumber() + " " + e.getMessage(Locale.ROOT)).toList());
  }
}
