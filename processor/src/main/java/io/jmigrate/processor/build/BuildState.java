package io.jmigrate.processor.build;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.jmigrate.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.tools.JavaFileObject;

/**
 * What a no-change build needs to know that nothing changed, without reading the models again: a
 * digest of everything the previous build's answer depended on, recorded when that build found the
 * models equal to the snapshot, with the index it wrote. A later build whose inputs have the same
 * digest gives the same answer (nothing to write) and the same index, so it writes that index and
 * stops.
 *
 * <p>The digest covers the text of every source file of the compilation (so any edit anywhere,
 * a constant of another class included, takes the full path), the snapshot's bytes, the migration
 * files' names, sizes and dates, every processor option (and the {@code jmigrate.check} property),
 * the Java version, the jars or folders the processor was loaded from (its version, and the dialects
 * beside it), and what the models read from the compile class path beyond the sources: which
 * Hibernate line it has and whether Hibernate Validator is there. A build records a state only when
 * its models reach no user type outside the compiled sources ({@link ModelClosure}): a superclass or
 * constant from a jar could change with the same sources, and such a project always takes the full
 * path.
 *
 * <p>The file lives beside the class output ({@code target/classes.jmigrate-state} for Maven), not in
 * the source tree (it changes with every edit, and is never committed) nor inside the class output
 * (it would be packaged). {@code mvn clean} removes it; a build without it takes the full path.
 */
public final class BuildState {
  static final String HEADER = "# jmigrate build state 1: the inputs' digest, the snapshot, the migrations' folder, "
      + "package and classes, the index";

  private BuildState() {}

  /** Where a build into {@code classOutput} keeps its state, or null when the output has no parent folder. */
  public static Path file(Path classOutput) {
    if (classOutput == null || classOutput.getParent() == null || classOutput.getFileName() == null) {
      return null;
    }
    return classOutput.resolveSibling(classOutput.getFileName() + ".jmigrate-state");
  }

  /**
   * A recorded state: the digest of the inputs, the snapshot and the migrations' folder it covers, the
   * migrations package and its migrations (simple names, in order), and the index text (with checksums).
   */
  public record Recorded(String digest, Path snapshot, Path migrationsDir, String pkg, List<String> migrations,
      String index) {}

