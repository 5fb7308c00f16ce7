package io.jmigrate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.jmigrate.processor.model.extract.HibernateLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code -Ajmigrate.naming=jpa} Hibernate writes table and sequence names unquoted, with their capitals:
 * MariaDB and MySQL keep them, PostgreSQL and H2 fold them. With MariaDB the only target, jmigrate keeps the capitals
 * (jpa-tests' CapitalNamesOnMariaDbTest compares the result with Hibernate's export); with MariaDB beside PostgreSQL
 * or H2 a name with capitals is an error; with no target dialects, one warning a build naming the option.
 */
class JpaCapitalNamesTest {
  @TempDir Path dir;

  private static final String ENTITIES = """
      package com.acme.model;

      import jakarta.persistence.*;
      import java.util.*;

      @Entity @Table(name = "PRODUCT") class Product {
        @Id @GeneratedValue Long id;
        @Column(name = "PRODUCT_NAME") String productName;
        @ManyToMany @JoinTable(name = "PRODUCT_CATEGORY") Set<Category> categories;
      }
      @Entity class Category {
        @Id @GeneratedValue(generator = "c") @SequenceGenerator(name = "c", sequenceName = "Category_Ids") Long id;
        @ElementCollection @CollectionTable(name = "CATEGORY_LABEL") Set<String> labels;
      }
      @Entity class Shipment {
        @Id @GeneratedValue(strategy = GenerationType.TABLE, generator = "sm")
        @TableGenerator(name = "sm", table = "SM_SEQUENCER") Long id;
        @ElementCollection Set<String> notes;
      }
      """;

  private Compilation compile(String source, String... options) {
    List<String> all = new ArrayList<>(List.of("-Ajmigrate.sourceDir=" + dir.resolve("src"),
        "-Ajmigrate.snapshot=" + dir.resolve("schema.json")));
    all.addAll(List.of(options));
    return javac().withProcessors(new MigrationProcessor()).withOptions(all)
        .compile(JavaFileObjects.forSourceString("com.acme.model.Product", source));
  }

  private static long line(String source, String text) {
    return List.of(source.split("\n")).indexOf(source.lines().filter(l -> l.contains(text)).findFirst().orElseThrow()) + 1;
  }

  @Test
  void mariaDbAloneKeepsHibernatesCapitals() throws Exception {
    Compilation c = compile(ENTITIES, "-Ajmigrate.naming=jpa", "-Ajmigrate.dialects=mariadb");
    assertThat(c).succeededWithoutWarnings();
    String snapshot = Files.readString(dir.resolve("schema.json"));
    for (String name : List.of("PRODUCT", "PRODUCT_CATEGORY", "Category", "Category_Ids", "CATEGORY_LABEL", "Shipment",
        "SM_SEQUENCER", "Shipment_notes", "PRODUCT_SEQ")) {
      assertTrue(snapshot.contains("\"" + name + "\""), name + " in\n" + snapshot);
    }
    // columns, indexes and constraints stay lower case: MariaDB compares them without case, as Hibernate's queries do
    assertTrue(snapshot.contains("\"product_name\""), snapshot);
    assertFalse(snapshot.contains("\"PRODUCT_NAME\""), snapshot);
  }

  @Test
  void snakeCaseStaysLowerCaseOnMariaDb() throws Exception {
    assertThat(compile(ENTITIES, "-Ajmigrate.dialects=mariadb")).succeededWithoutWarnings();
    String snapshot = Files.readString(dir.resolve("schema.json"));
    assertTrue(snapshot.contains("\"product\"") && snapshot.contains("\"sm_sequencer\"")
        && snapshot.contains("\"category_ids\""), snapshot);
    assertFalse(snapshot.contains("\"PRODUCT\""), snapshot);
  }

