package io.jmigrate.processor.build;

import com.squareup.javapoet.CodeBlock;
import io.jmigrate.migration.Operation;
import io.jmigrate.processor.codegen.MigrationNamer;
import io.jmigrate.processor.codegen.MigrationWriter;
import io.jmigrate.processor.diff.Intents;
import io.jmigrate.processor.diff.SchemaDiff;
import io.jmigrate.processor.snapshot.Snapshot;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.SchemaFingerprint;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Squash ({@code -Ajmigrate.squash=N}, Django's {@code squashmigrations}): migrations 1 to N
 * become one {@code V000N_Squashed} class whose operations create the schema at version N from
 * nothing (the diff from the empty schema, as a first build writes it), and the replaced source
 * files are deleted. N must be the latest version: the committed snapshot is the schema the
 * squashed migration has to create, and it describes the latest version only.
 *
 * <p>Hand-written steps ({@code sql(…)}, {@code java(…)}) in the replaced migrations are not
 * schema and cannot be folded into it: squashing them is refused rather than silently dropping
 * the data they wrote on new databases.
 */
public final class Squasher {
  public static final String OPTION = "jmigrate.squash";
  private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|//[^\n]*");
  private static final Pattern HAND_WRITTEN = Pattern.compile("\\b(sql|java)\\s*\\(");
  /** The start of a generated generator-table row (see GeneratorRows): not hand-written, and squashed with its table. */
  private static final Pattern GENERATOR_ROW = Pattern.compile("\\bsql\\(\\s*(?:Map\\.of\\(\\s*\"[a-z0-9]+\"\\s*,\\s*)?"
      + "\"insert into (?:[^\"\\\\]|\\\\.)* where not exists \\(select 1 from (?:[^\"\\\\]|\\\\.)*\"");

  private Squasher() {}

  /** The version to squash through, or 0 when the option is not given. */
  public static int requested(ProcessingEnvironment env) throws BuildFailure {
    String s = env.getOptions().get(OPTION);
    if (s == null || s.isBlank()) {
      return 0;
    }
    try {
      int n = Integer.parseInt(s.trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new BuildFailure("-A" + OPTION + "=" + s + " is not a version: give the latest version, e.g. -A" + OPTION
        + "=12, to squash migrations 1 to 12 into one");
  }

  /** What a squash wrote, for the build's note. */
  public record Result(String className, Path file, List<Path> deleted, Snapshot snapshot) {}

  /**
   * Writes the squashed migration through the Filer and into the source tree, deletes the replaced
   * sources, and returns the snapshot to write.
   *
   * @param pendingOps the operations the models would add now: a squash wants none
   */
  public static Result squash(ProcessingEnvironment env, int version, String pkg, MigrationFiles files, Snapshot base,
      List<Operation> pendingOps, java.util.Map<String, java.util.Map<String, Long>> generatorRows)
      throws BuildFailure, IOException {
    if (!pendingOps.isEmpty()) {
      throw new BuildFailure("cannot squash: the models have changes that are in no migration yet. Build once without -A"
          + OPTION + " (which generates version " + (base.latestVersion() + 1) + "), then squash.");
    }
    if (version != files.latestVersion() || version != base.latestVersion()) {
      throw new BuildFailure("cannot squash to version " + version + ": the latest migration is version "
          + files.latestVersion() + ", and a squash folds the committed snapshot, which describes the latest version"
          + " only. Squash with -A" + OPTION + "=" + files.latestVersion() + ".");
    }
    if (files.entries().size() == 1 && files.latest().className().contains("_Squashed")) {
      throw new BuildFailure("nothing to squash: " + files.latest().className() + " is already the only migration."
          + " Remove -A" + OPTION + ".");
    }
    List<String> handWritten = new ArrayList<>();
    for (MigrationFiles.Entry e : files.entries()) {
      String code = COMMENTS.matcher(Files.readString(e.file(), StandardCharsets.UTF_8)).replaceAll(" ");
      code = GENERATOR_ROW.matcher(code).replaceAll(" ");
      if (HAND_WRITTEN.matcher(code).find()) {
        handWritten.add(e.className());
      }
    }
    if (!handWritten.isEmpty()) {
      throw new BuildFailure("cannot squash: " + handWritten + " have hand-written steps (sql(…) or java(…)), which are"
          + " not schema and would not run on a new database. Move what they do elsewhere (seed data in the"
          + " application, say) or squash later migrations only once these are no longer needed. Nothing was changed.");
    }
    Schema schema = base.schema();
    List<Operation> ops = io.jmigrate.processor.diff.GeneratorRows.added(
        SchemaDiff.compare(Schema.empty(), schema, Intents.none()).operations(), schema, generatorRows, java.util.Map.of());
    String className = String.format("V%04d_Squashed", version);
    String description = "squashed versions 1 to " + version;
    String source = squashedSource(
        MigrationWriter.write(pkg, className, version, ops, Schema.empty(), SchemaFingerprint.of(schema)).toString(),
        version, MigrationNamer.description(ops), description);
    try (Writer w = env.getFiler().createSourceFile(pkg.isEmpty() ? className : pkg + "." + className).openWriter()) {
      w.write(source);
    }
    List<Path> deleted = new ArrayList<>();
    for (MigrationFiles.Entry e : files.entries()) {
      Files.delete(e.file());
      deleted.add(e.file());
    }
    Path target = files.directory().resolve(className + ".java");
    Files.writeString(target, source, StandardCharsets.UTF_8);
    Snapshot next = Snapshot.after(Snapshot.EMPTY, schema, base.tableClasses(), base.renames(), version,
        pkg.isEmpty() ? className : pkg + "." + className);
    return new Result(className, target, deleted, next);
  }

  /** A generated migration's source turned into the squashed form: its superclass, description and note. */
  static String squashedSource(String generated, int version, String generatedDescription, String description) {
    String call = "super(" + version + ", " + CodeBlock.of("$S", generatedDescription) + ", ";
    if (!generated.contains(call) || !generated.contains(" extends Migration {")) {
      throw new IllegalStateException("the generated migration does not have the expected form");
    }
    return generated
        .replace("import io.jmigrate.migration.Migration;", "import io.jmigrate.migration.SquashedMigration;")
        .replace(" extends Migration {", " extends SquashedMigration {")
        .replace(call, "super(" + version + ", " + CodeBlock.of("$S", description) + ", ")
        .replace(" * <p>Generated by jmigrate", " * <p>Squashed: replaces versions 1 to " + version + ". A new database runs only"
            + " this migration;\n * a database at version " + version + " or later keeps its history. Written by"
            + " -A" + OPTION + ".\n *\n * <p>Generated by jmigrate");
  }
}
