package io.jmigrate.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The jmigrate processor run by hand: javac over the project's sources with only the jmigrate
 * processor ({@code -proc:only}) in one mode, whether or not the build compiled anything. In check
 * mode ({@code -Ajmigrate.check=true}) the models are compared with the snapshot and nothing is
 * written into the source tree; in squash mode ({@code -Ajmigrate.squash=N}) the processor writes
 * the squashed migration and the snapshot there, as a build with that option would. Class files and
 * generated sources go to a temporary directory that is deleted afterwards.
 */
final class ModelCheck {
  static final String PROCESSOR = "io.jmigrate.processor.MigrationProcessor";
  static final String CHECK = "-Ajmigrate.check=true";

  /** What javac said: the errors (each with its file and line), the warnings, and the processor's notes. */
  record Result(List<String> errors, List<String> warnings, List<String> notes, int sources) {
    boolean passed() {
      return errors.isEmpty();
    }
  }

  private final List<Path> sourceRoots;
  private final List<String> classpath;
  private final List<String> processorPath;
  private final List<String> processorOptions;
  private final Charset encoding;
  private final Path base;
  private final List<String> mode;

  /**
   * @param processorOptions {@code -Ajmigrate.…} options of the project's build (jmigrate.check is set here)
   * @param base the folder file names in messages are given relative to
   */
  ModelCheck(List<Path> sourceRoots, List<String> classpath, List<String> processorPath, List<String> processorOptions,
      Charset encoding, Path base) {
    this(sourceRoots, classpath, processorPath, processorOptions, encoding, base, List.of(CHECK));
  }

  /** @param mode the options that choose what the processor does ({@link #CHECK}, or {@code -Ajmigrate.squash=N}) */
  ModelCheck(List<Path> sourceRoots, List<String> classpath, List<String> processorPath, List<String> processorOptions,
      Charset encoding, Path base, List<String> mode) {
    this.mode = List.copyOf(mode);
    this.sourceRoots = List.copyOf(sourceRoots);
    this.classpath = List.copyOf(classpath);
    this.processorPath = List.copyOf(processorPath);
    this.processorOptions = List.copyOf(processorOptions);
    this.encoding = encoding;
    this.base = base;
  }

  Result run() throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("Maven runs on a JRE without javac; jmigrate:check needs a JDK");
    }
    List<File> sources = sources();
    if (sources.isEmpty()) {
      return new Result(List.of(), List.of(), List.of(), 0);
    }
    Path scratch = Files.createTempDirectory("jmigrate-check");
    try {
      Path classes = Files.createDirectories(scratch.resolve("classes"));
      Path generated = Files.createDirectories(scratch.resolve("generated"));
      List<String> options = new ArrayList<>(List.of(
          "-proc:only",
          "-processor", PROCESSOR,
          "-processorpath", String.join(File.pathSeparator, processorPath),
          "-classpath", String.join(File.pathSeparator, classpath),
          "-d", classes.toString(),
          "-s", generated.toString(),
          "-encoding", encoding.name()));
      for (String option : processorOptions) {
        if (!isMode(option)) { // the build's own check or squash option would fight the one asked for here
          options.add(option);
        }
      }
      options.addAll(mode);
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, encoding)) {
        javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromFiles(sources)).call();
      }
      List<String> errors = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        switch (d.getKind()) {
          case ERROR -> errors.add(describe(d));
          case WARNING, MANDATORY_WARNING -> warnings.add(describe(d));
          default -> notes.add(describe(d)); // "jmigrate: squashed …"; none in check mode
        }
      }
      return new Result(errors, warnings, notes, sources.size());
    } finally {
      delete(scratch);
    }
  }

  private static boolean isMode(String option) {
    for (String name : List.of("-Ajmigrate.check", "-Ajmigrate.squash")) {
      if (option.equals(name) || option.startsWith(name + "=")) {
        return true;
      }
    }
    return false;
  }

  /** {@code src/main/java/app/model/User.java:7: the column …}, or the bare message when it has no place. */
  private String describe(Diagnostic<? extends JavaFileObject> d) {
    String message = d.getMessage(Locale.ROOT);
    if (d.getSource() == null) {
      return message;
    }
    Path file = Path.of(d.getSource().toUri());
    String name = file.startsWith(base) ? base.relativize(file).toString() : file.toString();
    return name + (d.getLineNumber() > 0 ? ":" + d.getLineNumber() : "") + ": " + message;
  }

  private List<File> sources() throws IOException {
    List<File> out = new ArrayList<>();
    for (Path root : sourceRoots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted()
            .forEach(p -> out.add(p.toFile()));
      }
    }
    return out;
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // A temporary directory left behind is no reason to fail the check.
    }
  }
}