  @Test
  void mixedTargetsAreAnErrorAtEachNameWithCapitals() {
    Compilation c = compile(ENTITIES, "-Ajmigrate.naming=jpa", "-Ajmigrate.dialects=h2,mariadb");
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("Hibernate names this table PRODUCT, unquoted: MariaDB and MySQL keep its capitals"
        + " (table names are case-sensitive on Linux) while PostgreSQL and H2 fold it to product"
        + " (-Ajmigrate.dialects=h2,mariadb), so no one name serves both").inFile(c.sourceFiles().get(0))
        .onLine(line(ENTITIES, "PRODUCT\") class"));
    assertThat(c).hadErrorContaining("Hibernate names this sequence Category_Ids, unquoted").inFile(c.sourceFiles().get(0))
        .onLine(line(ENTITIES, "Category_Ids"));
    assertThat(c).hadErrorContaining("Give it a lower-case name (@SequenceGenerator(sequenceName = \"category_ids\")),"
        + " use -Ajmigrate.naming=snake_case, or build for MariaDB and MySQL alone (-Ajmigrate.dialects=mariadb)");
    assertThat(c).hadErrorContaining("Hibernate names this generator table SM_SEQUENCER, unquoted")
        .inFile(c.sourceFiles().get(0)).onLine(line(ENTITIES, "SM_SEQUENCER"));
    assertThat(c).hadErrorContaining("(@TableGenerator(table = \"sm_sequencer\"))");
    assertThat(c).hadErrorContaining("Hibernate names this table PRODUCT_CATEGORY").inFile(c.sourceFiles().get(0))
        .onLine(line(ENTITIES, "PRODUCT_CATEGORY"));
    assertThat(c).hadErrorContaining("Hibernate names this table CATEGORY_LABEL").inFile(c.sourceFiles().get(0))
        .onLine(line(ENTITIES, "CATEGORY_LABEL"));
  }

