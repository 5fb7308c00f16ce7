package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.Runtime;
import io.jmigrate.migration.MigrationIndex;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Maven-shaped project ({@code src/main/java}, {@code src/test/java}, {@code target/classes},
 * {@code target/test-classes}) compiled by the real javac the way maven-compiler-plugin calls it:
 * {@code compile}, then {@code test-compile}, into output folders kept between builds.
 */
class MavenLayoutTest {
  static final String PKG = "com.acme.migrations";
  static final String INDEX = "target/test-classes/" + MigrationIndex.RESOURCE;

  static final String TEST_MODEL = """
      package com.acme.fixture;
      import io.jmigrate.*;
      /** A table only the tests use. */
      @Table public record Scratch(@Id long id, String note) {}
      """;

  static final String A_TEST = """
      package com.acme;
      public class UserTest {
        com.acme.model.User user = new com.acme.model.User();
        com.acme.fixture.Scratch scratch;
      }
      """;

  @TempDir Path dir;

  @Test
  void theFirstBuildOfANewProjectAndTheNextPassWithWerror() throws Exception {
    Project p = new Project(dir).write("com/acme/model/User.java", EndToEndTest.USER_V1);
    p.mavenCompile("-Werror").assertOk();
    assertEquals(List.of("V0001_CreateUser.java"), List.copyOf(p.migrations(PKG).keySet()));
    p.write("com/acme/model/User.java", EndToEndTest.USER_V2);
    p.mavenCompile("-Werror").assertOk();
    assertEquals(List.of("V0001_CreateUser.java", "V0002_AddUserEmail.java"), List.copyOf(p.migrations(PKG).keySet()));
  }

