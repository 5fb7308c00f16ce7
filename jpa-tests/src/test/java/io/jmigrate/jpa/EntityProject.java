package io.jmigrate.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jmigrate.engine.Migrator;
import io.jmigrate.migration.MigrationIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A user's JPA project on disk, built as a build tool would: the entity sources of one step of an
 * entity set go into {@code src/main/java}, the real javac runs with the real jmigrate processor
 * into a fresh class output, and the migrations and snapshot it writes stay in the tree for the next
 * step (which is thereby compiled against the previous step's snapshot and migrations).
 */
final class EntityProject {
  /** Where the generated migrations go: kept when the entity sources are replaced. */
  static final String MIGRATIONS_PACKAGE = "jpatest.migrations";

  final Path root;
  final Path src;
  private int builds;

  EntityProject(Path root) throws IOException {
    this.root = root;
    this.src = Files.createDirectories(root.resolve("src/main/java"));
  }

  /** The test resource folder of an entity set (or one step of it), e.g. {@code entities/petclinic}. */
  static Path resource(String name) {
    URL url = EntityProject.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalArgumentException("no test resource " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Replaces every entity source with those under the given folders (a later folder's file
   * replaces an earlier one's of the same path); the migrations stay.
   */
  EntityProject useSources(List<Path> entitySets) throws IOException {
    Path migrations = src.resolve(MIGRATIONS_PACKAGE.replace('.', '/'));
    for (Path p : javaFiles(src)) {
      if (!p.startsWith(migrations)) {
        Files.delete(p);
      }
    }
    for (Path entitySet : entitySets) {
      for (Path p : javaFiles(entitySet)) {
        Path target = src.resolve(entitySet.relativize(p).toString());
        Files.createDirectories(target.getParent());
        Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return this;
  }

  /** Replaces {@code from} by {@code to} in an entity source under {@code src/main/java}, which must contain it. */
  EntityProject edit(String path, String from, String to) throws IOException {
    Path file = src.resolve(path);
    String s = Files.readString(file);
    if (!s.contains(from)) {
      throw new AssertionError(path + " does not contain \"" + from + "\":\n" + s);
    }
    Files.writeString(file, s.replace(from, to));
    return this;
  }

  /**
   * Whether Hibernate Validator is on the entities' class path (the processor applies Bean Validation to the
   * schema then, as Hibernate does); off unless a test asks, so that the other entity sets map as without it.
   */
  boolean beanValidation;

  EntityProject withBeanValidation() {
    beanValidation = true;
    return this;
  }

  private String classPath() {
    return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(e -> beanValidation || !e.contains("hibernate-validator"))
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  /** A clean build of the whole tree with the processor. */
  Build build(String... options) throws IOException {
    Path classes = Files.createDirectories(root.resolve("out/classes" + (++builds)));
    Path generated = Files.createDirectories(root.resolve("out/generated" + builds));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> args = new ArrayList<>(List.of(
        "-d", classes.toString(), "-s", generated.toString(), "-implicit:none",
        "-classpath", classPath(),
        "-processor", "io.jmigrate.processor.MigrationProcessor",
        "-Ajmigrate.sourceDir=" + src,
        "-Ajmigrate.snapshot=" + root.resolve("src/main/resources/jmigrate/schema.json"),
        "-Ajmigrate.package=" + MIGRATIONS_PACKAGE));
    args.addAll(List.of(options));
    boolean ok;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      ok = javac.getTask(null, files, diagnostics, args, null, files.getJavaFileObjectsFromPaths(javaFiles(src))).call();
    }
    return new Build(ok, diagnostics.getDiagnostics(), classes);
  }

  /** The generated migration sources, for failure messages. */
  String migrationSources() throws IOException {
    StringBuilder s = new StringBuilder();
    for (Path p : javaFiles(src.resolve(MIGRATIONS_PACKAGE.replace('.', '/')))) {
      s.append("// ").append(p.getFileName()).append('\n').append(Files.readString(p)).append('\n');
    }
    return s.toString();
  }

  private static List<Path> javaFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** One javac run: its diagnostics, and the compiled entity classes and migrations. */
  record Build(boolean ok, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path classes) {
    Build assertOk() {
      if (!ok) {
        throw new AssertionError("compilation failed:\n" + diagnostics.stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .map(Build::describe).collect(Collectors.joining("\n")));
      }
      return this;
    }

    List<String> messages(Diagnostic.Kind kind) {
      return diagnostics.stream().filter(d -> d.getKind() == kind).map(Build::describe).toList();
    }

    /** The warnings (mandatory or not) whose text names {@code word}: none for an annotation the processor reads. */
    List<String> warningsAbout(String word) {
      return diagnostics.stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.MANDATORY_WARNING || d.getKind() == Diagnostic.Kind.WARNING)
          .map(Build::describe).filter(m -> m.contains(word)).toList();
    }

    private static String describe(Diagnostic<? extends JavaFileObject> d) {
      String where = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName() + ":" + d.getLineNumber() + ": ";
      return where + d.getMessage(Locale.ROOT);
    }

    /** A class loader over the build's output, below the test class path (where Hibernate and jmigrate live). */
    URLClassLoader loader() {
      try {
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, EntityProject.class.getClassLoader());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Every class of the build annotated {@code @Entity}, {@code @MappedSuperclass} or {@code @Embeddable}, by name. */
    List<Class<?>> entityClasses(ClassLoader loader) throws IOException {
      List<Class<?>> out = new ArrayList<>();
      try (Stream<Path> s = Files.walk(classes)) {
        for (Path p : s.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
          String name = classes.relativize(p).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
          if (name.startsWith(MIGRATIONS_PACKAGE + ".")) {
            continue;
          }
          try {
            Class<?> c = Class.forName(name, false, loader);
            if (c.isAnnotationPresent(jakarta.persistence.Entity.class)
                || c.isAnnotationPresent(jakarta.persistence.MappedSuperclass.class)
                || c.isAnnotationPresent(jakarta.persistence.Embeddable.class)) {
              out.add(c);
            }
          } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
          }
        }
      }
      out.sort(Comparator.comparing(Class::getName));
      return out;
    }

    /**
     * The build's entities on {@code target} twice: Hibernate's own export ({@code hbm2ddl=create}, snake_case naming)
     * into the fresh database {@code hibernateUrl}, and jmigrate's migrations onto the fresh database
     * {@code jmigrateUrl}, where jmigrate's validate finds no drift and Hibernate's validate passes.
     */
    void exportAndMigrate(Target target, String hibernateUrl, String jmigrateUrl) throws Exception {
      try (URLClassLoader loader = loader()) {
        List<Class<?>> classes = entityClasses(loader);
        Hibernate.open(hibernateUrl, target, classes, loader, "create", Hibernate.Naming.SNAKE_CASE).close();
        try (Connection c = DriverManager.getConnection(jmigrateUrl)) {
          migrator(loader).migrate(c);
          assertEquals(List.of(), migrator(loader).validate(c).differences());
        }
        Hibernate.open(jmigrateUrl, target, classes, loader, "validate", Hibernate.Naming.SNAKE_CASE).close();
      }
    }

    /** The migrations this build compiled, loaded through the generated index as the runtime does. */
    Migrator migrator(URLClassLoader loader) {
      URL index = loader.findResource(MigrationIndex.RESOURCE); // this build's own, not one on the test class path
      if (index == null) {
        throw new AssertionError("the build wrote no migration index");
      }
      return new Migrator(MigrationIndex.load(index, loader));
    }
  }
}