  @Test
  void withoutTargetDialectsOneWarningNamesTheOption() throws Exception {
    Compilation c = compile(ENTITIES, "-Ajmigrate.naming=jpa");
    assertThat(c).succeeded();
    List<String> warnings = c.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.WARNING)
        .map(d -> d.getLineNumber() + ": " + d.getMessage(null)).toList();
    // the entities in the order of their names: Category first
    assertEquals(List.of(line(ENTITIES, "@Entity class Category") + ": with -Ajmigrate.naming=jpa Hibernate names this"
        + " table Category, unquoted, and jmigrate creates category, as PostgreSQL and H2 fold it; on MariaDB and MySQL"
        + " Hibernate's name keeps its capitals (table names are case-sensitive on Linux) and does not find category."
        + " Name the target databases with -Ajmigrate.dialects (mariadb: jmigrate keeps Hibernate's capitals;"
        + " postgresql or h2: lower case, as now). Said once, for the first table or sequence name with capitals"),
        warnings);
    String snapshot = Files.readString(dir.resolve("schema.json"));
    assertTrue(snapshot.contains("\"product\"") && snapshot.contains("\"sm_sequencer\""), snapshot);
  }

  @Test
  void lowerCaseNamesNeedNoTargets() {
    String source = """
        package com.acme.model;

        import jakarta.persistence.*;

        @Entity @Table(name = "product") class Product {
          @Id @GeneratedValue(generator = "p") @SequenceGenerator(name = "p", sequenceName = "product_ids") Long id;
          String productName;
        }
        """;
    assertThat(compile(source, "-Ajmigrate.naming=jpa")).succeededWithoutWarnings();
    assertThat(compile(source, "-Ajmigrate.naming=jpa", "-Ajmigrate.dialects=postgresql,mariadb"))
        .succeededWithoutWarnings();
  }

  @Test
  void theNamingKeepsCapitalsForJpaWhenEveryTargetKeepsThem() {
    assertTrue(io.jmigrate.processor.model.extract.JpaNaming.JPA.keepsCapitals(List.of("mariadb")));
    assertFalse(io.jmigrate.processor.model.extract.JpaNaming.JPA.keepsCapitals(List.of("mariadb", "postgresql")));
    assertFalse(io.jmigrate.processor.model.extract.JpaNaming.JPA.keepsCapitals(List.of()));
    assertFalse(io.jmigrate.processor.model.extract.JpaNaming.SNAKE_CASE.keepsCapitals(List.of("mariadb")));
    HibernateLine v7 = HibernateLine.V7;
    assertEquals("Cargo_SEQ", io.jmigrate.processor.model.extract.JpaNaming.JPA.table("Cargo_SEQ", true, v7));
    assertEquals("Order", io.jmigrate.processor.model.extract.JpaNaming.JPA.table("`Order`", true, v7));
    assertEquals("cargo", io.jmigrate.processor.model.extract.JpaNaming.JPA.table("Cargo", false, v7));
    assertEquals("pet_type", io.jmigrate.processor.model.extract.JpaNaming.SNAKE_CASE.table("PetType", true, v7));
    // snake_case tables follow the Hibernate line's digit rule; jpa names with capitals kept are as written on both
    assertEquals("oauth2_client", io.jmigrate.processor.model.extract.JpaNaming.SNAKE_CASE.table("OAuth2Client", true, v7));
    assertEquals("oauth2client",
        io.jmigrate.processor.model.extract.JpaNaming.SNAKE_CASE.table("OAuth2Client", true, HibernateLine.V6_6));
    assertEquals("OAuth2Client",
        io.jmigrate.processor.model.extract.JpaNaming.JPA.table("OAuth2Client", true, HibernateLine.V6_6));
  }

  /**
   * A project that built without target dialects (lower case) and then names {@code mariadb}: its sequence with
   * capitals is renamed, keeping its next value, not dropped and created again.
   */
  @Test
  void namingMariaDbLaterRenamesTheLowerCaseSequence() throws Exception {
    String source = """
        package com.acme.model;

        import jakarta.persistence.*;

        @Entity @Table(name = "product") class Product {
          @Id @GeneratedValue(generator = "p") @SequenceGenerator(name = "p", sequenceName = "Product_Ids") Long id;
        }
        """;
    assertThat(compile(source, "-Ajmigrate.naming=jpa")).succeeded();
    assertTrue(Files.readString(dir.resolve("schema.json")).contains("\"product_ids\""));
    Compilation c = compile(source, "-Ajmigrate.naming=jpa", "-Ajmigrate.dialects=mariadb");
    assertThat(c).succeededWithoutWarnings();
    String migration;
    try (var files = Files.walk(dir.resolve("src"))) {
      migration = Files.readString(files.filter(f -> f.getFileName().toString().startsWith("V0002")).findFirst()
          .orElseThrow());
    }
    assertTrue(migration.contains("renameSequence(\"product_ids\", \"Product_Ids\")"), migration);
    assertFalse(migration.contains("dropSequence"), migration);
  }

  /** …and an entity whose table changes case asks for @RenamedFrom, then is renamed with its implicit sequence. */
  @Test
  void namingMariaDbLaterRenamesATableWithRenamedFrom() throws Exception {
    String source = """
        package com.acme.model;

        import jakarta.persistence.*;

        @Entity class Cargo {
          @Id @GeneratedValue Long id;
        }
        """;
    assertThat(compile(source, "-Ajmigrate.naming=jpa")).succeeded();
    Compilation refused = compile(source, "-Ajmigrate.naming=jpa", "-Ajmigrate.dialects=mariadb");
    assertThat(refused).failed();
    assertThat(refused).hadErrorContaining("@RenamedFrom(\"cargo\")");
    Compilation c = compile(source.replace("@Entity class", "@Entity @io.jmigrate.RenamedFrom(\"cargo\") class"),
        "-Ajmigrate.naming=jpa", "-Ajmigrate.dialects=mariadb");
    assertThat(c).succeeded(); // with the online check's warning about renaming a table under running code
    String migration;
    try (var files = Files.walk(dir.resolve("src"))) {
      migration = Files.readString(files.filter(f -> f.getFileName().toString().startsWith("V0002")).findFirst()
          .orElseThrow());
    }
    assertTrue(migration.contains("renameTable(\"cargo\", \"Cargo\")")
        && migration.contains("renameSequence(\"cargo_seq\", \"Cargo_SEQ\")"), migration);
    assertFalse(migration.contains("drop"), migration);
  }
}
