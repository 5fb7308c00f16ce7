package io.jmigrate.processor;

import io.jmigrate.engine.Migrator;
import io.jmigrate.migration.MigrationIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.ForwardingJavaFileObject;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A user's project on disk, compiled by the real javac with the processor, as a build tool
 * would: {@code src/} is the source tree the processor writes into, {@code classes/} the output.
 */
final class Project {
  final Path root;
  final Path src;
  final Path snapshot;
  private int builds;

  Project(Path root) throws IOException {
    this.root = root;
    this.src = Files.createDirectories(root.resolve("src/main/java"));
    this.snapshot = root.resolve("src/main/resources/jmigrate/schema.json");
  }

  /** Writes (or replaces) a source file: {@code write("com/acme/model/User.java", "...")}. */
  Project write(String path, String source) throws IOException {
    Path p = src.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, source, StandardCharsets.UTF_8);
    return this;
  }

  /** Replaces {@code from} by {@code to} in a source file, which must contain it (a test's model change). */
  Project edit(String path, String from, String to) throws IOException {
    Path p = src.resolve(path);
    String s = Files.readString(p, StandardCharsets.UTF_8);
    if (!s.contains(from)) {
      throw new AssertionError(path + " does not contain \"" + from + "\":\n" + s);
    }
    Files.writeString(p, s.replace(from, to), StandardCharsets.UTF_8);
    return this;
  }

  Project delete(String path) throws IOException {
    Files.delete(src.resolve(path));
    return this;
  }

  /** Compiles every source file into a fresh output directory, like a clean build. */
  Result build(String... options) throws IOException {
    return compile(allSources(), List.of(), options);
  }

  /** Compiles only the given files against an earlier output, like an IDE's incremental build. */
  Result buildOnly(Result previous, List<String> files, String... options) throws IOException {
    List<Path> sources = files.stream().map(src::resolve).toList();
    return compile(sources, List.of(previous.classes), options);
  }

  private Result compile(List<Path> sources, List<Path> classPath, String... options) throws IOException {
    Path classes = Files.createDirectories(root.resolve("out/classes" + (++builds)));
    Path generated = Files.createDirectories(root.resolve("out/generated" + builds));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> args = new ArrayList<>(List.of(
        "-d", classes.toString(), "-s", generated.toString(), "-implicit:none",
        "-classpath", System.getProperty("java.class.path")
            + classPath.stream().map(p -> java.io.File.pathSeparator + p).reduce("", String::concat),
        "-Ajmigrate.sourceDir=" + src));
    args.addAll(List.of(options));
    boolean ok;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      ok = javac.getTask(null, files, diagnostics, args, null, files.getJavaFileObjectsFromPaths(sources)).call();
    }
    return new Result(ok, diagnostics.getDiagnostics(), classes, classPath);
  }

  private List<Path> allSources() throws IOException {
    return sources(src);
  }

  private static List<Path> sources(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** Writes (or replaces) a test source file under {@code src/test/java}. */
  Project writeTest(String path, String source) throws IOException {
    Path p = root.resolve("src/test/java").resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, source, StandardCharsets.UTF_8);
    return this;
  }

  /**
   * Maven's {@code compile}, as maven-compiler-plugin calls javac: every main source into
   * {@code target/classes} (kept between builds), generated sources in
   * {@code target/generated-sources/annotations}, both roots on the source path, no
   * {@code -implicit} option, and no jmigrate option unless given.
   */
  Result mavenCompile(String... options) throws IOException {
    Path classes = Files.createDirectories(root.resolve("target/classes"));
    Path generated = Files.createDirectories(root.resolve("target/generated-sources/annotations"));
    return javac(sources(src), classes, generated, List.of(src, generated), List.of(), null, options);
  }

  /**
   * {@link #mavenCompile}, counting in {@code reads} how often each source file (by name) is opened as bytes: javac
   * itself reads the sources' characters, so the count is what the processor read.
   */
  Result mavenCompileCountingReads(Map<String, Integer> reads, String... options) throws IOException {
    Path classes = Files.createDirectories(root.resolve("target/classes"));
    Path generated = Files.createDirectories(root.resolve("target/generated-sources/annotations"));
    return javac(sources(src), classes, generated, List.of(src, generated), List.of(), reads, options);
  }

  /** Maven's {@code test-compile}: {@code src/test/java} into {@code target/test-classes}, against {@code target/classes}. */
  Result mavenTestCompile(String... options) throws IOException {
    Path testSrc = root.resolve("src/test/java");
    Path classes = Files.createDirectories(root.resolve("target/test-classes"));
    Path generated = Files.createDirectories(root.resolve("target/generated-test-sources/test-annotations"));
    return javac(sources(testSrc), classes, generated, List.of(testSrc, generated), List.of(root.resolve("target/classes")), null,
        options);
  }

  /** Any source root into any output folder (an IDE's layout, say), against {@code target/classes}. */
  Result compileTree(String sourceRoot, String output, String... options) throws IOException {
    Path root = this.root.resolve(sourceRoot);
    Path classes = Files.createDirectories(this.root.resolve(output));
    Path generated = Files.createDirectories(this.root.resolve(output + "-generated"));
    return javac(sources(root), classes, generated, List.of(root), List.of(this.root.resolve("target/classes")), null,
        options);
  }

  private Result javac(List<Path> sources, Path classes, Path generated, List<Path> sourcePath, List<Path> classPath,
      Map<String, Integer> reads, String... options) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String sep = java.io.File.pathSeparator;
    List<String> args = new ArrayList<>(List.of(
        "-d", classes.toString(), "-s", generated.toString(),
        "-sourcepath", String.join(sep, sourcePath.stream().map(Path::toString).toList()),
        "-classpath", System.getProperty("java.class.path")
            + classPath.stream().map(p -> sep + p).reduce("", String::concat)));
    args.addAll(List.of(options));
    boolean ok;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<JavaFileObject> units = new ArrayList<>();
      for (JavaFileObject unit : files.getJavaFileObjectsFromPaths(sources)) {
        units.add(reads == null ? unit : new ForwardingJavaFileObject<>(unit) {
          @Override
          public InputStream openInputStream() throws IOException {
            reads.merge(getName(), 1, Integer::sum);
            return super.openInputStream();
          }
        });
      }
      ok = javac.getTask(null, files, diagnostics, args, null, units).call();
    }
    return new Result(ok, diagnostics.getDiagnostics(), classes, classPath);
  }

  /** The migration source files, by name. */
  TreeMap<String, String> migrations(String pkg) throws IOException {
    TreeMap<String, String> out = new TreeMap<>();
    Path dir = src.resolve(pkg.replace('.', '/'));
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        for (Path p : s.toList()) {
          out.put(p.getFileName().toString(), Files.readString(p));
        }
      }
    }
    return out;
  }

  String snapshotText() throws IOException {
    return Files.exists(snapshot) ? Files.readString(snapshot) : null;
  }

  /** One javac run. */
  record Result(boolean ok, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path classes, List<Path> classPath) {
    List<String> errors() {
      return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
          .map(d -> d.getMessage(Locale.ROOT)).toList();
    }

    List<String> notes() {
      return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.NOTE)
          .map(d -> d.getMessage(Locale.ROOT)).toList();
    }

    List<String> warnings() {
      return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.WARNING)
          .map(d -> d.getMessage(Locale.ROOT)).toList();
    }

    Result assertOk() {
      if (!ok) {
        throw new AssertionError("compilation failed: " + errors());
      }
      return this;
    }

    /** The migrations this build compiled, loaded through the generated index as the runtime does. */
    Migrator migrator() {
      try {
        List<URL> urls = new ArrayList<>();
        urls.add(classes.toUri().toURL());
        for (Path p : classPath) {
          urls.add(p.toUri().toURL());
        }
        Path resources = classes.getParent().getParent().resolve("src/main/resources"); // as the build copies them
        urls.add(resources.toUri().toURL());
        URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), Project.class.getClassLoader());
        URL index = loader.findResource(MigrationIndex.RESOURCE);
        if (index == null) {
          throw new AssertionError("the build wrote no migration index");
        }
        // As Runtime.migrator() does: with what META-INF/jmigrate/unmanaged declares, if there is one.
        return new Migrator(MigrationIndex.load(index, loader)).withUnmanaged(io.jmigrate.catalog.Unmanaged.find(loader));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
