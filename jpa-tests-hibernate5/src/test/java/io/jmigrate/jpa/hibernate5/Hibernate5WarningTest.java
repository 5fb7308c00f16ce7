package io.jmigrate.jpa.hibernate5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.hibernate.Version;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.tool.hbm2ddl.SchemaExport;
import org.hibernate.tool.schema.TargetType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate 5 (5.6, javax.persistence) on the class path: the build reads the entities as Hibernate 6.6 maps them and
 * says so in one warning (however many entities), naming the version found. Every difference the warning names is
 * checked here on both sides: in Hibernate 5.6's own schema export of the same compiled classes (its
 * {@code SchemaExport} script for PostgreSQL, H2 and MariaDB) and in the migration jmigrate wrote.
 */
class Hibernate5WarningTest {
  @TempDir static Path dir;

  private static final String OWNER = """
      package shop;

      import java.math.BigDecimal;
      import java.time.Duration;
      import java.time.Instant;
      import java.time.OffsetDateTime;
      import java.util.UUID;
      import javax.persistence.*;

      @Entity
      public class Owner {
        @Id @GeneratedValue Long id;
        Status ordinal;
        @Enumerated(EnumType.STRING) Status named;
        BigDecimal amount;
        Duration waiting;
        Instant seen;
        OffsetDateTime changed;
        UUID token;
      }
      """;

  private static final String PET = """
      package shop;

      import javax.persistence.*;

      @Entity
      public class Pet {
        @Id @GeneratedValue Long id;
        @ManyToOne Owner owner;
      }
      """;

  private static final String STATUS = "package shop;\n\npublic enum Status { NEW, PAID, SENT }\n";

  private static Path classes;
  private static Path migrations;
  private static List<String> warnings;

