package io.jmigrate.processor;

import com.google.auto.service.AutoService;
import com.squareup.javapoet.JavaFile;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.jmigrate.migration.MigrationIndex;
import io.jmigrate.migration.Operation;
import io.jmigrate.processor.codegen.MigrationNamer;
import io.jmigrate.processor.codegen.MigrationWriter;
import io.jmigrate.processor.diff.SchemaDiff;
import io.jmigrate.processor.model.ModelReader;
import io.jmigrate.processor.model.Models;
import io.jmigrate.processor.model.Problem;
import io.jmigrate.processor.snapshot.Snapshot;
import io.jmigrate.processor.snapshot.SnapshotException;
import io.jmigrate.processor.snapshot.SnapshotStore;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * One build: reads the {@code @Table} models, compares them with the committed snapshot, and
 * when they differ writes a migration class into the source tree (also through the Filer, so
 * this same build compiles it) and the new snapshot. Every build also writes the migration
 * index the runtime loads. Runs once, in the first round.
 */
@AutoService(Processor.class)
public final class MigrationProcessor extends AbstractProcessor {
  private boolean done;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*"); // also builds without models in this round must refresh the index
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Options.ALL;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (done || round.processingOver()) {
      return false;
    }
    done = true;
    try {
      new Build(round).run();
    } catch (BuildFailure e) {
      error(null, e.getMessage());
    } catch (IOException e) {
      error(null, "jmigrate could not read or write a file: " + e);
    } catch (RuntimeException e) {
      // A bug of ours: say so in one line, with what the user can report, not a stack trace.
      StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
      error(null, "jmigrate failed unexpectedly (" + e + (at == null ? "" : " at " + at)
          + "). Please report this with the models involved.");
    }
    return false;
  }

  private void error(Element element, String message) {
    if (element == null) {
      processingEnv.getMessager().printMessage(Kind.ERROR, "jmigrate: " + message);
    } else {
      processingEnv.getMessager().printMessage(Kind.ERROR, message, element);
    }
  }

  private void note(String message) {
    processingEnv.getMessager().printMessage(Kind.NOTE, "jmigrate: " + message);
  }

  /** A problem with the build's inputs (not with a model element). */
  private static final class BuildFailure extends Exception {
    BuildFailure(String message) {
      super(message);
    }
  }

  private final class Build {
    private final RoundEnvironment round;
    private final Options options;

    Build(RoundEnvironment round) {
      this.round = round;
      this.options = Options.from(processingEnv.getOptions());
    }

    void run() throws IOException, BuildFailure {
      List<TypeElement> roundModels = new ArrayList<>();
      for (Element e : round.getElementsAnnotatedWith(io.jmigrate.Table.class)) {
        roundModels.add((TypeElement) e);
      }
      roundModels.sort(Comparator.comparing(t -> t.getQualifiedName().toString()));

      Path sourceDir = options.sourceDir() != null ? options.sourceDir() : sourceRootOf(roundModels);
      if (sourceDir == null) {
        if (!roundModels.isEmpty()) {
          throw new BuildFailure("cannot tell where the source tree is (the sources are not files); "
              + "pass -A" + Options.SOURCE_DIR + "=<your source root, e.g. src/main/java>");
        }
        return; // nothing of ours in this compilation
      }
      Path snapshotPath = options.snapshot() != null ? options.snapshot() : Options.defaultSnapshot(sourceDir);
      String committed = Files.exists(snapshotPath) ? Files.readString(snapshotPath, StandardCharsets.UTF_8) : null;
      if (roundModels.isEmpty() && committed == null) {
        return;
      }
      Models models = new ModelReader().read(roundModels);
      if (committed != null && models.problems().isEmpty() && upToDate(committed, models, sourceDir, snapshotPath)) {
        return;
      }

      Snapshot snapshot = parseSnapshot(committed, snapshotPath);
      List<TypeElement> all = allModels(roundModels, snapshot, sourceDir);
      if (all.size() != roundModels.size()) {
        models = new ModelReader().read(all);
      }
      if (report(models.problems())) {
        return;
      }
      String pkg = migrationsPackage(snapshot, models);
      MigrationFiles files = MigrationFiles.list(sourceDir.resolve(pkg.replace('.', '/')));
      checkBaseline(snapshot, files, snapshotPath);

      SchemaDiff.Result diff = SchemaDiff.compare(snapshot.schema(), models.schema(),
          models.intents(snapshot.tableClasses()));
      if (report(diff.findings().stream().map(models::problem).toList())) {
        return;
      }
      List<Operation> ops = diff.operations();
      List<String> migrations = new ArrayList<>(files.classNames());
      if (!ops.isEmpty()) {
        if (options.check()) {
          StringBuilder s = new StringBuilder("the models differ from the snapshot " + snapshotPath
              + "; a build without -A" + Options.CHECK + " would generate a migration with:");
          ops.forEach(op -> s.append("\n  - ").append(op));
          throw new BuildFailure(s.toString());
        }
        int version = Math.max(files.latestVersion(), snapshot.latestVersion()) + 1;
        String className = MigrationNamer.className(version, ops);
        JavaFile migration = MigrationWriter.write(pkg, className, version, ops);
        Path target = files.directory().resolve(className + ".java");
        Files.createDirectories(files.directory());
        Files.writeString(target, migration.toString(), StandardCharsets.UTF_8);
        migration.writeTo(processingEnv.getFiler()); // compiled by this same build
        Snapshot next = new Snapshot(models.schema(), models.tableClasses(), version, pkg + "." + className);
        writeIfChanged(snapshotPath, SnapshotStore.write(next));
        migrations.add(className);
        note("wrote " + target + " (" + MigrationNamer.description(ops) + ") and updated " + snapshotPath);
      } else if (!snapshot.tableClasses().equals(models.tableClasses()) && !options.check()) {
        // Same schema, but a model class moved: keep the snapshot's class names current.
        Snapshot next = new Snapshot(snapshot.schema(), models.tableClasses(), snapshot.latestVersion(),
            snapshot.latestClass());
        writeIfChanged(snapshotPath, SnapshotStore.write(next));
      }
      if (!migrations.isEmpty()) {
        writeIndex(pkg, migrations);
      }
    }

    /** The round's models, plus models the snapshot names that this (partial) compilation did not include. */
    private List<TypeElement> allModels(List<TypeElement> roundModels, Snapshot snapshot, Path sourceDir) {
      Map<String, TypeElement> all = new TreeMap<>();
      roundModels.forEach(t -> all.put(t.getQualifiedName().toString(), t));
      for (String className : snapshot.tableClasses().values()) {
        if (all.containsKey(className)) {
          continue;
        }
        TypeElement t = processingEnv.getElementUtils().getTypeElement(className);
        if (t == null || t.getAnnotation(io.jmigrate.Table.class) == null) {
          continue; // deleted, or no longer a model
        }
        if (isInThisCompilation(t) || sourceFileExists(t, sourceDir)) {
          all.put(className, t); // still there, only not recompiled this time
        }
        // Otherwise only a stale class file remains: the source was deleted.
      }
      return new ArrayList<>(all.values());
    }

    private boolean isInThisCompilation(TypeElement t) {
      try {
        return Trees.instance(processingEnv).getPath(t) != null;
      } catch (IllegalArgumentException | NoClassDefFoundError e) {
        return false;
      }
    }

    private boolean sourceFileExists(TypeElement t, Path sourceDir) {
      TypeElement top = t;
      while (top.getEnclosingElement() instanceof TypeElement outer) {
        top = outer;
      }
      String pkg = processingEnv.getElementUtils().getPackageOf(top).getQualifiedName().toString();
      Path dir = pkg.isEmpty() ? sourceDir : sourceDir.resolve(pkg.replace('.', '/'));
      return Files.exists(dir.resolve(top.getSimpleName() + ".java"));
    }

    /** The source root of the first model whose source is a file: its path less its package's folders. */
    private Path sourceRootOf(List<TypeElement> models) {
      for (TypeElement model : models) {
        try {
          TreePath path = Trees.instance(processingEnv).getPath(model);
          if (path == null) {
            continue;
          }
          URI uri = path.getCompilationUnit().getSourceFile().toUri();
          if (!"file".equals(uri.getScheme())) {
            continue;
          }
          Path dir = Path.of(uri).getParent();
          PackageElement pkg = processingEnv.getElementUtils().getPackageOf(model);
          int depth = pkg.isUnnamed() ? 0 : pkg.getQualifiedName().toString().split("\\.").length;
          for (int i = 0; i < depth && dir != null; i++) {
            dir = dir.getParent();
          }
          if (dir != null) {
            return dir;
          }
        } catch (IllegalArgumentException | NoClassDefFoundError e) {
          return null; // not javac: the option is needed
        }
      }
      return null;
    }

    /**
     * The common case, made cheap: when the models render to exactly the committed snapshot,
     * nothing changed, and neither parsing the snapshot nor diffing is needed. Returns false
     * whenever it cannot tell (a partial compilation, a hand-formatted file), and the full path
     * decides.
     */
    private boolean upToDate(String committed, Models models, Path sourceDir, Path snapshotPath)
        throws IOException, BuildFailure {
      Snapshot header = SnapshotStore.readHeader(committed);
      if (header == null) {
        return false;
      }
      String pkg = migrationsPackage(header, models);
      Snapshot current = new Snapshot(models.schema(), models.tableClasses(), header.latestVersion(), header.latestClass());
      if (!SnapshotStore.write(current).equals(committed)) {
        return false; // includes a damaged file: only the full read explains what is wrong
      }
      MigrationFiles files = MigrationFiles.list(sourceDir.resolve(pkg.replace('.', '/')));
      checkBaseline(header, files, snapshotPath);
      if (!models.droppableTables().isEmpty() || !models.droppableColumns().isEmpty()
          || !models.tableRenames().isEmpty() || !models.columnRenames().isEmpty()) {
        // nothing changed: every @Drop is left over, and so is a swap of names (which the diff cannot tell)
        report(SchemaDiff.compare(models.schema(), models.schema(), models.intents(Map.of())).findings().stream()
            .map(models::problem).toList());
      }
      if (!files.entries().isEmpty()) {
        writeIndex(pkg, files.classNames());
      }
      return true;
    }

    private Snapshot parseSnapshot(String committed, Path path) throws BuildFailure {
      if (committed == null) {
        return Snapshot.EMPTY;
      }
      try {
        return SnapshotStore.read(committed);
      } catch (SnapshotException e) {
        throw new BuildFailure(e.getMessage() + " (" + path + "). Restore the file from version control "
            + "(git checkout -- " + path.getFileName() + "); jmigrate will not generate migrations from a broken base.");
      }
    }

    private String migrationsPackage(Snapshot snapshot, Models models) {
      if (options.packageName() != null) {
        return options.packageName();
      }
      if (snapshot.latestClass() != null && snapshot.latestClass().contains(".")) {
        return snapshot.latestClass().substring(0, snapshot.latestClass().lastIndexOf('.'));
      }
      List<String> packages = models.tableElements().values().stream()
          .map(t -> processingEnv.getElementUtils().getPackageOf(t).getQualifiedName().toString())
          .toList();
      String common = packages.isEmpty() ? "" : packages.get(0);
      for (String p : packages) {
        while (!(p.equals(common) || p.startsWith(common + ".")) && !common.isEmpty()) {
          common = common.contains(".") ? common.substring(0, common.lastIndexOf('.')) : "";
        }
      }
      String last = common.contains(".") ? common.substring(common.lastIndexOf('.') + 1) : common;
      if (Set.of("model", "models", "entity", "entities", "domain").contains(last)) {
        common = common.contains(".") ? common.substring(0, common.lastIndexOf('.')) : "";
      }
      return common.isEmpty() ? "migrations" : common + ".migrations";
    }

    /** A base that disagrees with itself is an error, never something to generate from. */
    private void checkBaseline(Snapshot snapshot, MigrationFiles files, Path snapshotPath) throws BuildFailure {
      Map<Integer, String> seen = new HashMap<>();
      for (MigrationFiles.Entry e : files.entries()) {
        String other = seen.put(e.version(), e.className());
        if (other != null) {
          throw new BuildFailure("two migrations have version " + e.version() + ": " + other + " and "
              + e.className() + " in " + files.directory() + ". Two branches each added one. Keep the one "
              + "that is already applied somewhere (usually the one on the main branch), delete the other, "
              + "take schema.json from the main branch, and build again: jmigrate regenerates your change "
              + "as the next version.");
        }
      }
      if (snapshot.latestClass() != null) {
        String simple = snapshot.latestClass().substring(snapshot.latestClass().lastIndexOf('.') + 1);
        if (!files.classNames().contains(simple)) {
          throw new BuildFailure("the snapshot " + snapshotPath + " records " + simple + " as the latest "
              + "migration, but " + files.directory().resolve(simple + ".java") + " does not exist. Restore it "
              + "from version control; if you deleted it on purpose, also restore schema.json to the version "
              + "that matches the remaining migrations (git checkout), then build again.");
        }
      }
      if (files.latestVersion() != snapshot.latestVersion()) {
        throw new BuildFailure("the snapshot " + snapshotPath + " does not match the committed migrations: it "
            + "was written with migration version " + snapshot.latestVersion() + ", but the latest in "
            + files.directory() + " is " + files.latestVersion() + ". This happens when a merge takes one "
            + "branch's migrations and another branch's schema.json. Take schema.json from the branch whose "
            + "latest migration you kept, delete any migration that is newer than it, and build again.");
      }
    }

    /** Reports the problems; true when any of them is an error. */
    private boolean report(List<Problem> problems) {
      boolean failed = false;
      for (Problem p : problems) {
        if (p.warning()) {
          processingEnv.getMessager().printMessage(Kind.WARNING, p.message(), p.element());
        } else {
          error(p.element(), p.message());
          failed = true;
        }
      }
      return failed;
    }

    private void writeIfChanged(Path path, String content) throws IOException {
      if (Files.exists(path) && Files.readString(path, StandardCharsets.UTF_8).equals(content)) {
        return;
      }
      Files.createDirectories(path.getParent());
      Files.writeString(path, content, StandardCharsets.UTF_8);
    }

    /** A resource, not a class: a generated source would cost javac another round over every file. */
    private void writeIndex(String pkg, List<String> migrations) throws IOException {
      FileObject index = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "",
          MigrationIndex.RESOURCE);
      try (Writer w = index.openWriter()) {
        w.write(MigrationIndex.render(migrations.stream().map(m -> pkg + "." + m).toList()));
      }
    }
  }
}
