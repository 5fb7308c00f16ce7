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
 * entity creates their indexes, jmigrate does not read them and says so at each, and the declaration its warning
 * proposes, compiled in their place, gives the same indexes in Hibernate 5.6's export and in jmigrate's migration.
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
          @Index(name = "product_ab_ix", columnNames = {"a", "b"}), @Index(name = "product_c_ix", columnNames = "c")})
      public class Product {
        @Id Long id;
        @Index(name = "product_name_ix") @Column(name = "title") String name;
        @Index(name = "product_code_ix") String code;
        String a;
        String b;
        String c;
      }
      """;

  @Test
  void hibernate5sIndexesAreWarnedAndTheProposedDeclarationGivesThem() throws Exception {
    Path first = dir.resolve("as-written");
    List<String> warnings = compile(first, PRODUCT);
    String title = only(warnings, "@Index on name");
    assertTrue(title.contains("jmigrate does not read Hibernate's @Index on name, so its schema lacks the index"
        + " product_name_ix that Hibernate 5 and 6.6 create on the column (Hibernate 7 removed the annotation)"),
        title);
    assertFalse(title.contains("changes the column"), title);
    assertTrue(title.endsWith("@Table(indexes = @Index(name = \"product_name_ix\", columnList = \"title\")) of"
        + " jakarta.persistence (javax.persistence with Hibernate 5)"), title);
    String code = only(warnings, "@Index on code");
    assertTrue(code.contains("@Index(name = \"product_code_ix\", columnList = \"code\")"), code);
    String table = only(warnings, "indexes of Hibernate's @Table");
    assertTrue(table.contains("jmigrate does not read the indexes of Hibernate's @Table(appliesTo = \"product\") on"
        + " Product, so its schema lacks product_ab_ix, product_c_ix, which Hibernate 5 and 6.6 create (Hibernate 7"
        + " removed the annotation's indexes). Declare them with the entity's table"), table);
    assertTrue(table.contains("@Table(indexes = {@Index(name = \"product_ab_ix\", columnList = \"a, b\"), @Index(name"
        + " = \"product_c_ix\", columnList = \"c\")})"), table);

    // what the warnings say: Hibernate 5 creates the four indexes, jmigrate's migration has none
    String hibernate = export(first);
    List<String> indexes = List.of("create index product_ab_ix on product (a, b)",
        "create index product_c_ix on product (c)", "create index product_name_ix on product (title)",
        "create index product_code_ix on product (code)");
    for (String index : indexes) {
      assertTrue(hibernate.contains(index), index + " in " + hibernate);
    }
    assertFalse(migration(first).contains("index("), migration(first));

    // the declarations the warnings propose, in place of Hibernate's annotations
    List<String> proposed = Stream.of(title, code, table).map(w -> w.substring(w.indexOf("@Table(indexes = ")
        + "@Table(indexes = ".length(), w.lastIndexOf(") of jakarta.persistence"))).map(i -> i.replaceAll("^\\{|}$", ""))
        .toList();
    String fixed = PRODUCT.replace("import org.hibernate.annotations.Index;\n", "")
        .replaceAll("(?s)@org\\.hibernate\\.annotations\\.Table\\(.*?\\}\\)\\n", "")
        .replaceAll("@Index\\(name = \"product_(name|code)_ix\"\\) ", "")
        .replace("@Table(name = \"product\")", "@Table(name = \"product\", indexes = {" + String.join(", ", proposed)
            + "})");
    assertFalse(fixed.contains("hibernate"), fixed);
    Path second = dir.resolve("fixed");
    List<String> none = compile(second, fixed);
    assertTrue(none.stream().noneMatch(w -> w.contains("Index")), none.toString());
    String again = export(second);
    for (String index : indexes) {
      assertTrue(again.contains(index), index + " in " + again);
    }
    String migration = migration(second);
    for (String index : List.of("index(\"product_ab_ix\",\"a\",\"b\")", "index(\"product_c_ix\",\"c\")",
        "index(\"product_name_ix\",\"title\")", "index(\"product_code_ix\",\"code\")")) {
      assertTrue(migration.contains(index), index + " in " + migration);
    }
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