  @BeforeAll
  static void build() throws IOException {
    Path src = Files.createDirectories(dir.resolve("src/shop"));
    Files.writeString(src.resolve("Owner.java"), OWNER);
    Files.writeString(src.resolve("Pet.java"), PET);
    Files.writeString(src.resolve("Status.java"), STATUS);
    classes = Files.createDirectories(dir.resolve("classes"));
    migrations = dir.resolve("src/shop/migrations");
    DiagnosticCollector<JavaFileObject> diagnostics = compile("-Ajmigrate.dialects=postgresql");
    warnings = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.WARNING)
        .map(d -> d.getMessage(Locale.ROOT)).toList();
  }

  private static DiagnosticCollector<JavaFileObject> compile(String... options) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-s", classes.toString(),
        "-implicit:none", "-classpath", System.getProperty("java.class.path"),
        "-processor", "io.jmigrate.processor.MigrationProcessor",
        "-Ajmigrate.sourceDir=" + dir.resolve("src"),
        "-Ajmigrate.snapshot=" + dir.resolve("schema.json"),
        "-Ajmigrate.package=shop.migrations"));
    args.addAll(List.of(options));
    List<Path> sources;
    try (Stream<Path> s = Files.list(dir.resolve("src/shop"))) {
      sources = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      javac.getTask(null, files, diagnostics, args, null, files.getJavaFileObjectsFromPaths(sources)).call();
    }
    return diagnostics;
  }

  @Test
  void oneWarningNamesTheVersionFound() {
    List<String> ours = warnings.stream().filter(w -> w.contains("Hibernate 5")).toList();
    assertEquals(1, ours.size(), warnings.toString());
    String version = Version.getVersionString();
    assertTrue(version.startsWith("5.6."), version);
    assertTrue(ours.get(0).startsWith("jmigrate: Hibernate " + version + " is on the class path, and jmigrate "
        + "reproduces the schema of Hibernate 6.6 and 7 only"), ours.get(0));
    assertTrue(ours.get(0).contains("Upgrade to Hibernate 6.6"), ours.get(0));
  }

  @Test
  void theDifferencesItNamesAreHibernate5sExport() throws Exception {
    String warning = warnings.stream().filter(w -> w.contains("Hibernate 5")).findFirst().orElseThrow();
    String pg = export("org.hibernate.dialect.PostgreSQL10Dialect");
    String h2 = export("org.hibernate.dialect.H2Dialect");
    String mariadb = export("org.hibernate.dialect.MariaDB103Dialect");

    // one sequence for every entity, by 1
    assertTrue(warning.contains("hibernate_sequence, incremented by 1"), warning);
    assertTrue(pg.contains("create sequence hibernate_sequence start 1 increment 1;"), pg);
    assertEquals(1, pg.split("create sequence", -1).length - 1, pg);
    // @Enumerated(ORDINAL) an integer, and no enum column (nor any other) a check
    assertTrue(warning.contains("@Enumerated(ORDINAL) an integer (6.6: smallint) and no enum column a check"), warning);
    assertTrue(pg.contains("ordinal int4,") && h2.contains("ordinal integer,") && mariadb.contains("ordinal integer,"),
        pg + h2 + mariadb);
    for (String script : List.of(pg, h2, mariadb)) {
      assertFalse(script.contains(" check "), script);
    }
    // BigDecimal numeric(19,2)
    assertTrue(warning.contains("BigDecimal numeric(19,2) (6.6: numeric(38,2))"), warning);
    assertTrue(pg.contains("amount numeric(19, 2),") && h2.contains("amount decimal(19,2),")
        && mariadb.contains("amount decimal(19,2),"), pg + h2 + mariadb);
    // Duration a bigint
    assertTrue(warning.contains("Duration a bigint (6.6: numeric(21,0))"), warning);
    assertTrue(pg.contains("waiting int8,") && h2.contains("waiting bigint,") && mariadb.contains("waiting bigint,"),
        pg + h2 + mariadb);
    // Instant and OffsetDateTime without time zone
    assertTrue(warning.contains("Instant and OffsetDateTime a timestamp without time zone (6.6: with time zone on "
        + "PostgreSQL and H2)"), warning);
    for (String script : List.of(pg, h2)) {
      assertTrue(script.contains("seen timestamp,") && script.contains("changed timestamp,"), script);
    }
    // UUID binary(255) on H2 and MariaDB
    assertTrue(warning.contains("UUID binary(255) on H2 and MariaDB"), warning);
    assertTrue(mariadb.contains("token binary(255),"), mariadb);
    assertTrue(h2.contains("token binary,") || h2.contains("token binary(255),"), h2);
  }

  @Test
  void theMigrationIsHibernate66s() throws IOException {
    String migration;
    try (Stream<Path> s = Files.list(migrations)) {
      List<Path> files = s.toList();
      assertEquals(1, files.size(), files.toString());
      migration = Files.readString(files.get(0)).replaceAll("\\s+", "");
    }
    for (String expected : List.of("sequence(\"owner_seq\").increment(50)", "sequence(\"pet_seq\").increment(50)",
        "column(\"ordinal\",SMALLINT)", "ordinalbetween0and2", "column(\"amount\",DECIMAL).precision(38,2)",
        "column(\"waiting\",DECIMAL).precision(21,0)", "column(\"seen\",TIMESTAMP_TZ)",
        "column(\"changed\",TIMESTAMP_TZ)")) {
      assertTrue(migration.contains(expected), expected + " in " + migration);
    }
    assertFalse(migration.contains("hibernate_sequence"), migration);
  }

  @Test
  void hibernate5AsTheOptionIsAnErrorThatSaysWhy() throws IOException {
    List<String> errors = compile("-Ajmigrate.hibernate=5.6").getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).map(d -> d.getMessage(Locale.ROOT)).toList();
    assertTrue(errors.stream().anyMatch(e -> e.contains("-Ajmigrate.hibernate=5.6 is not a Hibernate version")
        && e.contains("jmigrate does not reproduce Hibernate 5's schema: upgrade to 6.6 or 7")), errors.toString());
  }

  /** Hibernate 5's own create script for the compiled entities, with {@code dialect}, in lower case. */
  private static String export(String dialect) throws Exception {
    Path script = dir.resolve(dialect.substring(dialect.lastIndexOf('.') + 1) + ".sql");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        Hibernate5WarningTest.class.getClassLoader())) {
      StandardServiceRegistry registry = new StandardServiceRegistryBuilder(
          new org.hibernate.boot.registry.BootstrapServiceRegistryBuilder().applyClassLoader(loader).build())
          .applySetting("hibernate.dialect", dialect).applySetting("hibernate.temp.use_jdbc_metadata_defaults", false)
          .build();
      try {
        MetadataSources sources = new MetadataSources(registry);
        for (String name : List.of("shop.Owner", "shop.Pet")) {
          sources.addAnnotatedClass(Class.forName(name, true, loader));
        }
        SchemaExport export = new SchemaExport();
        export.setFormat(false);
        export.setDelimiter(";");
        export.setOutputFile(script.toString());
        export.createOnly(EnumSet.of(TargetType.SCRIPT), sources.buildMetadata());
      } finally {
        StandardServiceRegistryBuilder.destroy(registry);
      }
    }
    return Files.readString(script).toLowerCase(Locale.ROOT);
  }
}
