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
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.tool.hbm2ddl.SchemaExport;
import org.hibernate.tool.schema.TargetType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate 5's own index annotations, {@code @org.hibernate.annotations.Index} on a field and
 * {@code @org.hibernate.annotations.Table(indexes)} on the entity: Hibernate 5.6's schema export of the compiled
 * entity creates their indexes, and jmigrate's migration has the same ones (names, columns in order, non-unique),
 * without a warning; on an association, which jmigrate does not map, it warns with the JPA declaration to use.
 */
class Hibernate5IndexTest {
  @TempDir Path dir;

  private static final String PRODUCT = """
      package shop;

      import javax.persistence.*;
      import org.hibernate.annotations.Index;

      @Entity
      @Table(name = "product")
      @org.hibernate.annotations.Table(appliesTo = "product", indexes = {
          @Index(name = "product_ba_ix", columnNames = {"b", "a"}), @Index(name = "product_c_ix", columnNames = "c")})
      public class Product {
        @Id Long id;
        @Index(name = "product_name_ix", columnNames = "a") @Column(name = "title") String name;
        @Index(name = "product_code_ix") String code;
        @Index(name = "product_place_ix") String aisle;
        @Index(name = "product_place_ix") String bay;
        String a;
        String b;
        String c;
        @Index(name = "product_maker_ix") @ManyToOne @JoinColumn(name = "maker_id") Product maker;
      }
      """;

  @Test
  void hibernate5sIndexesAreMapped() throws Exception {
    Path project = dir.resolve("as-written");
    List<String> warnings = compile(project, PRODUCT);
    String maker = only(warnings, "Index");
    assertTrue(maker.startsWith("jmigrate maps Hibernate's @Index on a basic attribute only, not on maker, so its"
        + " schema lacks the index product_maker_ix that Hibernate 5 and 6.6 create on its columns (Hibernate 7"
        + " removed the annotation)"), maker);
    assertTrue(maker.endsWith("@Table(indexes = @Index(name = \"product_maker_ix\", columnList = \"maker_id\")) of"
        + " jakarta.persistence (javax.persistence with Hibernate 5)"), maker);

    // measured on Hibernate 5.6's export: a field's columnNames is ignored, one name on two fields is one index
    String hibernate = export(project);
    for (String index : List.of("create index product_ba_ix on product (b, a)",
        "create index product_c_ix on product (c)", "create index product_name_ix on product (title)",
        "create index product_code_ix on product (code)", "create index product_place_ix on product (aisle, bay)",
        "create index product_maker_ix on product (maker_id)")) {
      assertTrue(hibernate.contains(index), index + " in " + hibernate);
    }
    String migration = migration(project);
    for (String index : List.of("index(\"product_ba_ix\",\"b\",\"a\")", "index(\"product_c_ix\",\"c\")",
        "index(\"product_name_ix\",\"title\")", "index(\"product_code_ix\",\"code\")",
        "index(\"product_place_ix\",\"aisle\",\"bay\")")) {
      assertTrue(migration.contains(index), index + " in " + migration);
    }
    assertFalse(migration.contains("unique"), migration);
    assertFalse(migration.contains("product_maker_ix"), migration);
  }

  @Test
  void anotherTablesIndexesAreWarnedAboutAndLeftOut() throws Exception {
    Path project = dir.resolve("other-table");
    List<String> warnings = compile(project, PRODUCT.replace("appliesTo = \"product\"", "appliesTo = \"goods\""));
    assertEquals("jmigrate does not map the indexes of Hibernate's @Table(appliesTo = \"goods\") on Product: goods is"
        + " not the entity's table (product), so jmigrate's schema lacks product_ba_ix, product_c_ix",
        only(warnings, "appliesTo"));
    String migration = migration(project);
    assertFalse(migration.contains("product_ba_ix") || migration.contains("product_c_ix"), migration);
    assertTrue(migration.contains("index(\"product_code_ix\",\"code\")"), migration);
  }

  private static String only(List<String> warnings, String about) {
    List<String> found = warnings.stream().filter(w -> w.contains(about)).toList();
    assertEquals(1, found.size(), warnings.toString());
    return found.get(0);
  }

  /** Compiles {@code source} (shop.Product) into {@code project} with the processor; its warnings. */
  private static List<String> compile(Path project, String source) throws IOException {
    Path src = Files.createDirectories(project.resolve("src/shop"));
    Path file = Files.writeString(src.resolve("Product.java"), source);
    Path classes = Files.createDirectories(project.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> args = List.of("-d", classes.toString(), "-s", classes.toString(), "-implicit:none",
        "-classpath", System.getProperty("java.class.path"), "-processor", "io.jmigrate.processor.MigrationProcessor",
        "-Ajmigrate.sourceDir=" + project.resolve("src"), "-Ajmigrate.snapshot=" + project.resolve("schema.json"),
        "-Ajmigrate.package=shop.migrations", "-Ajmigrate.naming=jpa", "-Ajmigrate.dialects=postgresql");
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      Boolean ok = javac.getTask(null, files, diagnostics, args, null, files.getJavaFileObjectsFromPaths(List.of(file)))
          .call();
      assertTrue(ok, diagnostics.getDiagnostics().toString());
    }
    return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.WARNING)
        .map(d -> d.getMessage(Locale.ROOT)).toList();
  }

  /** The one migration jmigrate wrote for {@code project}, without white space. */
  private static String migration(Path project) throws IOException {
    try (Stream<Path> s = Files.list(project.resolve("src/shop/migrations"))) {
      List<Path> files = s.filter(p -> p.toString().endsWith(".java")).toList();
      assertEquals(1, files.size(), files.toString());
      return Files.readString(files.get(0)).replaceAll("\\s+", "");
    }
  }

  /** Hibernate 5.6's own create script (H2) for {@code project}'s compiled Product, in lower case. */
  private static String export(Path project) throws Exception {
    Path script = project.resolve("h2.sql");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {project.resolve("classes").toUri().toURL()},
        Hibernate5IndexTest.class.getClassLoader())) {
      StandardServiceRegistry registry = new StandardServiceRegistryBuilder(
          new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build())
          .applySetting("hibernate.dialect", "org.hibernate.dialect.H2Dialect")
          .applySetting("hibernate.temp.use_jdbc_metadata_defaults", false).build();
      try {
        MetadataSources sources = new MetadataSources(registry);
        sources.addAnnotatedClass(Class.forName("shop.Product", true, loader));
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
