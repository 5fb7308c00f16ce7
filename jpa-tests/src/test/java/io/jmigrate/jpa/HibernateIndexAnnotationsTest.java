package io.jmigrate.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate 5's annotations in a project on Hibernate 6.6 or 7, as jpa.md describes them. Hibernate's
 * {@code @Index} on a field and {@code @org.hibernate.annotations.Table(indexes)}: with 6.6 its own export still
 * creates the indexes and jmigrate warns at each; with 7 they are gone ("cannot find symbol"), which does not stop the
 * processor. Hibernate 5's {@code @Type(type = "…")} does not attribute against either, and that error stops every
 * annotation processor: jmigrate reports and writes nothing.
 */
class HibernateIndexAnnotationsTest {
  @TempDir Path dir;

  private static final String ITEM = """
      package shop;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "item")
      @org.hibernate.annotations.Table(appliesTo = "item", indexes =
          @org.hibernate.annotations.Index(name = "item_ab_ix", columnNames = {"a", "b"}))
      public class Item {
        @Id Long id;
        @org.hibernate.annotations.Index(name = "item_code_ix") String code;
        String a;
        String b;
        @Column(name = "value") String value;
      }
      """;

  @Test
  void hibernatesIndexAnnotations() throws Exception {
    Path project = dir.resolve("index");
    DiagnosticCollector<JavaFileObject> d = compile(project, ITEM);
    List<String> warnings = messages(d, Diagnostic.Kind.WARNING);
    List<String> errors = messages(d, Diagnostic.Kind.ERROR);
    // the processor ran either way: its keyword warning for the column value
    assertTrue(warnings.stream().anyMatch(w -> w.contains("the column name value is a keyword of h2")), warnings
        .toString());
    assertTrue(Files.exists(project.resolve("schema.json")));
    if (Hibernate.major() >= 7) {
      assertTrue(errors.stream().anyMatch(e -> e.contains("cannot find symbol")), errors.toString());
      return;
    }
    assertEquals(List.of(), errors);
    assertTrue(warnings.stream().anyMatch(w -> w.startsWith("jmigrate does not read Hibernate's @Index on code, so its"
        + " schema lacks the index item_code_ix that Hibernate 5 and 6.6 create on the column")
        && w.endsWith("@Table(indexes = @Index(name = \"item_code_ix\", columnList = \"code\")) of jakarta.persistence"
            + " (javax.persistence with Hibernate 5)")), warnings.toString());
    assertTrue(warnings.stream().anyMatch(w -> w.startsWith("jmigrate does not read the indexes of Hibernate's"
        + " @Table(appliesTo = \"item\") on Item, so its schema lacks item_ab_ix, which Hibernate 5 and 6.6 create")
        && w.contains("@Table(indexes = @Index(name = \"item_ab_ix\", columnList = \"a, b\"))")), warnings.toString());
    String export = export(project);
    assertTrue(export.contains("create index item_code_ix on item (code)"), export);
    assertTrue(export.contains("create index item_ab_ix on item (a, b)"), export);
  }

  @Test
  void anAnnotationThatDoesNotAttributeStopsTheProcessor() throws IOException {
    Path project = dir.resolve("type");
    DiagnosticCollector<JavaFileObject> d = compile(project, ITEM.replaceAll("(?s)@org\\.hibernate\\.annotations\\."
        + "Table\\(.*?\\)\\)\\n", "").replace("@org.hibernate.annotations.Index(name = \"item_code_ix\")",
        "@Lob @org.hibernate.annotations.Type(type = \"org.hibernate.type.MaterializedClobType\")"));
    List<String> errors = messages(d, Diagnostic.Kind.ERROR);
    assertTrue(errors.contains("annotation @org.hibernate.annotations.Type is missing a default value for the element"
        + " 'value'") || errors.contains("annotation @Type is missing a default value for the element 'value'"),
        errors.toString());
    assertEquals(List.of(), messages(d, Diagnostic.Kind.WARNING));
    assertFalse(Files.exists(project.resolve("schema.json")));
  }

  private static List<String> messages(DiagnosticCollector<JavaFileObject> d, Diagnostic.Kind kind) {
    return d.getDiagnostics().stream().filter(x -> x.getKind() == kind).map(x -> x.getMessage(Locale.ROOT)).toList();
  }

  private static DiagnosticCollector<JavaFileObject> compile(Path project, String source) throws IOException {
    Path src = Files.createDirectories(project.resolve("src/shop"));
    Path file = Files.writeString(src.resolve("Item.java"), source);
    Path classes = Files.createDirectories(project.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> args = List.of("-d", classes.toString(), "-s", classes.toString(), "-implicit:none",
        "-classpath", System.getProperty("java.class.path"), "-processor", "io.jmigrate.processor.MigrationProcessor",
        "-Ajmigrate.sourceDir=" + project.resolve("src"), "-Ajmigrate.snapshot=" + project.resolve("schema.json"),
        "-Ajmigrate.package=shop.migrations", "-Ajmigrate.naming=jpa", "-Ajmigrate.dialects=h2");
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      javac.getTask(null, files, diagnostics, args, null, files.getJavaFileObjectsFromPaths(List.of(file))).call();
    }
    return diagnostics;
  }

  /** Hibernate's own create script (H2) for the compiled Item, in lower case. */
  private static String export(Path project) throws Exception {
    Path script = project.resolve("h2.sql");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {project.resolve("classes").toUri().toURL()},
        HibernateIndexAnnotationsTest.class.getClassLoader())) {
      StandardServiceRegistry registry = new StandardServiceRegistryBuilder(
          new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build())
          .applySetting("hibernate.connection.url", "jdbc:h2:mem:" + project.getFileName())
          .applySetting("jakarta.persistence.schema-generation.scripts.action", "create")
          .applySetting("jakarta.persistence.schema-generation.scripts.create-target", script.toString()).build();
      try {
        MetadataSources sources = new MetadataSources(registry);
        sources.addAnnotatedClass(Class.forName("shop.Item", true, loader));
        sources.buildMetadata().buildSessionFactory().close();
      } finally {
        StandardServiceRegistryBuilder.destroy(registry);
      }
    }
    return Files.readString(script).toLowerCase(Locale.ROOT);
  }
}
