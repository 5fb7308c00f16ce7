package io.jmigrate.processor;

import com.google.auto.service.AutoService;
import com.squareup.javapoet.JavaFile;
import io.jmigrate.migration.Operation;
import io.jmigrate.processor.build.Baseline;
import io.jmigrate.processor.build.BuildFailure;
import io.jmigrate.processor.build.BuildState;
import io.jmigrate.processor.build.ModelClosure;
import io.jmigrate.processor.build.Findings;
import io.jmigrate.processor.build.IndexWriter;
import io.jmigrate.processor.build.MavenCompilerState;
import io.jmigrate.processor.build.Squasher;
import io.jmigrate.processor.build.MigrationFiles;
import io.jmigrate.processor.build.ModelLookup;
import io.jmigrate.processor.build.OfflineAnnotations;
import io.jmigrate.processor.build.Options;
import io.jmigrate.processor.build.SnapshotFile;
import io.jmigrate.processor.build.SourceLayout;
import io.jmigrate.processor.codegen.MigrationNamer;
import io.jmigrate.processor.codegen.MigrationWriter;
import io.jmigrate.processor.diff.OnlineCheck;
import io.jmigrate.processor.diff.Intents;
import io.jmigrate.processor.diff.Rename;
import io.jmigrate.processor.diff.GeneratorRows;
import io.jmigrate.processor.diff.SchemaDiff;
import io.jmigrate.processor.model.assemble.ModelReader;
import io.jmigrate.processor.model.extract.HibernateLine;
import io.jmigrate.processor.model.extract.JpaExtractor;
import io.jmigrate.processor.model.extract.JpaNaming;
import io.jmigrate.processor.model.extract.ModelExtractor;
import io.jmigrate.processor.model.validate.ModelValidator;
import io.jmigrate.processor.model.Models;
import io.jmigrate.processor.model.Problem;
import io.jmigrate.processor.model.ProblemPrinter;
import io.jmigrate.processor.snapshot.Snapshot;
import io.jmigrate.processor.snapshot.SnapshotStore;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.SchemaFingerprint;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;
import javax.tools.JavaFileObject;