  /** The issue's setup: jmigrate options at plugin level reach test-compile too. */
  @Test
  void testCompilationNeverTouchesTheMainChainWithOptionsAtPluginLevel() throws Exception {
    String option = "-Ajmigrate.sourceDir=" + dir.resolve("src/main/java");
    Project p = new Project(dir).write("com/acme/model/User.java", EndToEndTest.USER_V1)
        .writeTest("com/acme/fixture/Scratch.java", TEST_MODEL)
        .writeTest("com/acme/UserTest.java", A_TEST);
    p.mavenCompile(option).assertOk();
    String snapshot = p.snapshotText();

    Project.Result tests = p.mavenTestCompile(option).assertOk();
    assertEquals(List.of("V0001_CreateUser.java"), List.copyOf(p.migrations(PKG).keySet()), "no main migration for a test class");
    assertEquals(snapshot, p.snapshotText(), "the main snapshot is untouched");
    assertFalse(Files.exists(dir.resolve(INDEX)), "no second index on the test class path");
    assertTrue(tests.notes().stream().anyMatch(n -> n.contains("test sources") && n.contains("the class output is")
        && n.contains("test-classes") && n.contains("com.acme.fixture.Scratch")),
        tests.notes().toString());

    // What a test does: Runtime.migrate with the test class path (test classes first, as Maven orders them).
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader testClassPath = new URLClassLoader(new URL[] {
        dir.resolve("target/test-classes").toUri().toURL(), dir.resolve("target/classes").toUri().toURL()},
        Project.class.getClassLoader());
        Connection c = Db.sqlite(dir.resolve("test.db"))) {
      Thread.currentThread().setContextClassLoader(testClassPath);
      assertEquals(1, Runtime.migrate(c).size());
      assertTrue(Db.catalog(c).contains("table user"), Db.catalog(c));
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  @Test
  void aTableClassInTestSourcesStartsNoChainOfItsOwn() throws Exception {
    Project p = new Project(dir).write("com/acme/model/User.java", EndToEndTest.USER_V1)
        .writeTest("com/acme/fixture/Scratch.java", TEST_MODEL);
    p.mavenCompile().assertOk();
    p.mavenTestCompile("-Werror").assertOk(); // the note about the test model is a note, not a warning
    assertFalse(Files.exists(dir.resolve("src/test/resources")), "no test snapshot");
    assertFalse(Files.exists(dir.resolve("src/test/java/com/acme/migrations")), "no test migrations");
    assertFalse(Files.exists(dir.resolve("src/test/java/com/acme/fixture/migrations")), "no test migrations");
    assertFalse(Files.exists(dir.resolve(INDEX)));
  }

  @Test
  void testSourcesAreToldByTheirSourceRootToo() throws Exception {
    Project p = new Project(dir).write("com/acme/model/User.java", EndToEndTest.USER_V1)
        .writeTest("com/acme/fixture/Scratch.java", TEST_MODEL);
    p.mavenCompile().assertOk();
    String snapshot = p.snapshotText();
    // An IDE compiling src/test/java into its own folder, with the options of the main build.
    Project.Result r = p.compileTree("src/test/java", "out/test/app", "-Ajmigrate.sourceDir=" + dir.resolve("src/main/java"))
        .assertOk();
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("the sources are under " + dir.resolve("src/test"))),
        r.notes().toString());
    assertEquals(snapshot, p.snapshotText());
    assertFalse(Files.exists(dir.resolve("out/test/app/" + MigrationIndex.RESOURCE)));
  }

  @Test
  void aPackageNamedSrcTestIsNotTakenForTestSources() throws Exception {
    Project p = new Project(dir).write("com/acme/src/test/User.java",
        EndToEndTest.USER_V1.replace("package com.acme.model;", "package com.acme.src.test;"));
    p.mavenCompile().assertOk();
    assertEquals(List.of("V0001_CreateUser.java"), List.copyOf(p.migrations("com.acme.src.test.migrations").keySet()));
  }

  /**
   * Maven compiles again only when a source is newer than its class (or its list of sources
   * changed): the new migration's class is dated before its copy in the Filer's folder, so deleting
   * the migration right after this build is seen by the next one (the real Maven run is the
   * invoker test {@code maven-plugin/src/it/delete-latest}).
   */
  @Test
  void aNewMigrationsClassIsOlderThanItsFilerCopy() throws Exception {
    Project p = new Project(dir).write("com/acme/model/User.java", EndToEndTest.USER_V1);
    p.mavenCompile().assertOk();
    Path copy = dir.resolve("target/generated-sources/annotations/com/acme/migrations/V0001_CreateUser.java");
    Path classFile = dir.resolve("target/classes/com/acme/migrations/V0001_CreateUser.class");
    assertTrue(Files.exists(copy) && Files.exists(classFile));
    assertTrue(Files.getLastModifiedTime(classFile).compareTo(Files.getLastModifiedTime(copy)) < 0,
        "class " + Files.getLastModifiedTime(classFile) + ", Filer copy " + Files.getLastModifiedTime(copy));
  }

  /**
   * After the latest migration is deleted, a build into the same class output must not ship its
   * class or its index entry: the build tool never saw the generated file as an input, so it
   * does not delete the class itself.
   */
  @Test
  void aDeletedMigrationsClassIsNotShipped() throws Exception {
    Project p = new Project(dir).write("com/acme/model/User.java", EndToEndTest.USER_V1);
    p.mavenCompile().assertOk();
    p.write("com/acme/model/User.java", EndToEndTest.USER_V2);
    p.mavenCompile().assertOk();
    Path stale = dir.resolve("target/classes/com/acme/migrations/V0002_AddUserEmail.class");
    assertTrue(Files.exists(stale));

    // Regenerated under another name: the old class goes.
    p.delete("com/acme/migrations/V0002_AddUserEmail.java");
    p.write("com/acme/model/User.java", EndToEndTest.USER_V1.replace("String fullname;", "String fullname;\n  String phone;"));
    Project.Result r = p.mavenCompile().assertOk();
    assertFalse(Files.exists(stale), "the deleted migration's class is removed from the class output");
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("V0002_AddUserEmail.class")), r.notes().toString());
    assertEquals(List.of("com.acme.migrations.V0001_CreateUser", "com.acme.migrations.V0002_AddUserPhone"), index());

    // Deleted with the model change undone: no V0002 at all, in the sources, the classes or the index.
    p.delete("com/acme/migrations/V0002_AddUserPhone.java");
    p.write("com/acme/model/User.java", EndToEndTest.USER_V1);
    p.mavenCompile().assertOk();
    assertFalse(Files.exists(dir.resolve("target/classes/com/acme/migrations/V0002_AddUserPhone.class")));
    assertEquals(List.of("com.acme.migrations.V0001_CreateUser"), index());
    try (Connection c = Db.sqlite(dir.resolve("app.db"))) {
      assertEquals(1, new Project.Result(true, List.of(), dir.resolve("target/classes"), List.of()).migrator().migrate(c).size());
    }
  }

  private List<String> index() throws Exception {
    return Files.readAllLines(dir.resolve("target/classes/" + MigrationIndex.RESOURCE)).stream()
        .filter(l -> !l.startsWith("#")).map(l -> l.split(" ")[0]).toList(); // the class names
  }
}
