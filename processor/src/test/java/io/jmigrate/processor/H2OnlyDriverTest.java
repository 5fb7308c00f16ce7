package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application whose class path holds jmigrate's runtime, its own classes and the H2 driver,
 * nothing else (no SQLite, no PostgreSQL driver): {@code Runtime.migrate} and the command line find
 * the H2 dialect from the connection, on an embedded file database in H2's default mode (unquoted
 * names fold to upper case): jmigrate names the tables as H2 folds, so the application's unquoted SQL
 * finds them, and validate finds them.
 */
class H2OnlyDriverTest {
  static final String AUTHOR = """
      package com.acme.model;
      import io.jmigrate.*;
      @Table public class Author {
        @Id(generated = true) long id;
        @Column(length = 100, nullable = false) String name;
      }
      """;

  static final String APP = """
      package com.acme;
      import java.sql.*;
      public class App {
        public static void main(String[] args) throws Exception {
          try (Connection c = DriverManager.getConnection(args[0])) {
            System.out.println("applied " + io.jmigrate.Runtime.migrate(c).size());
            System.out.println("drift " + io.jmigrate.Runtime.validate(c));
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM author")) {
              rs.next();
              System.out.println("rows " + rs.getInt(1));
            }
          }
        }
      }
      """;

  @TempDir Path dir;

  /** jmigrate's runtime and H2's jar from this test's class path, then the app's classes. */
  static String classPath(Path app) {
    List<String> keep = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String e = entry.replace(File.separatorChar, '/');
      boolean runtime = e.endsWith("runtime/target/classes")
          || (e.contains("jmigrate-runtime") && e.endsWith(".jar") && !e.endsWith("-tests.jar"));
      if (runtime || e.contains("/com/h2database/")) {
        keep.add(entry);
      }
    }
    assertEquals(2, keep.size(), "runtime and H2 on the test class path: " + keep);
    keep.add(app.toString());
    return String.join(File.pathSeparator, keep);
  }

  static String run(String classPath, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath));
    command.addAll(Arrays.asList(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished");
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  @Test
  void runtimeMigrateAndTheCommandLineFindTheDialect() throws Exception {
    Path classes = new Project(dir.resolve("app"))
        .write("com/acme/model/Author.java", AUTHOR)
        .write("com/acme/App.java", APP)
        .build().assertOk().classes();
    String cp = classPath(classes);
    assertTrue(!cp.contains("sqlite") && !cp.contains("postgres"), cp);

    String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db");
    String first = run(cp, "com.acme.App", url);
    assertTrue(first.contains("applied 1") && first.contains("rows 0"), first);
    assertTrue(first.contains("drift no drift: the database matches version 1"), first);
    assertTrue(!first.contains("DATABASE_TO_LOWER=TRUE"), "no case-folding hint: the names follow H2's: " + first);
    String again = run(cp, "com.acme.App", url);
    assertTrue(again.contains("applied 0"), again);

    String status = run(cp, "io.jmigrate.Runtime", "status", "--url", url);
    assertTrue(status.contains("V0001"), status);
    String validate = run(cp, "io.jmigrate.Runtime", "validate", "--url", url);
    assertTrue(validate.contains("no drift: the database matches version 1"), validate);
  }
}
