package io.jmigrate.processor.build;

import io.jmigrate.migration.MigrationIndex;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.annotation.processing.ProcessingEnvironment;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The migration index the runtime loads, written on every build from the migration files that
 * exist, and the class output kept free of migrations whose file was deleted: a build tool that
 * did not notice the deletion (the generated file was never one of its inputs) would otherwise
 * ship the stale class.
 */
public final class IndexWriter {
  private static final Pattern MIGRATION_CLASS = Pattern.compile("(V\\d+_\\w+?)(\\$.*)?\\.class");

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
    Path out = SourceLayout.classOutput(env);
    if (!migrations.isEmpty() || (out != null && Files.exists(out.resolve(MigrationIndex.RESOURCE)))) {
      // A resource, not a class: a generated source would cost javac another round over every file.
      FileObject index = env.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", MigrationIndex.RESOURCE);
      try (Writer w = index.openWriter()) {
        w.write(render(migrations.stream().map(m -> pkg.isEmpty() ? m : pkg + "." + m).toList()));
      }
    }
    return out == null ? List.of() : removeStale(pkg.isEmpty() ? out : out.resolve(pkg.replace('.', '/')), Set.copyOf(migrations));
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

  /** The index file's text: a comment line, then one class name per line (read by {@code MigrationIndex}). */
  static String render(List<String> classNames) {
    StringBuilder s = new StringBuilder("# jmigrate: the migrations of this application, in version order (generated on every build)\n");
    classNames.forEach(n -> s.append(n).append('\n'));
    return s.toString();
  }
}
