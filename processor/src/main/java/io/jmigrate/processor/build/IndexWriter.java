package io.jmigrate.processor.build;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.MigrationIndex;
import io.jmigrate.migration.SquashedMigration;
import java.io.IOException;
import java.io.Writer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The migration index the runtime loads, written on every build from the migration files that
 * exist, and the class output kept free of migrations whose file was deleted: a build tool that
 * did not notice the deletion (the generated file was never one of its inputs) would otherwise
 * ship the stale class.
 *
 * <p>The index is written twice in one build: while processing (class names and versions; the
 * classes do not exist yet), and once javac has written every class file, again with each
 * migration's checksum and fingerprint taken from the compiled class itself (a javac task
 * listener). So the checksums the runtime compares with the history without loading a class are
 * those of the very classes this build produced, hand edits included. Where that second write
 * cannot happen (a compiler other than javac, a class output that is not a directory, a class
 * that cannot be loaded here), the line keeps {@code -} and the runtime loads that class itself.
 */
public final class IndexWriter {
  private static final Pattern MIGRATION_CLASS = Pattern.compile("(V\\d+_\\w+?)(\\$.*)?\\.class");
  private static final Pattern VERSION = Pattern.compile("V(\\d+)_\\w+");

  private final ProcessingEnvironment env;

  public IndexWriter(ProcessingEnvironment env) {
    this.env = env;
  }

  /**
   * Writes the index listing these migrations (simple names in {@code pkg}, in version order)
   * and removes the classes of other migrations from the package's class output.
   *
   * @return the class files removed
   */
  public List<Path> write(String pkg, List<String> migrations) throws IOException {
    return write(pkg, migrations, null);
  }

  /**
   * As {@link #write(String, List)}, and hands {@code written} the index's final text (with the checksums
   * of the compiled classes) once javac has written them; never when that cannot be told.
   */
  public List<Path> write(String pkg, List<String> migrations, java.util.function.Consumer<String> written)
      throws IOException {
    Path out = SourceLayout.classOutput(env);
    List<String> names = new ArrayList<>();
    migrations.forEach(m -> names.add(pkg.isEmpty() ? m : pkg + "." + m));
    if (!migrations.isEmpty() || (out != null && Files.exists(out.resolve(MigrationIndex.RESOURCE)))) {
      // A resource, not a class: a generated source would cost javac another round over every file.
      FileObject index = env.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", MigrationIndex.RESOURCE);
      try (Writer w = index.openWriter()) {
        w.write(render(unchecked(names)));
      }
      if (out != null && !names.isEmpty()) {
        completeAfterCompilation(out, names, written);
      } else if (written != null) {
        written.accept(render(unchecked(names)));
      }
    } else if (written != null) {
      written.accept("");
    }
    return out == null ? List.of() : removeStale(pkg.isEmpty() ? out : out.resolve(pkg.replace('.', '/')), Set.copyOf(migrations));
  }

  /**
   * Writes an index recorded by an earlier build whose inputs were the same ({@link BuildState}): its
   * text already has the checksums, so nothing is loaded after the compilation. Removes the classes of
   * other migrations from the package's class output, as {@link #write(String, List)} does.
   */
  public List<Path> writeRecorded(String pkg, List<String> migrations, String text) throws IOException {
    Path out = SourceLayout.classOutput(env);
    if (!migrations.isEmpty() || (out != null && Files.exists(out.resolve(MigrationIndex.RESOURCE)))) {
      FileObject index = env.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", MigrationIndex.RESOURCE);
      try (Writer w = index.openWriter()) {
        w.write(migrations.isEmpty() ? render(List.of()) : text);
      }
    }
    return out == null ? List.of() : removeStale(pkg.isEmpty() ? out : out.resolve(pkg.replace('.', '/')), Set.copyOf(migrations));
  }

