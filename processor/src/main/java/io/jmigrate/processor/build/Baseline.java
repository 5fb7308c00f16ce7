package io.jmigrate.processor.build;

import io.jmigrate.processor.snapshot.Snapshot;
import io.jmigrate.schema.SchemaFingerprint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The base a migration is generated from: the committed snapshot, checked against the committed
 * migrations. A base that disagrees with itself is an error, never something to generate from;
 * the one repair made here is the step back over a deleted latest migration.
 */
public final class Baseline {
  private Baseline() {}

  /**
   * @param base the snapshot to diff the models against
   * @param note what was repaired, for the user; null when nothing was
   */
  public record Result(Snapshot base, String note) {}

  /**
   * @param snapshot the committed snapshot ({@link Snapshot#EMPTY} when there is no file)
   * @param snapshotExists whether the snapshot file exists
   */
  public static Result check(Snapshot snapshot, boolean snapshotExists, MigrationFiles files, Path snapshotPath)
      throws BuildFailure, IOException {
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
    if (!snapshotExists && !files.entries().isEmpty()) {
      throw new BuildFailure("the snapshot " + snapshotPath + " is missing, but " + files.directory() + " has "
          + files.entries().size() + " migration(s), the latest " + files.latest().className() + ". jmigrate "
          + "compares the models with the snapshot and cannot rebuild it from the migrations. Restore it from "
          + "version control (git checkout -- " + snapshotPath.getFileName() + "); if it lives elsewhere, pass -A"
          + Options.SNAPSHOT + "=<its path>.");
    }
    Snapshot base = snapshot;
    String note = null;
    if (snapshot.latestClass() != null && !files.classNames().contains(simpleName(snapshot.latestClass()))) {
      base = stepBack(snapshot, files, snapshotPath);
      note = simpleName(snapshot.latestClass()) + " was deleted: the snapshot steps back to "
          + (base.latestClass() == null ? "before the first migration" : simpleName(base.latestClass()))
          + ", and the models' changes since then are generated as version " + (base.latestVersion() + 1);
    }
    if (files.latestVersion() != base.latestVersion()) {
      throw new BuildFailure("the snapshot " + snapshotPath + " does not match the committed migrations: it "
          + "was written with migration version " + base.latestVersion() + ", but the latest in "
          + files.directory() + " is " + files.latestVersion() + ". This happens when a merge takes one "
          + "branch's migrations and another branch's schema.json. Take schema.json from the branch whose "
          + "latest migration you kept, delete any migration that is newer than it, and build again.");
    }
    checkFingerprint(base, files, snapshotPath);
    return new Result(base, note);
  }

  /** Deleting the latest migration (while it is only on your machine) and building regenerates it. */
  private static Snapshot stepBack(Snapshot snapshot, MigrationFiles files, Path snapshotPath) throws BuildFailure {
    String latest = simpleName(snapshot.latestClass());
    Snapshot.StepBack back = snapshot.beforeLatest();
    String restore = " Restore it from version control; or, to drop the migrations after V"
        + String.format("%04d", files.latestVersion()) + ", also restore schema.json as it was when that one was "
        + "the latest (git log -- " + snapshotPath.getFileName() + "), then build again.";
    if (back == null) {
      throw new BuildFailure("the snapshot " + snapshotPath + " records " + latest + " as the latest migration, but "
          + files.directory().resolve(latest + ".java") + " does not exist, and the snapshot does not record the "
          + "schema before it (it was written by an older jmigrate), so it cannot step back." + restore);
    }
    boolean previousPresent = back.className() == null
        ? files.entries().isEmpty()
        : files.classNames().contains(simpleName(back.className()));
    if (!previousPresent || back.version() != files.latestVersion()) {
      throw new BuildFailure("the snapshot " + snapshotPath + " records " + latest + " as the latest migration, but "
          + files.directory().resolve(latest + ".java") + " does not exist, and neither is "
          + (back.className() == null ? "the migration folder otherwise empty" : simpleName(back.className())
              + " the latest remaining one")
          + ". jmigrate steps back over the latest migration only." + restore);
    }
    return snapshot.stepBack();
  }

  /**
   * The latest migration records the fingerprint of the schema after it; the snapshot must have
   * that schema. They disagree after a hand edit of either.
   */
  private static void checkFingerprint(Snapshot base, MigrationFiles files, Path snapshotPath)
      throws BuildFailure, IOException {
    MigrationFiles.Entry latest = files.latest();
    if (latest == null) {
      return;
    }
    String recorded = MigrationFiles.fingerprint(latest);
    if (recorded == null) {
      return; // generated before fingerprints were recorded
    }
    String actual = SchemaFingerprint.of(base.schema());
    if (!recorded.equals(actual)) {
      throw new BuildFailure("the snapshot " + snapshotPath + " and the latest migration " + latest.className()
          + " disagree: the migration records the schema after it as " + recorded + ", the snapshot's schema is "
          + actual + ". One of them was edited by hand. If " + latest.className() + " is not applied to any "
          + "database yet, delete it and build: jmigrate steps back and regenerates it from the models. "
          + "Otherwise restore both files from version control (git checkout -- " + snapshotPath.getFileName()
          + " " + latest.file().getFileName() + ") and make schema changes in the models.");
    }
  }

  static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
