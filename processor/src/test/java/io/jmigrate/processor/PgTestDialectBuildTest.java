package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.processor.pgtest.PgTest;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build with the test dialect on the processor path (javac in a JVM of its own): it is a target
 * dialect ({@code -Ajmigrate.dialects=pgtest}), {@code @DefaultSql} may name it, and the online
 * check names its costs, which it inherits from the dialect it extends, with its own defaults.
 */
class PgTestDialectBuildTest {
  @TempDir Path dir;

  static final String BEFORE = """
      package com.acme;
      import io.jmigrate.*;
      @Table public class Book {
        @Id(generated = true) long id;
        Integer pages;
        @DefaultSql(dialect = "pgtest", value = "'untitled'") String title;
      }
      """;

  static final String AFTER = BEFORE.replace("Integer pages;", "Long pages;")
      .replace("String title;", "String title;\n  @DefaultSql(dialect = \"pgtest\", value = \"random()\") Double score;");

  @Test
  void aRegisteredDialectIsATargetAndGetsCostWarnings() throws Exception {
    Path src = dir.resolve("src/main/java");
    write(src, BEFORE);
    Build first = compile(src, true);
    assertEquals(0, first.exit(), first.output());
    write(src, AFTER);
    Build second = compile(src, true);
    assertEquals(0, second.exit(), second.output());
    String warnings = second.output();
    assertTrue(warnings.contains("changing book.pages from INTEGER to BIGINT cannot run online: on PostgreSQL it rewrites "
        + "the table"), warnings);
    assertTrue(warnings.contains("to store the default random() in every row"), "its own @DefaultSql is priced: " + warnings);
    assertFalse(warnings.contains("MariaDB") || warnings.contains("SQLite"), "only the target is named: " + warnings);
  }

  @Test
  void withoutItsRegistrationTheBuildDoesNotKnowIt() throws Exception {
    Path src = dir.resolve("src/main/java");
    write(src, BEFORE);
    Build build = compile(src, false);
    String errors = build.output();
    assertEquals(1, build.exit(), errors);
    assertTrue(errors.contains("unknown dialect pgtest; the dialects are h2, mariadb, postgresql, sqlite"), errors);
  }

  private static void write(Path src, String source) throws IOException {
    Path file = src.resolve("com/acme/Book.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source, StandardCharsets.UTF_8);
  }

  record Build(int exit, String output) {}

  /**
   * javac in a JVM of its own, as a build tool runs it, with the processor path as the user's build
   * gives it: the processor and the runtime, and, when {@code registered}, the test dialect's jar.
   */
  private Build compile(Path src, boolean registered) throws IOException, InterruptedException {
    Path classes = Files.createDirectories(dir.resolve("out" + System.nanoTime()));
    String path = System.getProperty("java.class.path") + (registered ? File.pathSeparator + PgTest.REGISTRATION : "");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
        "-d", classes.toString(), "-s", classes.toString(), "-implicit:none", "-classpath", path, "-processorpath", path,
        "-Ajmigrate.sourceDir=" + src, "-Ajmigrate.dialects=pgtest"));
    try (Stream<Path> s = Files.walk(src)) {
      s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> command.add(p.toString()));
    }
    Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Build(javac.waitFor(), output);
  }
}
