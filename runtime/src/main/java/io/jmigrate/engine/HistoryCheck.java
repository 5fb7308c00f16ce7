package io.jmigrate.engine;

import io.jmigrate.migration.Checksum;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The history against the code: checksums, versions the build does not know, gaps, partly applied and
 * failed rows, and the squash boundary. Every disagreement is a message that says what to do.
 */
final class HistoryCheck {
  private final Migrator migrator;
  private final List<Migration> migrations;
  private final Map<Integer, Migration> byVersion;
  private final int squashedThrough;
  private final boolean aheadAllowed;

  HistoryCheck(Migrator migrator, Map<Integer, Migration> byVersion, int squashedThrough) {
    this.migrator = migrator;
    this.migrations = migrator.migrations();
    this.byVersion = byVersion;
    this.squashedThrough = squashedThrough;
    this.aheadAllowed = migrator.aheadAllowed();
  }

  /**
   * Checks the history against the code and returns the current version. Every mismatch is an
   * error that says what to do; none is skipped silently.
   */
  int check(List<HistoryRow> rows) {
    int current = 0;
    boolean ahead = false;
    HistoryRow partial = null;
    for (HistoryRow row : rows) {
      String problem = problem(row);
      if (problem != null && aheadAllowed && row.success() && !byVersion.containsKey(row.version())) {
        ahead = true; // allowed: the newer migrations are known to be compatible with this build
      } else if (problem != null) {
        throw new MigrationException(problem);
      }
      if (row.inProgress()) {
        partial = row; // not applied: the next migrate resumes it
      } else {
        current = Math.max(current, row.version());
      }
    }
    if (partial != null && partial.version() < current) {
      throw new MigrationException("the history records " + String.format("V%04d", partial.version()) + " as partly"
          + " applied, below the applied version " + current + ". Check the database by hand (validate), then"
          + " correct or delete that row of " + History.TABLE + " and migrate again.");
    }
    refuseBelowSquash(current);
    if (ahead) {
      TransactionalStep.log().log(Level.WARNING, "the database is at version {0}, ahead of this build (it knows 1 to {1});"
          + " starting anyway because running on a newer database is allowed", current, migrator.latestVersion());
    }
    Set<Integer> applied = new java.util.HashSet<>();
    for (HistoryRow row : rows) {
      applied.add(row.version());
    }
    for (Migration m : migrations) {
      if (m.version() < current && !applied.contains(m.version())) {
        throw new MigrationException(gap(m, current));
      }
    }
    return current;
  }

  // --- squash: a SquashedMigration replaces versions 1 to squashedThrough ---

  /** A database part-way through the replaced migrations cannot continue with this build. */
  private void refuseBelowSquash(int current) {
    if (current > 0 && current < squashedThrough) {
      throw new MigrationException("the database is at version " + current + ", but this build squashed versions 1 to "
          + squashedThrough + " into " + byVersion.get(squashedThrough) + " and no longer has the migrations from "
          + (current + 1) + " to " + squashedThrough + ". Migrate this database to version " + squashedThrough
          + " with a build from before the squash first, then migrate with this build. Nothing was changed.");
    }
  }

  /**
   * Reverting a squashed migration on a database that ran the migrations it replaces would leave
   * their history rows behind; only a database that ran the squashed migration itself can go below it.
   */
  void refuseRevertingSquash(List<HistoryRow> rows, int target) {
    if (target < squashedThrough && !rows.isEmpty() && rows.get(0).version() < squashedThrough) {
      throw new MigrationException("cannot migrate down to version " + target + ": this database ran versions 1 to "
          + squashedThrough + " one by one, and this build has them only as the squashed " + byVersion.get(squashedThrough)
          + ". Migrate down with a build from before the squash. Nothing was reverted.");
    }
  }

  // --- end squash ---

  static String gap(Migration m, int current) {
    return "migration " + m + " is pending but the later version " + current
        + " is already applied. Migrations must be applied in order: renumber " + m
        + " above " + current + " (see \"When two branches both add a migration\" in docs/troubleshooting.md..";
  }

  /** What is wrong with one history row, said so that the user knows what to do; null if nothing. */
  String problem(HistoryRow row) {
    String version = String.format("V%04d", row.version());
    Migration m = byVersion.get(row.version());
    if (row.version() <= squashedThrough && row.success()) {
      return null; // squash: the squashed migration's row, or one of those it replaces, applied before the squash
    }
    if (m == null) {
      return "the database has migration " + version + " (" + row.description() + ") applied, which this build"
          + " does not know (it knows 1 to " + migrator.latestVersion() + "). The database is ahead of the code: deploy"
          + " the build that has it, or migrate down with that build first. If the newer migrations are known to"
          + " be compatible with this build (a rollback of the application only), start anyway with --allow-ahead"
          + " (Migrator.withAheadAllowed(true); Spring Boot: jmigrate.fail-on-ahead=false).";
    }
    if (row.inProgress()) {
      int done = row.stepsDone();
      List<Operation> order = ExecutionOrder.of(m, migrator.schemaAt(m.version() - 1), row); // the order its steps ran in
      if (done > order.size() || Checksum.of(order.subList(0, done)) != row.checksum()) {
        return "the history records " + version + " " + row.description() + " as partly applied (steps 1 to " + done
            + " in effect, their checksum " + row.storedChecksum() + "), but this build's " + m + " has "
            + (done > order.size() ? "only " + order.size() + " steps" : "other steps 1 to " + done + " (checksum "
                + Checksum.of(order.subList(0, done)) + ")") + ": it was changed after it was partly applied. Restore"
            + " its first " + done + " steps as they were (later steps may change), or undo them by hand and delete"
            + " that row, then migrate again.";
      }
      return null;
    }
    if (!row.success()) {
      return "the history records " + version + " " + row.description() + " as not completed (success is false):"
          + " its changes may be partial. Check the database by hand (validate), then delete that row from "
          + History.TABLE + " and migrate again.";
    }
    if (m.checksum() == row.checksum() && String.valueOf(row.checksum()).equals(row.storedChecksum())) {
      return null;
    }
    String stored = History.TABLE + " has checksum " + row.storedChecksum() + ", the code gives " + m.checksum();
    if (!m.description().equals(row.description())) {
      String renumbered = migrations.stream()
          .filter(o -> o.description().equals(row.description()) && o.checksum() == row.checksum())
          .map(o -> " This build has that migration as " + o + " (renumbered when the branches were merged).")
          .findFirst().orElse("");
      return "the database's " + version + " is a different migration from this build's: the database has "
          + version + " \"" + row.description() + "\" applied, this build has " + m + " (" + stored + "). Two"
          + " branches each added a " + version + " and this database ran the other one." + renumbered
          + " This build cannot revert a migration it does not have. On a development database: revert it with"
          + " the build that applied it (check out the commit before the merge, build, run migrate-to "
          + (row.version() - 1) + "), then come back and migrate with this build; or recreate the database."
          + " The status command lists every disagreement.";
    }
    return "migration " + m + " was changed after it was applied: " + stored + ". Restore the migration as it"
        + " was applied and put the change in a new migration (on a development database, you may instead"
        + " revert it with the build that applied it, migrate-to " + (row.version() - 1) + ", then migrate).";
  }
}
