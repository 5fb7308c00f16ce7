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
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build with the test dialect on the processor path (a real javac run): it is a target
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
  void aRegisteredDialectIsATargetAndGetsCostWarnings() throws IOException {
    Path src = dir.resolve("src/main/java");
    write(src, BEFORE);
    assertEquals(List.of(), compile(src, true).errors);
    write(src, AFTER);
    Build second = compile(src, true);
    assertEquals(List.of(), second.errors);
    String warnings = String.join("\n", second.warnings);
    assertTrue(warnings.contains("changing book.pages from Integer to Long cannot run online: on PostgreSQL it rewrites "
        + "the table"), warnings);
    assertTrue(warnings.contains("to store the default random() in every row"), "its own @DefaultSql is priced: " + warnings);
    assertFalse(warnings.contains("MariaDB") || warnings.contains("SQLite"), "only the target is named: " + warnings);
  }

  @Test
  void withoutItsRegistrationTheBuildDoesNotKnowIt() throws IOException {
    Path src = dir.resolve("src/main/java");
    write(src, BEFORE);
    String errors = String.join("\n", compile(src, false).errors);
    assertTrue(errors.contains("unknown dialect pgtest; the dialects are h2, mariadb, postgresql, sqlite"), errors);
  }

  private static void write(Path src, String source) throws IOException {
    Path file = src.resolve("com/acme/Book.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source, StandardCharsets.UTF_8);
  }

  record Build(List<String> errors, List<String> warnings) {}

  private Build compile(Path src, boolean registered) throws IOException {
    Path classes = Files.createDirectories(dir.resolve("out" + System.nanoTime()));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String classPath = System.getProperty("java.class.path") + (registered ? File.pathSeparator + PgTest.REGISTRATION : "");
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-s", classes.toString(), "-implicit:none",
        "-classpath", classPath, "-Ajmigrate.sourceDir=" + src, "-Ajmigrate.dialects=pgtest"));
    List<Path> sources;
    try (Stream<Path> s = Files.walk(src)) {
      sources = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      javac.getTask(null, files, diagnostics, args, null, files.getJavaFileObjectsFromPaths(sources)).call();
    }
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(d.getMessage(Locale.ROOT));
      } else if (d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
        warnings.add(d.getMessage(Locale.ROOT));
      }
    }
    return new Build(errors, warnings);
  }
}
