package io.jmigrate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** In-process javac over a source tree, as a build tool runs it. */
final class Javac {
  private Javac() {}

  static void compile(Path src, Path out, boolean processor, String... extra) throws IOException {
    deleteTree(out);
    Files.createDirectories(out);
    List<Path> sources;
    try (Stream<Path> s = Files.walk(src)) {
      sources = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> d = new DiagnosticCollector<>();
    List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-s", out.toString(), "-implicit:none",
        "-classpath", System.getProperty("java.class.path"), "--release", "17"));
    if (processor) {
      args.addAll(List.of("-processorpath", System.getProperty("java.class.path"), "-Ajmigrate.sourceDir=" + src));
    } else {
      args.add("-proc:none");
    }
    args.addAll(List.of(extra));
    try (StandardJavaFileManager fm = javac.getStandardFileManager(d, Locale.ROOT, StandardCharsets.UTF_8)) {
      boolean ok = javac.getTask(null, fm, d, args, null, fm.getJavaFileObjectsFromPaths(sources)).call();
      if (!ok) {
        throw new IllegalStateException("compilation failed: " + d.getDiagnostics());
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
