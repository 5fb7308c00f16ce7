package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.MigrationIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor options' defaults, as the README's table gives them, with plain javac and no
 * {@code -A} option at all: where the migration class, the snapshot and the index go, and which
 * package the migrations get.
 */
class InferenceClaimsTest {
  @TempDir Path dir;

  static String model(String pkg, String name, String fields) {
    return (pkg.isEmpty() ? "" : "package " + pkg + ";\n") + "import io.jmigrate.*;\n@Table public class " + name
        + " {\n  @Id long id;\n" + fields + "\n}\n";
  }

  /** Writes a source file under {@code root}. */
  static void write(Path root, String path, String source) throws IOException {
    Path p = root.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, source, StandardCharsets.UTF_8);
  }

  /** Plain javac with the processor on the class path and no -A option; returns the class output. */
  Path javac(Path sourceRoot, String... options) throws IOException {
    Path classes = Files.createTempDirectory(dir, "classes");
    List<Path> sources;
    try (Stream<Path> s = Files.walk(sourceRoot)) {
      sources = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-implicit:none",
        "-classpath", System.getProperty("java.class.path")));
    args.addAll(List.of(options));
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      boolean ok = javac.getTask(null, files, diagnostics, args, null, files.getJavaFileObjectsFromPaths(sources)).call();
      assertTrue(ok, diagnostics.getDiagnostics().toString());
    }
    return classes;
  }

  /** Every file under {@code root} (less the class outputs), relative and with '/' separators. */
  TreeSet<String> files(Path root) throws IOException {
    TreeSet<String> out = new TreeSet<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).forEach(out::add);
    }
    return out;
  }

  static List<String> index(Path classes) throws IOException {
    return Files.readAllLines(classes.resolve(MigrationIndex.RESOURCE)).stream().filter(l -> !l.startsWith("#")).map(l -> l.split(" ")[0]).toList(); // the class names (the index also says version, checksum, fingerprint)
  }

  @Test
  void mavenLayoutPutsTheMigrationBesideTheModelPackageAndTheSnapshotInResources() throws Exception {
    Path root = dir.resolve("shop");
    Path src = root.resolve("src/main/java");
    write(src, "com/acme/model/User.java", model("com.acme.model", "User", "  String name;"));
    Path classes = javac(src);
    assertEquals(new TreeSet<>(List.of(
        "src/main/java/com/acme/model/User.java",
        "src/main/java/com/acme/migrations/V0001_CreateUser.java",
        "src/main/resources/jmigrate/schema.json")), files(root));
    assertTrue(Files.readString(src.resolve("com/acme/migrations/V0001_CreateUser.java")).startsWith("package com.acme.migrations;"));
    assertEquals(List.of("com.acme.migrations.V0001_CreateUser"), index(classes));
    assertTrue(Files.exists(classes.resolve("com/acme/migrations/V0001_CreateUser.class")), "compiled in the same build");

    // Later migrations follow the latest one's package, even when the models move elsewhere.
    Files.delete(src.resolve("com/acme/model/User.java"));
    write(src, "com/acme/core/entity/User.java", model("com.acme.core.entity", "User", "  String name;\n  String email;"));
    classes = javac(src);
    assertEquals(List.of("com.acme.migrations.V0001_CreateUser", "com.acme.migrations.V0002_AddUserEmail"), index(classes));
    assertEquals(new TreeSet<>(List.of(
        "src/main/java/com/acme/core/entity/User.java",
        "src/main/java/com/acme/migrations/V0001_CreateUser.java",
        "src/main/java/com/acme/migrations/V0002_AddUserEmail.java",
        "src/main/resources/jmigrate/schema.json")), files(root));
  }

  @Test
  void anotherLayoutPutsTheSnapshotBesideTheSourceRoot() throws Exception {
    Path root = dir.resolve("plain");
    Path src = root.resolve("code");
    write(src, "org/shop/domain/Order.java", model("org.shop.domain", "Order", "  int total;"));
    javac(src);
    assertEquals(new TreeSet<>(List.of(
        "code/org/shop/domain/Order.java",
        "code/org/shop/migrations/V0001_CreateOrder.java",
        "jmigrate-schema.json")), files(root));
  }

  @Test
  void theMigrationsPackageIsTheModelsCommonPackageLessAModelSuffix() throws Exception {
    String[][] cases = {
        // model packages, expected migrations package
        {"com.acme.model", "com.acme.migrations"},
        {"com.acme.models", "com.acme.migrations"},
        {"com.acme.entity", "com.acme.migrations"},
        {"com.acme.domain", "com.acme.migrations"},
        {"com.acme.shop", "com.acme.shop.migrations"},
        {"com.acme.billing.model,com.acme.users.model", "com.acme.migrations"},
        {"com.acme.model.billing,com.acme.model.users", "com.acme.migrations"},
        {"", "migrations"},
    };
    int n = 0;
    for (String[] c : cases) {
      Path src = dir.resolve("p" + (++n)).resolve("src/main/java");
      int i = 0;
      for (String pkg : c[0].split(",", -1)) {
        String name = "Thing" + (++i);
        write(src, (pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/") + name + ".java", model(pkg, name, "  String x;"));
      }
      Path classes = javac(src);
      List<String> index = index(classes);
      assertEquals(1, index.size(), c[0] + ": " + index);
      String migration = index.get(0);
      assertEquals(c[1], migration.substring(0, migration.lastIndexOf('.')), c[0] + " gave " + migration);
      assertTrue(Files.exists(src.resolve(migration.replace('.', '/') + ".java")), c[0] + ": " + files(src.getParent()));
    }
  }
}
