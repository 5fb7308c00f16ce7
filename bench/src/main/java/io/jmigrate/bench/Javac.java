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

  /** A new processor object each build (javac wants a fresh one), of classes loaded once. */
  private static final java.util.function.Supplier<javax.annotation.processing.Processor> WARM_PROCESSOR_FACTORY =
      io.jmigrate.processor.MigrationProcessor::new;

  /** How the processor is present in a build. */
  enum Mode {
    /** -proc:none. */
    PLAIN,
    /** javac loads the processor from -processorpath, in a new class loader, each build (as Maven does). */
    LOADED,
    /** One processor instance handed to every build: its code is JIT-compiled, as javac's own is. */
    WARM,
    /** A processor that does nothing, handed in the same way: javac's own cost of processing. */
    NOOP,
    /** The do-nothing processor loaded from -processorpath per build, as LOADED loads jmigrate's. */
    NOOP_LOADED
  }

  static void compile(Path src, Path out, boolean processor, String... extra) throws IOException {
    compile(src, out, processor ? Mode.LOADED : Mode.PLAIN, extra);
  }

  /** javac as a separate process (a cold JVM per build, like a command-line build). */
  static void compileAsProcess(Path src, Path out, boolean processor) throws Exception {
    compileAsProcess(src, out, processor ? Mode.LOADED : Mode.PLAIN);
  }

  /** javac as a separate process in {@code mode} (PLAIN, LOADED or NOOP_LOADED). */
  static void compileAsProcess(Path src, Path out, Mode mode) throws Exception {
    deleteTree(out);
    Files.createDirectories(out);
    List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-s", out.toString(), "-implicit:none",
        "-classpath", System.getProperty("java.class.path"), "--release", "17"));
    processorArgs(args, mode, src);
    try (Stream<Path> s = Files.walk(src)) {
      s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> args.add(p.toString()));
    }
    Path argfile = out.resolveSibling(out.getFileName() + ".args");
    Files.write(argfile, args.stream().map(a -> "\"" + a.replace("\\", "\\\\") + "\"").toList());
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "javac").toString(), "@" + argfile)
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException("javac failed: " + output);
    }
  }

  static void compile(Path src, Path out, Mode mode, String... extra) throws IOException {
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
    processorArgs(args, mode, src);
    args.addAll(List.of(extra));
    try (StandardJavaFileManager fm = javac.getStandardFileManager(d, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task = javac.getTask(null, fm, d, args, null, fm.getJavaFileObjectsFromPaths(sources));
      if (mode == Mode.WARM) {
        task.setProcessors(List.of(WARM_PROCESSOR_FACTORY.get()));
      } else if (mode == Mode.NOOP) {
        task.setProcessors(List.of(new NoopProcessor()));
      }
      boolean ok = task.call();
      if (!ok) {
        throw new IllegalStateException("compilation failed: " + d.getDiagnostics());
      }
    }
  }

  private static void processorArgs(List<String> args, Mode mode, Path src) {
    if (mode == Mode.LOADED) {
      args.addAll(List.of("-processorpath", System.getProperty("java.class.path"), "-Ajmigrate.sourceDir=" + src));
    } else if (mode == Mode.NOOP_LOADED) {
      args.addAll(List.of("-processorpath", System.getProperty("java.class.path"), "-processor",
          NoopProcessor.class.getName(), "-Ajmigrate.sourceDir=" + src, "-Xlint:-options"));
    } else if (mode == Mode.WARM || mode == Mode.NOOP) {
      args.addAll(List.of("-Ajmigrate.sourceDir=" + src, "-Xlint:-options"));
    } else {
      args.add("-proc:none");
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