/**
 * One build: extract and validate the {@code @Table} models, check the committed snapshot
 * against the committed migrations (the base), diff the models against it (operations in
 * order), and when they differ write a migration class into the source tree (also through the
 * Filer, so this same build compiles it) and the new snapshot. Every build also writes the
 * migration index the runtime loads. Runs once, in the first round; a compilation of test
 * sources is left alone.
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
      new Build(annotations, round).run();
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

  private final class Build {
    private final RoundEnvironment round;
    private final Options options;
    private OnlineCheck.Mode online;
    /**
     * The annotation types present in this round, by name. Looking a type up by name costs javac a
     * search of every module when the type is absent (javax.persistence next to jakarta, say), so
     * entities and converters are found from the annotations the round has.
     */
    private final Map<String, TypeElement> present = new TreeMap<>();
    /** Where this build's state is kept ({@link BuildState}); null when the class output does not say. */
    private Path stateFile;
    /**
     * The inputs' digest as this build computed it, and the snapshot and migrations folder it covers: the shortcut's
     * check and the state a no-change build records need the same one, so the sources are read once.
     */
    private String digest;
    private List<Path> digestOf;
    private String classPathFacts;
    /** The models and converters this round read, for {@link ModelClosure}. */
    private List<TypeElement> read = List.of();

    Build(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      for (TypeElement a : annotations) {
        present.put(a.getQualifiedName().toString(), a);
      }
      this.round = round;
      this.options = Options.from(processingEnv.getOptions());
    }

    void run() throws IOException, BuildFailure {
      // The shortcut: the same inputs as a build that found nothing to do give the same answer and index.
      stateFile = BuildState.file(SourceLayout.classOutput(processingEnv));
      BuildState.Recorded recorded = BuildState.read(stateFile);
      if (recorded != null) {
        if (recorded.digest().equals(digest(recorded.snapshot(), recorded.migrationsDir()))) {
          List<Path> removed = new IndexWriter(processingEnv).writeRecorded(recorded.pkg(), recorded.migrations(),
              recorded.index());
          if (!removed.isEmpty()) {
            note("removed from the class output the classes of migrations whose source file is gone: " + removed);
          }
          return;
        }
        BuildState.forget(stateFile); // recorded again below if this build finds nothing to do either
      }
      List<TypeElement> roundModels = new ArrayList<>();
      for (Element e : round.getElementsAnnotatedWith(io.jmigrate.Table.class)) {
        roundModels.add((TypeElement) e);
      }
      // JPA entities, by name: the processor has no JPA dependency and reads whichever API is present.
      List<TypeElement> converters = new ArrayList<>();
      for (String name : JpaExtractor.entityAnnotations()) {
        TypeElement entity = present.get(name);
        for (Element e : entity == null ? Set.<Element>of() : round.getElementsAnnotatedWith(entity)) {
          if (e instanceof TypeElement t && !roundModels.contains(t)) {
            roundModels.add(t);
          }
        }
      }
      for (String name : JpaExtractor.converterAnnotations()) {
        TypeElement converter = present.get(name);
        for (Element e : converter == null ? Set.<Element>of() : round.getElementsAnnotatedWith(converter)) {
          if (e instanceof TypeElement t) {
            converters.add(t);
          }
        }
      }
      JpaNaming naming = JpaNaming.of(options.naming());
      if (naming == null) {
        throw new BuildFailure("-A" + Options.NAMING + "=" + options.naming() + " is not a naming; use snake_case "
            + "(Spring Boot's, the default) or jpa (Hibernate's own: names as written)");
      }
      String hibernateOption = processingEnv.getOptions().get(Options.HIBERNATE);
      HibernateLine hibernate = HibernateLine.of(hibernateOption, processingEnv.getElementUtils());
      if (hibernate == null) {
        throw new BuildFailure("-A" + Options.HIBERNATE + "=" + hibernateOption + " is not a Hibernate version; use 6.6 "
            + "(Spring Boot 3.5) or 7 (Spring Boot 4, Quarkus), or leave it out to follow the Hibernate on the class path"
            + (hibernateOption.trim().startsWith("5") ? " (jmigrate does not reproduce Hibernate 5's schema: upgrade to "
            + "6.6 or 7; without the option, a Hibernate 5 on the class path is read as 6.6, with a warning saying what "
            + "differs)" : ""));
      }
      ModelExtractor extractor = new ModelExtractor(new JpaExtractor(naming, converters, processingEnv.getTypeUtils(),
          options.dialects(), processingEnv.getElementUtils().getTypeElement(JpaExtractor.VALIDATOR) != null)
          .following(hibernate).collation(processingEnv.getOptions().get(Options.COLLATION)));
      roundModels.sort(Comparator.comparing(t -> t.getQualifiedName().toString()));
      List<String> unknown = options.dialects().stream().filter(d -> !ModelValidator.dialects().contains(d)).toList();
      if (!unknown.isEmpty()) {
        throw new BuildFailure("-A" + Options.DIALECTS + " names the unknown dialect" + (unknown.size() == 1 ? " " : "s ")
            + String.join(", ", unknown) + "; the dialects are " + String.join(", ", ModelValidator.dialects()));
      }
      online = OnlineCheck.Mode.parse(options.online());
      if (online == null) {
        throw new BuildFailure("-A" + Options.ONLINE + "=" + options.online() + " is not a mode; the modes are warn (the "
            + "default), strict and off");
      }

      String testCompilation = SourceLayout.testCompilation(processingEnv, round.getRootElements());
      if (testCompilation != null) {
        if (!roundModels.isEmpty()) {
          note("this compiles test sources (" + testCompilation + "): @Table classes in test sources are not "
              + "models of the application and get no migrations ("
              + String.join(", ", roundModels.stream().map(t -> t.getQualifiedName().toString()).toList()) + ")");
        }
        return; // never the main chain: no migration, snapshot or second index on the test class path
      }
      SourceLayout layout = SourceLayout.of(processingEnv, options, roundModels);
      if (layout == null) {
        // No models here: javac after kapt, say, which compiles the migrations kapt's run wrote and indexed
        new IndexWriter(processingEnv).completeExisting(round.getRootElements());
        return;
      }
      SnapshotFile snapshotFile = SnapshotFile.read(layout.snapshot());
      if (roundModels.isEmpty() && !snapshotFile.exists()) {
        return;
      }

      warnOfHibernate5(roundModels);

      // Extract and validate.
      Models models = new ModelReader(extractor, options.dialects()).read(roundModels);
      int squash = Squasher.requested(processingEnv);
      this.read = new ArrayList<>(roundModels);
      this.read.addAll(converters);
      if (squash == 0 && snapshotFile.exists() && models.problems().isEmpty() && upToDate(layout, snapshotFile, models, extractor.generatorRows())) {
        return;
      }
      Snapshot committed = snapshotFile.parse();
      List<TypeElement> all = ModelLookup.complete(processingEnv, roundModels, committed, layout.sourceDir());
      if (all.size() != roundModels.size()) {
        models = new ModelReader(extractor, options.dialects()).read(all);
      }
      if (report(models.problems())) {
        return;
      }

      // The base: the snapshot, checked against the migrations (and stepped back over a deleted latest one).
      String pkg = layout.migrationsPackage(committed, models.tableElements().values());
      MigrationFiles files = MigrationFiles.list(layout.packageDir(pkg));
      Baseline.Result baseline = Baseline.check(committed, snapshotFile.exists(), files, layout.snapshot());
      Snapshot base = baseline.base();

      // Diff: the operations, in order.
      SchemaDiff.Result diff = SchemaDiff.compare(base.schema(), models.schema(),
          Intents.of(models, base.tableClasses(), base.renames()));
      Models read = models;
      if (report(diff.findings().stream().map(f -> Findings.atDeclaration(f, read)).toList())) {
        return;
      }
      Map<String, Map<String, Long>> generatorRows = extractor.generatorRows();
      List<Operation> ops = GeneratorRows.added(diff.operations(), models.schema(), generatorRows, base.generatorRows());

      if (squash > 0 && !options.check()) {
        Squasher.Result squashed = Squasher.squash(processingEnv, squash, pkg, files, base, ops, generatorRows);
        snapshotFile.write(squashed.snapshot());
        note("squashed " + squashed.deleted().size() + " migrations into " + squashed.file() + " and deleted "
            + squashed.deleted().size() + " migration source files; commit both. A database below version " + squash
            + " must first be migrated to it with a build from before the squash.");
        writeIndex(pkg, List.of(squashed.className()));
        return;
      }

      // What cannot run online on the target dialects: warnings, or errors in strict mode.
      OfflineAnnotations offline = OfflineAnnotations.read(models);
      if (report(offline.problems()) | report(onlineFindings(base.schema(), models, ops, diff.appliedNow(), offline))) {
        return;
      }

      // Write.
      if (options.check()) {
        checkOnly(ops, baseline, layout.snapshot(), !diff.appliedBefore().equals(base.renames()));
        return;
      }
      if (baseline.note() != null) {
        note(baseline.note());
      }
      List<String> migrations = new ArrayList<>(files.classNames());
      if (!ops.isEmpty()) {
        int version = base.latestVersion() + 1;
        String className = MigrationNamer.className(version, ops);
        Snapshot next = Snapshot.after(base, models.schema(), models.tableClasses(), diff.recorded(version), version,
            pkg + "." + className).withGeneratorRows(GeneratorRows.segments(generatorRows));
        JavaFile migration = MigrationWriter.write(pkg, className, version, ops, base.schema(),
            SchemaFingerprint.of(next.schema()));
        // Through the Filer first (compiled by this same build), then into the source tree: the
        // other way round, the Filer's check for an existing type finds the new file on the
        // source path and javac compiles it implicitly, which -Werror turns into a failure.
        // Not under kapt: javac compiles the Kotlin project's migrations later, from src/main/java.
        JavaFileObject filerCopy = null;
        if (!layout.kapt()) {
          filerCopy = processingEnv.getFiler().createSourceFile(pkg.isEmpty() ? className : pkg + "." + className);
          try (Writer w = filerCopy.openWriter()) {
            migration.writeTo(w);
          }
        }
        Path target = files.directory().resolve(className + ".java");
        Files.createDirectories(files.directory());
        Files.writeString(target, migration.toString(), StandardCharsets.UTF_8);
        if (filerCopy != null) {
          MavenCompilerState.compileAgainNextTime(processingEnv, filerCopy, pkg, className);
        }
        snapshotFile.write(next);
        migrations.add(className);
        note("wrote " + target + " (" + MigrationNamer.description(ops) + ") and updated " + layout.snapshot());
      } else {
        // Same schema: still write a stepped-back snapshot, an older format, a model class that moved, or
        // fewer recorded renames (their annotations were removed).
        // The generator tables' segments only where the committed file records them (an older file is unchanged).
        Snapshot same = base.with(models.tableClasses(), diff.appliedBefore());
        snapshotFile.write(base.generatorRows().isEmpty() ? same : same.withGeneratorRows(GeneratorRows.segments(generatorRows)));
        if (!diff.appliedBefore().equals(base.renames())) {
          note("updated " + layout.snapshot() + ": it no longer records the removed @RenamedFrom annotations");
        }
      }
      writeIndex(pkg, migrations);
    }

    private void checkOnly(List<Operation> ops, Baseline.Result baseline, Path snapshotPath, boolean renamesRemoved)
        throws BuildFailure {
      if (!ops.isEmpty()) {
        StringBuilder s = new StringBuilder("the models differ from the snapshot " + snapshotPath
            + "; a build without -A" + Options.CHECK + " would generate a migration with:");
        ops.forEach(op -> s.append("\n  - ").append(op));
        throw new BuildFailure(s.toString());
      }
      if (baseline.note() != null) {
        throw new BuildFailure(baseline.note() + "; a build without -A" + Options.CHECK + " would write the snapshot "
            + snapshotPath + " as it was before it");
      }
      if (renamesRemoved) {
        // A stale record would take a later, identical @RenamedFrom (a swap back, say) for one already applied.
        throw new BuildFailure("the snapshot " + snapshotPath + " records @RenamedFrom annotations the models no "
            + "longer carry; a build without -A" + Options.CHECK + " would rewrite it without them");
      }
    }

    /**
     * The common case, made cheap: when the models render to exactly the committed snapshot,
     * nothing changed, and neither parsing the snapshot nor diffing is needed. Returns false
     * whenever it cannot tell (a partial compilation, a hand-formatted or older file, a deleted
     * latest migration), and the full path decides.
     */
    private boolean upToDate(SourceLayout layout, SnapshotFile snapshotFile, Models models,
        Map<String, Map<String, Long>> generatorRows)
        throws IOException, BuildFailure {
      Snapshot header = SnapshotStore.readHeader(snapshotFile.committed());
      if (header == null) {
        return false;
      }
      // The renames a full build would record: those recorded whose annotations the models still carry.
      Map<Rename, Integer> recorded = new TreeMap<>(header.renames());
      recorded.keySet().retainAll(Rename.declaredBy(models));
      Snapshot current = new Snapshot(models.schema(), models.tableClasses(), recorded, header.latestVersion(),
          header.latestClass(), header.beforeLatest());
      if (!header.generatorRows().isEmpty()) {
        current = current.withGeneratorRows(GeneratorRows.segments(generatorRows));
      }
      if (!SnapshotStore.write(current).equals(snapshotFile.committed())) {
        return false; // includes a damaged file: only the full read explains what is wrong
      }
      String pkg = layout.migrationsPackage(header, models.tableElements().values());
      MigrationFiles files = MigrationFiles.list(layout.packageDir(pkg));
      if (Baseline.check(current, true, files, layout.snapshot()).note() != null) {
        return false;
      }
      if (!models.droppableTables().isEmpty() || !models.droppableColumns().isEmpty() || !Rename.declaredBy(models).isEmpty()
          || !models.narrowable().isEmpty()) {
        // The schema did not change, but a @RenamedFrom not yet applied may still swap or chain names,
        // and every @Drop and @Narrow is left over.
        SchemaDiff.Result diff = SchemaDiff.compare(models.schema(), models.schema(), Intents.of(models, Map.of(), recorded));
        if (!diff.operations().isEmpty()) {
          return false;
        }
        report(diff.findings().stream().map(f -> Findings.atDeclaration(f, models)).toList()); // left-over @Drop and @RenamedFrom
      }
      OfflineAnnotations offline = OfflineAnnotations.read(models);
      if (!offline.isEmpty()) { // every @Offline is left over: the schema did not change
        report(offline.problems());
        report(onlineFindings(models.schema(), models, List.of(), Set.of(), offline));
      }
      boolean quiet = models.droppableTables().isEmpty() && models.droppableColumns().isEmpty()
          && Rename.declaredBy(models).isEmpty() && models.narrowable().isEmpty() && offline.isEmpty();
      String digest = quiet ? recordable(layout, layout.packageDir(pkg)) : null;
      if (digest == null) {
        writeIndex(pkg, files.classNames());
      } else {
        List<String> names = files.classNames();
        Path snapshot = layout.snapshot();
        Path dir = layout.packageDir(pkg);
        Path state = stateFile;
        List<Path> removed = new IndexWriter(processingEnv).write(pkg, names,
            index -> BuildState.write(state, new BuildState.Recorded(digest, snapshot, dir, pkg, names, index)));
        if (!removed.isEmpty()) {
          note("removed from the class output the classes of migrations whose source file is gone: " + removed);
        }
      }
      return true;
    }

    /**
     * The digest of this build's inputs when the next build with the same inputs may take the shortcut
     * ({@link BuildState}); null when it may not: the models reach a type outside the sources (a jar's
     * superclass or constant can change while the sources stay the same), kapt's stubs, or inputs that are
     * not all files.
     */
    private String recordable(SourceLayout layout, Path migrationsDir) {
      if (stateFile == null || layout.kapt()) {
        return null;
      }
      Set<String> external = ModelClosure.external(processingEnv, round.getRootElements(), read);
      if (external == null || !external.isEmpty()) {
        return null;
      }
      return digest(layout.snapshot(), migrationsDir);
    }

    /** {@link BuildState#digest} of this build's inputs, computed once for a given snapshot and migrations folder. */
    private String digest(Path snapshot, Path migrationsDir) {
      List<Path> of = List.of(snapshot, migrationsDir);
      if (!of.equals(digestOf)) {
        digest = BuildState.digest(processingEnv, round.getRootElements(), snapshot, migrationsDir, classPathFacts());
        digestOf = of;
      }
      return digest;
    }

    /**
     * Hibernate 5 on the compile class path, with entities among the models: one warning naming the version found
     * and what differs from the 6.6 schema jmigrate writes (once per build, not per entity).
     */
    private void warnOfHibernate5(List<TypeElement> models) {
      if (!HibernateLine.hibernate5(processingEnv.getElementUtils())
          || models.stream().noneMatch(JpaExtractor::isEntity)) {
        return;
      }
      String location = null;
      try {
        location = processingEnv.getFiler().getResource(javax.tools.StandardLocation.CLASS_PATH, "org.hibernate",
            "Criteria.class").toUri().toString();
      } catch (IOException | RuntimeException e) {
        // the version is then said as "5"
      }
      processingEnv.getMessager().printMessage(Kind.WARNING,
          "jmigrate: " + HibernateLine.hibernate5Warning(HibernateLine.hibernate5Version(location)));
    }

    /** What the models read from the compile class path beyond the sources: the Hibernate line, Hibernate Validator. */
    private String classPathFacts() {
      if (classPathFacts == null) {
        HibernateLine line = HibernateLine.of(processingEnv.getOptions().get(Options.HIBERNATE),
            processingEnv.getElementUtils());
        classPathFacts = "hibernate " + (line == null ? "?" : line.option()) + ", validator "
            + (processingEnv.getElementUtils().getTypeElement(JpaExtractor.VALIDATOR) != null);
      }
      return classPathFacts;
    }

    private List<Problem> onlineFindings(Schema before, Models models, List<Operation> ops,
        Set<Rename> renames, OfflineAnnotations offline) {
      return OnlineCheck.check(before, models.schema(), ops, renames, options.dialects(),
          offline.acknowledgments(), online).stream().map(f -> offline.problem(f, models)).toList();
    }

    private void writeIndex(String pkg, List<String> migrations) throws IOException {
      List<Path> removed = new IndexWriter(processingEnv).write(pkg, migrations);
      if (!removed.isEmpty()) {
        note("removed from the class output the classes of migrations whose source file is gone: " + removed);
      }
    }

    /** Reports the problems; true when any of them is an error. */
    private boolean report(List<Problem> problems) {
      boolean failed = false;
      for (Problem p : problems) {
        ProblemPrinter.print(processingEnv, p); // at the annotation value when there is one
        failed |= !p.warning();
      }
      return failed;
    }
  }
}