  /**
   * A compilation of migrations without models: javac after kapt (kapt's run over Kotlin's stubs wrote the
   * migrations and the index, but compiles nothing), or an IDE recompiling one migration. When it compiles a
   * migration the index in the class output lists, the index gets the checksums of the classes written here,
   * so that start-up needs no class for an up-to-date database.
   */
  public void completeExisting(Collection<? extends Element> roots) throws IOException {
    Path out = SourceLayout.classOutput(env);
    Path index = out == null ? null : out.resolve(MigrationIndex.RESOURCE);
    if (index == null || !Files.isRegularFile(index)) {
      return;
    }
    List<String> names = MigrationIndex.read(index.toUri().toURL()).stream().map(MigrationIndex.Entry::className)
        .toList();
    boolean compilesOne = roots.stream()
        .anyMatch(e -> e instanceof TypeElement t && names.contains(t.getQualifiedName().toString()));
    if (compilesOne) {
      completeAfterCompilation(out, names, null);
    }
  }

  /** Entries with the version the class name gives and nothing the class itself would say. */
  private static List<MigrationIndex.Entry> unchecked(List<String> classNames) {
    List<MigrationIndex.Entry> out = new ArrayList<>();
    for (String n : classNames) {
      Matcher m = VERSION.matcher(n.substring(n.lastIndexOf('.') + 1));
      out.add(new MigrationIndex.Entry(n, m.matches() ? Integer.parseInt(m.group(1)) : 0, null, null, false));
    }
    return out;
  }

  /** Rewrites the index with checksums once javac has written the class files of this compilation. */
  private void completeAfterCompilation(Path classOutput, List<String> classNames,
      java.util.function.Consumer<String> written) {
    JavacTask task;
    try {
      task = JavacTask.instance(env);
    } catch (IllegalArgumentException | LinkageError notJavac) {
      return; // the index keeps "-": the runtime loads those classes itself
    }
    task.addTaskListener(new TaskListener() {
      @Override
      public void finished(TaskEvent e) {
        if (e.getKind() == TaskEvent.Kind.COMPILATION) {
          try {
            String text = render(checked(classOutput, classNames));
            Files.writeString(classOutput.resolve(MigrationIndex.RESOURCE), text, StandardCharsets.UTF_8);
            if (written != null) {
              written.accept(text);
            }
          } catch (IOException | RuntimeException ignored) {
            // the index written while processing stays: correct, only slower at start-up
          }
        }
      }
    });
  }

  /** The entries, each completed from its compiled class where that class loads here. */
  static List<MigrationIndex.Entry> checked(Path classOutput, List<String> classNames) throws IOException {
    List<MigrationIndex.Entry> out = new ArrayList<>();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classOutput.toUri().toURL()},
        IndexWriter.class.getClassLoader())) {
      for (MigrationIndex.Entry e : unchecked(classNames)) {
        out.add(entry(e, loader));
      }
    }
    return out;
  }

  private static MigrationIndex.Entry entry(MigrationIndex.Entry e, ClassLoader loader) {
    try {
      Migration m = (Migration) Class.forName(e.className(), true, loader).getDeclaredConstructor().newInstance();
      return new MigrationIndex.Entry(e.className(), m.version(), m.checksum(), m.schemaFingerprint(),
          m instanceof SquashedMigration);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError cannot) {
      return e; // a step that needs the application's libraries, say: the runtime checksums it
    }
  }

  private static List<Path> removeStale(Path dir, Set<String> migrations) throws IOException {
    List<Path> removed = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return removed;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Matcher m = MIGRATION_CLASS.matcher(p.getFileName().toString());
        if (m.matches() && !migrations.contains(m.group(1))) {
          Files.deleteIfExists(p);
          removed.add(p);
        }
      }
    }
    removed.sort(null);
    return removed;
  }

  /** The index file's text: a comment line, then one line per migration (the format is {@link MigrationIndex}'s). */
  public static String render(List<MigrationIndex.Entry> entries) {
    StringBuilder s = new StringBuilder("# jmigrate: the migrations of this application, in version order (generated on"
        + " every build): class version checksum fingerprint [squashed]\n");
    MigrationIndex.Summary summary = MigrationIndex.Summary.of(entries);
    if (summary != null) {
      s.append(summary.line()).append('\n'); // what start-up compares with the history, without reading the rest
    }
    entries.forEach(e -> s.append(e.line()).append('\n'));
    return s.toString();
  }
}
