package io.jmigrate.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hibernate 5's annotations in a project on Hibernate 6.6 or 7, as jpa.md describes them. Hibernate's
 * {@code @Index} on a field and {@code @org.hibernate.annotations.Table(indexes)}: with 6.6 its own export still
 * creates the indexes and jmigrate maps them as it does; with 7 they are gone ("cannot find symbol"), which does not stop the
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
      assertFalse(Files.readString(project.resolve("schema.json")).contains("_ix"));
      return;
    }
    assertEquals(List.of(), errors);
    assertEquals(List.of(), warnings.stream().filter(w -> w.contains("Index") || w.contains("index")).toList(),
        "mapped, not warned about");
    String export = export(project);
    assertTrue(export.contains("create index item_code_ix on item (code)"), export);
    assertTrue(export.contains("create index item_ab_ix on item (a, b)"), export);
  }

  /**
   * Hibernate 6.6 (jpa-tests-hibernate6): Hibernate's {@code @Index} on fields (on a renamed column, one name on two
   * fields, {@code columnNames} given on a field) and {@code @Tables(@Table(appliesTo, indexes))} on the entity
   * (columns out of order, a logical name the naming changes): jmigrate's migrated catalog equals Hibernate's export,
   * index names included, and Hibernate's validate passes.
   */
  @ParameterizedTest
  @EnumSource(value = Target.class, names = {"POSTGRESQL", "H2"})
  void theIndexesAreHibernates(Target target) throws Exception {
    assumeTrue(Hibernate.major() < 7, "Hibernate 7 removed the annotations");
    EntityProject project = new EntityProject(dir.resolve("mapped-" + target));
    Files.createDirectories(project.src.resolve("shop"));
    Files.writeString(project.src.resolve("shop/Shelf.java"), """
        package shop;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "shelf")
        @org.hibernate.annotations.Tables(@org.hibernate.annotations.Table(appliesTo = "shelf", indexes = {
            @org.hibernate.annotations.Index(name = "shelf_ba_ix", columnNames = {"b", "a"}),
            @org.hibernate.annotations.Index(name = "shelf_no_ix", columnNames = "shelfNo")}))
        public class Shelf {
          @Id Long id;
          @org.hibernate.annotations.Index(name = "shelf_code_ix") String code;
          @org.hibernate.annotations.Index(name = "shelf_title_ix", columnNames = "a") @Column(name = "title") String name;
          @org.hibernate.annotations.Index(name = "shelf_place_ix") String aisle;
          @org.hibernate.annotations.Index(name = "shelf_place_ix") String bay;
          String a;
          String b;
          Integer shelfNo;
        }
        """);
    EntityProject.Build build = project.build().assertOk();
    assertEquals(List.of(), build.warningsAbout("Index"), "mapped, not warned about");
    String hibernateUrl = target.newDatabaseUrl(dir);
    String jmigrateUrl = target.newDatabaseUrl(dir);
    build.exportAndMigrate(target, hibernateUrl, jmigrateUrl);
    try (Connection h = DriverManager.getConnection(hibernateUrl);
        Connection j = DriverManager.getConnection(jmigrateUrl)) {
      Map<String, String> exported = namedIndexes(h);
      // what Hibernate 6.6 makes of them, as measured on its export
      assertEquals(Map.of("shelf_ba_ix", "b, a", "shelf_no_ix", "shelf_no", "shelf_code_ix", "code", "shelf_title_ix",
          "title", "shelf_place_ix", "aisle, bay"), exported, "Hibernate's export");
      assertEquals(exported, namedIndexes(j));
      assertEquals(Catalog.read(h, target), Catalog.read(j, target));
    }
  }

  /** The non-unique indexes of table shelf: name, columns in order. */
  private static Map<String, String> namedIndexes(Connection c) throws Exception {
    Map<String, java.util.SortedMap<Integer, String>> columns = new TreeMap<>();
    try (ResultSet rs = c.getMetaData().getIndexInfo(c.getCatalog(), c.getSchema(), "shelf", false, false)) {
      while (rs.next()) {
        if (rs.getString("INDEX_NAME") != null && rs.getBoolean("NON_UNIQUE")) {
          columns.computeIfAbsent(rs.getString("INDEX_NAME").toLowerCase(Locale.ROOT), k -> new TreeMap<>())
              .put(rs.getInt("ORDINAL_POSITION"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
        }
      }
    }
    Map<String, String> out = new TreeMap<>();
    columns.forEach((name, cs) -> out.put(name, String.join(", ", cs.values())));
    return out;
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