  /** The state recorded in {@code file}, or null when there is none or it is not one. */
  public static Recorded read(Path file) {
    if (file == null) {
      return null;
    }
    try {
      if (!Files.isRegularFile(file)) {
        return null;
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String[] lines = text.split("\n", 7);
      if (lines.length != 7 || !lines[0].equals(HEADER)) {
        return null;
      }
      List<String> migrations = lines[5].isEmpty() ? List.of() : List.of(lines[5].split(" "));
      return new Recorded(lines[1], Path.of(lines[2]), Path.of(lines[3]), lines[4], migrations, lines[6]);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Writes the state; a failure only costs the next build its shortcut, and removes a stale file. */
  public static void write(Path file, Recorded state) {
    try {
      Files.writeString(file, HEADER + "\n" + state.digest() + "\n" + state.snapshot() + "\n" + state.migrationsDir()
          + "\n" + state.pkg() + "\n" + String.join(" ", state.migrations()) + "\n" + state.index(), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      forget(file);
    }
  }

  /** Removes a recorded state (a build that found something to say, or write, records none). */
  public static void forget(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException | RuntimeException ignored) {
      // a state that no longer matches its inputs is never used anyway
    }
  }

  /**
   * The digest of this build's inputs, or null when they cannot all be read (a source that is not a
   * file, a compiler other than javac): then there is no shortcut.
   *
   * @param classPathFacts what the models read from the compile class path, in words
   */
  public static String digest(ProcessingEnvironment env, Collection<? extends Element> roots, Path snapshot,
      Path migrationsDir, String classPathFacts) {
    try {
      Digest d = new Digest();
      d.line("java " + System.getProperty("java.version") + " source " + env.getSourceVersion());
      d.line("check property " + System.getProperty(Options.CHECK));
      for (Map.Entry<String, String> o : new TreeMap<>(env.getOptions()).entrySet()) {
        d.line("option " + o.getKey() + "=" + o.getValue());
      }
      d.line("class path " + classPathFacts);
      processorPath(d);
      d.line("snapshot " + snapshot);
      d.file(snapshot);
      d.line("migrations " + migrationsDir);
      if (Files.isDirectory(migrationsDir)) {
        List<String> entries = new ArrayList<>();
        try (var files = Files.list(migrationsDir)) {
          for (Path p : (Iterable<Path>) files::iterator) {
            entries.add(p.getFileName() + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis());
          }
        }
        entries.sort(null);
        entries.forEach(d::line);
      }
      Trees trees = Trees.instance(env);
      TreeMap<String, JavaFileObject> sources = new TreeMap<>();
      for (Element e : roots) {
        TreePath path = trees.getPath(e);
        if (path == null) {
          return null; // a root javac did not parse from a file here
        }
        JavaFileObject file = path.getCompilationUnit().getSourceFile();
        sources.put(file.getName(), file);
      }
      for (Map.Entry<String, JavaFileObject> s : sources.entrySet()) {
        d.line("source " + s.getKey());
        try (InputStream in = s.getValue().openInputStream()) {
          d.stream(in);
        }
      }
      return d.value();
    } catch (IOException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  /** The jars or folders the processor's classes came from: their paths, sizes and dates. */
  private static void processorPath(Digest d) throws IOException {
    ClassLoader loader = BuildState.class.getClassLoader();
    List<URL> urls = new ArrayList<>();
    if (loader instanceof URLClassLoader u) {
      urls.addAll(List.of(u.getURLs())); // javac's -processorpath: jmigrate and the dialects beside it
    }
    for (Class<?> c : List.of(BuildState.class, Schema.class)) {
      CodeSource source = c.getProtectionDomain().getCodeSource();
      if (source != null && source.getLocation() != null) {
        urls.add(source.getLocation());
      }
    }
    for (URL url : urls) {
      d.line("processor path " + url);
      if (!"file".equals(url.getProtocol())) {
        continue;
      }
      Path p;
      try {
        p = Path.of(url.toURI());
      } catch (URISyntaxException | IllegalArgumentException e) {
        continue;
      }
      if (Files.isRegularFile(p)) {
        d.line(Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis());
      } else if (Files.isDirectory(p)) { // classes in a folder (an IDE, this project's tests): the classes' dates
        for (Class<?> c : List.of(BuildState.class, Schema.class)) {
          Path f = p.resolve(c.getName().replace('.', '/') + ".class");
          if (Files.isRegularFile(f)) {
            d.line(c.getName() + " " + Files.size(f) + " " + Files.getLastModifiedTime(f).toMillis());
          }
        }
      }
    }
  }

  /** Two 32-bit checksums (CRC-32 and Adler-32, both computed natively) over lines and file contents, and their length. */
  private static final class Digest {
    private final CRC32 crc = new CRC32();
    private final Adler32 adler = new Adler32();
    private long length;

    /** One buffer for every file: the digest allocates next to nothing per file. */
    private final byte[] buffer = new byte[1 << 16];

    void file(Path p) throws IOException {
      if (Files.isRegularFile(p)) {
        try (InputStream in = Files.newInputStream(p)) {
          stream(in);
        }
      } else {
        line("(absent)");
      }
    }

    void line(String s) {
      byte[] b = (s + "\n").getBytes(StandardCharsets.UTF_8);
      crc.update(b, 0, b.length);
      adler.update(b, 0, b.length);
      length += b.length;
    }

    /** A file's bytes, then their length as a frame, so that no two different sequences of files run together. */
    void stream(InputStream in) throws IOException {
      long n = 0;
      for (int r = in.read(buffer); r >= 0; r = in.read(buffer)) {
        crc.update(buffer, 0, r);
        adler.update(buffer, 0, r);
        n += r;
      }
      line("<" + n + ">");
    }

    String value() {
      return String.format("%08x%08x-%d", crc.getValue(), adler.getValue(), length);
    }
  }
}
