package io.jmigrate.engine;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.engine.AppliedMigration.Direction;
import io.jmigrate.migration.Checksum;
import io.jmigrate.migration.IrreversibleException;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.schema.Schema;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies one migration a step at a time where DDL commits by itself (MariaDB/MySQL, H2), so that a
 * run stopped anywhere, by a failure or by {@code kill -9}, leaves a history that says which steps
 * are in effect, and the next run goes on from there.
 *
 * <p>The procedure, for step i of n (the columns are described in {@link History}):
 * <ol>
 *   <li>begin a transaction and record "step i started" (for step 1: insert the migration's row,
 *       in progress);
 *   <li>run step i's statements;
 *   <li>record "steps 1 to i done, none started" (for step n: the row becomes an applied
 *       migration's), and commit.
 * </ol>
 * The "started" record is written inside the step's transaction, so it becomes durable exactly when
 * the database commits something of the step by itself: a step that only changes data (an UPDATE,
 * a Java step) commits together with its "done" record or not at all, and a row that still says
 * "step i started" after a crash means a DDL statement of step i ran (its implicit commit took the
 * record along) and may or may not have completed. MariaDB and H2 apply a single DDL statement whole
 * or not at all, and MariaDB finishes a statement whose client died before it releases the run lock.
 *
 * <p>A started step is settled from the catalog before anything runs ({@link #settle}): when the
 * step is one statement and the live schema matches exactly one of "before the step" and "after the
 * step", that answers it; otherwise the run stops and says how to record the answer. Nothing runs
 * twice blindly and nothing is skipped silently.
 *
 * <p>Why resume instead of reverting the steps done and starting over: resuming runs each step once
 * (reverting and re-running a step on a large table costs it twice), works when a step that ran has
 * no reverse (hand-written SQL or Java), and is what a failed run's history already describes. A
 * failure (not a crash) still reverts the steps of the run, last first, so that an error leaves the
 * previous version where it can ({@link #revert}).
 */
final class StepwiseMigration {
  private StepwiseMigration() {}

  /**
   * Applies {@code m} (whose schema before it is {@code before}) step by step; {@code inProgress} is
   * its row when a run stopped in its middle, else null.
   */
  static AppliedMigration apply(Connection c, Dialect d, Migration m, Schema before, HistoryRow inProgress)
      throws SQLException {
    return apply(c, d, m, before, inProgress, new DdlLockWaits(java.time.Duration.ZERO, 1));
  }

  /** As above, a part or online step whose statement gave up waiting for a lock tried again as {@code waits} says. */
  static AppliedMigration apply(Connection c, Dialect d, Migration m, Schema before, HistoryRow inProgress,
      DdlLockWaits waits) throws SQLException {
    long start = System.nanoTime();
    List<Operation> ops = ExecutionOrder.of(m, before, inProgress); // what cannot be undone last
    List<Schema> schemas = schemasThrough(before, ops);
    int done = 0;
    if (inProgress != null) {
      done = inProgress.stepStarted() == null ? inProgress.stepsDone() : settle(c, d, m, ops, schemas, inProgress);
      log().log(Level.INFO, "resuming {0} after step {1} of {2}", m, done, ops.size());
    } else {
      log().log(Level.INFO, "applying {0}", m);
    }
    preflight(c, d, m, ops, schemas, done);
    if (ops.isEmpty() && inProgress == null) {
      History.insert(c, d, m.version(), m.description(), m.checksum(), 0);
    } else if (done == ops.size()) { // every step in effect, the row not yet marked applied
      History.complete(c, d, m.version(), m.checksum(), (System.nanoTime() - start) / 1_000_000);
    }
    boolean recorded = inProgress != null;
    for (int i = done; i < ops.size(); ) {
      boolean online = online(d, ops.get(i), schemas.get(i), schemas.get(0));
      int end = online ? i + 1 : partEnd(d, ops, schemas, i);
      for (int attempt = 1; ; attempt++) {
        try {
          if (online) {
            recordStarted(c, d, m, ops, i, recorded); // commits: the step's statements commit one by one after it
            recorded = true;
            try (StatementSink out = new StatementSink(c, d, true)) {
              d.write(ops.get(i), schemas.get(i), out);
              if (end == ops.size()) {
                d.afterOperations(ops, out);
              }
            }
            recordDone(c, d, m, ops, end, start);
          } else {
            runPart(c, d, m, ops, schemas, i, end, recorded, start);
            recorded = true;
          }
          break;
        } catch (SQLException e) {
          rollbackQuietly(c, d);
          if (e instanceof PartlyRan partly && !showsNothing(c, d, m, schemas, i)) {
            throw new MigrationException("migration " + m + " failed: " + StatementSink.clause(e.getMessage()) + ". "
                + partlyRan(c, d, m, i, partly.ran), e);
          }
          if (waits.retry(d, e, attempt, m)) {
            continue; // a part rolled back whole; an online step's form does what is still missing
          }
          String left = "";
          if (online) {
            left = abandon(c, d, ops.get(i), schemas.get(i));
          }
          if (left.isEmpty() && (online || statements(d, ops.get(i), schemas.get(i)) == 1)) {
            // Its one statement failed, so nothing of it is in effect, though the DDL's commit took "started" along.
            notStartedQuietly(c, d, m, ops, i);
          }
          String filled = online && ExecutionOrder.fills(ops.get(i), schemas.get(i))
              ? " Its NULLs in " + ((io.jmigrate.migration.Operations.AlterColumn) ops.get(i)).table() + "."
                  + ((io.jmigrate.migration.Operations.AlterColumn) ops.get(i)).column().name() + " that were given"
                  + " the default before it failed keep the default (each batch of the fill commits by itself)."
              : "";
          throw new MigrationException("migration " + m + " failed: " + StatementSink.clause(e.getMessage())
              + waits.gaveUp(d, e) + ". " + MissingTypes.hint(List.of(ops.get(i)), e.getMessage()) + left
              + revert(c, d, m, ops, schemas, i) + filled, e);
        }
      }
      i = end;
    }
    return new AppliedMigration(m.version(), m.description(), Direction.UP, (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * Reverts {@code m} (whose schema before it is {@code before}) step by step, last first, through
   * each step's reverse, recording its progress as {@link #apply} does: {@code row} is its history
   * row, applied or left partly applied by a stopped run. If a reverse fails, the steps reverted are
   * applied again, so that a failure leaves the migration applied, as before.
   */
  static AppliedMigration revert(Connection c, Dialect d, Migration m, Schema before, HistoryRow row)
      throws SQLException {
    long start = System.nanoTime();
    List<Operation> ops = ExecutionOrder.of(m, before, row);
    List<Schema> schemas = schemasThrough(before, ops);
    int done = !row.inProgress() ? ops.size() : row.stepStarted() == null ? row.stepsDone() : settle(c, d, m, ops, schemas, row);
    List<Operation> reverses = new ArrayList<>();
    for (int j = 0; j < done; j++) {
      try {
        reverses.add(ops.get(j).reverse(schemas.get(j)));
      } catch (IrreversibleException e) {
        throw new MigrationException("cannot revert " + m + ": its step " + (j + 1) + " (" + ops.get(j) + ") is"
            + " irreversible (" + e.getMessage() + "). Nothing was reverted.");
      }
    }
    log().log(Level.INFO, "reverting {0}", m);
    if (done == 0) {
      History.delete(c, d, m.version());
    }
    for (int j = done; j >= 1; j--) {
      boolean finished = false;
      d.begin(c);
      try {
        History.progress(c, d, m.version(), j - 1, j, Checksum.of(ops.subList(0, j - 1)));
        try (StatementSink out = new StatementSink(c, d)) {
          d.write(reverses.get(j - 1), schemas.get(j), out);
          out.flush();
        }
        if (j == 1) {
          History.delete(c, d, m.version());
        } else {
          History.progress(c, d, m.version(), j - 1, null, Checksum.of(ops.subList(0, j - 1)));
        }
        d.commit(c);
        finished = true;
      } catch (SQLException e) {
        rollbackQuietly(c, d);
        finished = true;
        if (statements(d, reverses.get(j - 1), schemas.get(j)) == 1) {
          notStartedQuietly(c, d, m, ops, j); // as in apply
        }
        throw new MigrationException("reverting migration " + m + " failed at its step " + j + " (" + ops.get(j - 1)
            + "): " + StatementSink.clause(e.getMessage()) + ". " + applyAgain(c, d, m, before), e);
      } finally {
        if (!finished) {
          rollbackQuietly(c, d);
        }
      }
    }
    return new AppliedMigration(m.version(), m.description(), Direction.DOWN, (System.nanoTime() - start) / 1_000_000);
  }

  /** After a failed revert: applies again the steps that were reverted (resuming, as after a stopped run). */
  private static String applyAgain(Connection c, Dialect d, Migration m, Schema before) {
    try {
      HistoryRow row = History.read(c, d).stream().filter(r -> r.version() == m.version()).findFirst().orElse(null);
      if (row == null || !row.inProgress()) {
        return "Nothing of it had been reverted; it is applied, as before.";
      }
      apply(c, d, m, before, row);
      return "The steps of it that had been reverted (DDL commits by itself here) were applied again; it is applied,"
          + " as before.";
    } catch (MigrationException | SQLException e) {
      return "Applying again the steps that had been reverted failed too: " + e.getMessage();
    }
  }

  // ---- split migrations: where DDL is transactional, the steps with an online form run outside it ----

  /** Whether {@code m} has a step with an online form where DDL is transactional: then it runs in parts, here. */
  static boolean splits(Dialect d, Migration m, Schema before) {
    return splits(d, m.up(), before);
  }

  /** As {@link #splits(Dialect, Migration, Schema)}, for the migration's steps {@code ops}. */
  static boolean splits(Dialect d, List<Operation> ops, Schema before) {
    if (!d.transactionalDdl()) {
      return false;
    }
    Schema s = before;
    for (int i = 0, last = ops.size() - 1; i <= last; i++) {
      Operation op = ops.get(i);
      if (d.online(op, s, before)) {
        return true;
      }
      if (i < last) { // the schema after the last step is not needed
        s = op.applyTo(s);
      }
    }
    return false;
  }

  /**
   * Whether step {@code op} (the schema before it {@code before}, before its migration {@code atStart})
   * runs as its online form: outside a transaction, statement by statement.
   */
  static boolean online(Dialect d, Operation op, Schema before, Schema atStart) {
    return d.transactionalDdl() && d.online(op, before, atStart);
  }

  /**
   * The end (exclusive) of the part that starts at step {@code i}: where DDL is transactional, the
   * steps up to the next online one commit together; where it commits by itself, each step alone.
   */
  private static int partEnd(Dialect d, List<Operation> ops, List<Schema> schemas, int i) {
    int end = i + 1;
    while (d.transactionalDdl() && end < ops.size() && !d.online(ops.get(end), schemas.get(end), schemas.get(0))) {
      end++;
    }
    return end;
  }

  /** Steps {@code i} to {@code end - 1} in one transaction with their progress ("started", then "done"). */
  private static void runPart(Connection c, Dialect d, Migration m, List<Operation> ops, List<Schema> schemas, int i,
      int end, boolean recorded, long start) throws SQLException {
    boolean committed = false;
    d.begin(c);
    try {
      recordStarted(c, d, m, ops, i, recorded);
      try (StatementSink out = new StatementSink(c, d)) {
        try {
          for (int k = i; k < end; k++) {
            try {
              d.write(ops.get(k), schemas.get(k), out);
            } catch (UnsupportedOperationException refused) { // the dialect cannot express the step (H2: a collation)
              throw new MigrationException(String.format("V%04d %s: the step '%s' cannot run on %s: %s",
                  m.version(), m.description(), ops.get(k).describe(), d.name(), refused.getMessage()), refused);
            }
          }
          if (end == ops.size()) {
            d.afterOperations(ops, out);
          }
          out.flush();
        } catch (SQLException e) {
          if (!d.transactionalDdl() && !out.ran().isEmpty()) {
            throw new PartlyRan(e, out.ran());
          }
          throw e;
        }
      }
      recordDone(c, d, m, ops, end, start);
      d.commit(c);
      committed = true;
    } finally {
      if (!committed) {
        rollbackQuietly(c, d);
      }
    }
  }

  /** Records step {@code i + 1} started, steps 1 to {@code i} done (for the first step: inserts the row). */
  private static void recordStarted(Connection c, Dialect d, Migration m, List<Operation> ops, int i, boolean recorded)
      throws SQLException {
    if (recorded) {
      History.progress(c, d, m.version(), i, i + 1, Checksum.of(ops.subList(0, i)));
    } else {
      History.insertStarted(c, d, m.version(), m.description(), Checksum.of(List.of()));
    }
  }

  /** Records steps 1 to {@code end} done; all of them: the row becomes an applied migration's. */
  private static void recordDone(Connection c, Dialect d, Migration m, List<Operation> ops, int end, long start)
      throws SQLException {
    if (end == ops.size()) {
      History.complete(c, d, m.version(), m.checksum(), (System.nanoTime() - start) / 1_000_000);
    } else {
      History.progress(c, d, m.version(), end, null, Checksum.of(ops.subList(0, end)));
    }
  }

  /**
   * After an online step failed part way: removes what it left (an invalid index, a NOT VALID
   * constraint), each statement committing by itself. Returns "" when done, else what to tell the user.
   */
  private static String abandon(Connection c, Dialect d, Operation op, Schema before) {
    try (StatementSink out = new StatementSink(c, d, true)) {
      d.abandon(op, before, out);
      return "";
    } catch (SQLException e) {
      return "What its online form had left could not be removed (" + e.getMessage() + "); the next migrate runs that"
          + " step's online form again, which completes it (an invalid index is dropped and built again). ";
    }
  }

  /**
   * A step that failed after some of its statements had run, where each DDL statement commits by
   * itself: those statements may be in effect (a table renamed, its key's constraint not).
   */
  private static final class PartlyRan extends SQLException {
    private final transient List<String> ran;

    PartlyRan(SQLException cause, List<String> ran) {
      super(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
      this.ran = ran;
    }
  }

  /** Whether the catalog shows nothing of failed step {@code i + 1}: the schema before it, exactly. */
  private static boolean showsNothing(Connection c, Dialect d, Migration m, List<Schema> schemas, int i) {
    try {
      return SchemaValidator.compare(c, d, m.version(), schemas.get(i)).isEmpty()
          && indexesAsIn(c, d, schemas.get(i), schemas.get(i + 1), schemas.get(i));
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * After step {@code i + 1} failed with statements of it in effect: nothing is reverted (that part
   * sits on top of the steps before it), the history says the step started, and the message says
   * exactly what ran and what to do.
   */
  private static String partlyRan(Connection c, Dialect d, Migration m, int i, List<String> ran) {
    try {
      History.progress(c, d, m.version(), i, i + 1, Checksum.of(m.up().subList(0, i)));
    } catch (SQLException ignored) {
      // the "started" record committed with the first DDL statement of the step already
    }
    int step = i + 1;
    return "Step " + step + " of it (" + m.up().get(i) + ") had changed the database before that: "
        + (ran.size() == 1 ? "its statement [" + ran.get(0) + "] ran" : "its statements [" + String.join("], [", ran)
            + "] ran") + " and committed (DDL commits by itself here), and the catalog no longer matches the schema"
        + " before it. Nothing was reverted. " + History.TABLE + " records it as partly applied (in effect: "
        + stepsText(i) + ", step " + step + " started), and status shows it. Undo what ran of step " + step
        + " by hand (or complete it), then migrate again: it checks step " + step + " against the catalog and says"
        + " how to record it.";
  }

  /** Records steps 1 to {@code done} in effect and none started; a failure here must not hide the one reported. */
  private static void notStartedQuietly(Connection c, Dialect d, Migration m, List<Operation> ops, int done) {
    try {
      History.progress(c, d, m.version(), done, null, Checksum.of(ops.subList(0, done)));
    } catch (SQLException ignored) {
      // the row keeps "started", and the next run settles that step from the catalog
    }
  }

  /** "no step", "step 1", "steps 1 to k". */
  private static String stepsText(int k) {
    return k == 0 ? "no step" : k == 1 ? "step 1" : "steps 1 to " + k;
  }

  /** How many statements {@code op} is on this dialect (a Java step: none). */
  private static long statements(Dialect d, Operation op, Schema before) {
    return d.statements(op, before).stream().filter(l -> !l.startsWith("--")).count();
  }

  /** The schema before each step, and after the last: {@code get(i)} is the schema before step i + 1. */
  private static List<Schema> schemasThrough(Schema before, List<Operation> ops) {
    List<Schema> schemas = new ArrayList<>();
    Schema s = before;
    schemas.add(s);
    for (Operation op : ops) {
      s = op.applyTo(s);
      schemas.add(s);
    }
    return schemas;
  }

  /**
   * Decides whether the step that a stopped run had started is in effect, from the live catalog;
   * returns how many steps are done. Records the answer when the step turns out to be in effect.
   */
  private static int settle(Connection c, Dialect d, Migration m, List<Operation> ops, List<Schema> schemas,
      HistoryRow row) throws SQLException {
    int done = row.stepsDone();
    int step = row.stepStarted();
    if (step != done + 1 || step > ops.size()) {
      throw new MigrationException(History.TABLE + " records " + m + " as partly applied with steps 1 to " + done
          + " done and step " + step + " started, which does not fit its " + ops.size() + " steps. Check the"
          + " database by hand (validate), then correct or delete that row and migrate again.");
    }
    Operation op = ops.get(done);
    Schema before = schemas.get(done);
    if (d.transactionalDdl()) {
      // Only an online step commits part way here, and its form reads the catalog and does what is missing.
      log().log(Level.INFO, "step {0} of {1} ({2}) was running outside a transaction when the last run stopped;"
          + " running its online form again, which completes it", step, m, op);
      History.progress(c, d, m.version(), done, null, Checksum.of(ops.subList(0, done)));
      return done;
    }
    Drift notRun = SchemaValidator.compare(c, d, m.version(), before);
    Drift ran = SchemaValidator.compare(c, d, m.version(), schemas.get(step));
    long statements = statements(d, op, before);
    Schema after = schemas.get(step);
    boolean asBefore = notRun.isEmpty() && indexesAsIn(c, d, before, after, before);
    boolean asAfter = ran.isEmpty() && indexesAsIn(c, d, before, after, after);
    if (statements == 1 && asBefore != asAfter) {
      if (asBefore) {
        log().log(Level.INFO, "step {0} of {1} ({2}) had not taken effect when the last run stopped; running it",
            step, m, op);
        return done;
      }
      log().log(Level.INFO, "step {0} of {1} ({2}) had taken effect when the last run stopped", step, m, op);
      History.progress(c, d, m.version(), step, null, Checksum.of(ops.subList(0, step)));
      return step;
    }
    String why = asBefore != asAfter
        ? "it is " + (statements == 0 ? "a Java step" : statements + " statements") + ", and a run stopped between"
            + " them can look like either"
        : asBefore
            ? "its effect does not show in the catalog (hand-written SQL or Java, or a change the comparison does"
                + " not see)"
            : "the database matches neither the schema before it nor the one after it. Against the one after"
                + " it:\n" + ran.differences().stream().map(x -> "  - " + x + "\n").reduce("", String::concat);
    String update = "UPDATE " + History.TABLE + " SET ";
    throw new MigrationException(m + " is partly applied (in effect: " + stepsText(done) + " of " + ops.size() + "),"
        + " and step " + step + " (" + op + ") was running when the last run stopped and may have completed (DDL"
        + " commits by itself here). The catalog cannot tell whether it did: " + why + ". Nothing was run. Look at"
        + " the database, record what you find, and migrate again. If step " + step + " is wholly in effect: "
        + update + "steps_done = " + step + ", step_started = NULL, checksum = " + Checksum.of(ops.subList(0, step))
        + " WHERE version = " + m.version() + "; if nothing of it is (undo any part of it first): " + update
        + "step_started = NULL WHERE version = " + m.version() + ".");
  }

  /**
   * Whether the live database has exactly those of the indexes that one of {@code a} and {@code b}
   * has and the other lacks that {@code expected} has. (Validation reports a missing index but not
   * an extra one, which could not tell an added index from a dropped one.)
   */
  private static boolean indexesAsIn(Connection c, Dialect d, Schema a, Schema b, Schema expected) throws SQLException {
    Set<String> tables = new TreeSet<>();
    a.tables().forEach(t -> tables.add(t.name()));
    b.tables().forEach(t -> tables.add(t.name()));
    for (String table : tables) {
      Set<String> inA = indexNames(a, table);
      Set<String> inB = indexNames(b, table);
      Set<String> changed = new TreeSet<>(inA);
      changed.addAll(inB);
      changed.removeIf(name -> inA.contains(name) && inB.contains(name));
      if (changed.isEmpty()) {
        continue;
      }
      Set<String> live = new TreeSet<>();
      try (ResultSet rs = d.catalog(c).getIndexInfo(d.currentCatalog(c), d.currentSchema(c), table, false,
          false)) {
        while (rs.next()) {
          String name = rs.getString("INDEX_NAME");
          if (name != null && table.equals(rs.getString("TABLE_NAME"))) {
            live.add(name.toLowerCase(Locale.ROOT));
          }
        }
      }
      Set<String> wanted = indexNames(expected, table);
      for (String name : changed) {
        if (live.contains(name.toLowerCase(Locale.ROOT)) != wanted.contains(name)) {
          return false;
        }
      }
    }
    return true;
  }

  private static Set<String> indexNames(Schema schema, String table) {
    Set<String> names = new TreeSet<>();
    schema.find(table).ifPresent(t -> t.indexes().forEach(i -> names.add(i.name())));
    return names;
  }

  /**
   * After a failed step: undoes the steps of the migration that are in effect (steps 1 to {@code failed}), last
   * first, through their reverse operations, each recorded as the forward steps are; returns what to
   * tell the user: reverted, or exactly which steps are in effect and could not be undone.
   */
  private static String revert(Connection c, Dialect d, Migration m, List<Operation> ops, List<Schema> schemas,
      int failed) {
    int version = m.version();
    try {
      if (failed == 0) {
        if (History.has(c, d, version)) {
          History.delete(c, d, version); // its first step's DDL committed the "started" record, then failed
        }
        return "No step of it had run; " + History.TABLE + " is unchanged.";
      }
      for (int j = failed; j >= 1; j--) {
        Operation op = ops.get(j - 1);
        Operation reverse;
        try {
          reverse = op.reverse(schemas.get(j - 1));
        } catch (IrreversibleException e) {
          // The history already says steps 1 to j (and the failed step, if something of it committed).
          return notReverted(m, failed, j, op, e.getMessage(), lostNote(ops, schemas, j, failed));
        }
        boolean finished = false;
        d.begin(c);
        try {
          History.progress(c, d, version, j - 1, j, Checksum.of(ops.subList(0, j - 1)));
          try (StatementSink out = new StatementSink(c, d)) {
            d.write(reverse, schemas.get(j), out);
            out.flush();
          }
          if (j == 1) {
            History.delete(c, d, version);
          } else {
            History.progress(c, d, version, j - 1, null, Checksum.of(ops.subList(0, j - 1)));
          }
          d.commit(c);
          finished = true;
        } catch (SQLException e) {
          rollbackQuietly(c, d);
          finished = true;
          // If a statement of the reverse committed, so did the row's "step j started": the next run settles it.
          return notReverted(m, failed, j, op, e.getMessage(), lostNote(ops, schemas, j, failed));
        } finally {
          if (!finished) {
            rollbackQuietly(c, d);
          }
        }
      }
    } catch (SQLException e) {
      return "Reverting the steps that had run failed: " + StatementSink.clause(e.getMessage()) + ". The database is between the previous"
          + " version and this one; " + History.TABLE + " records it as not completed where it could. Check it with"
          + " validate.";
    }
    log().log(Level.INFO, "reverted the {0} step(s) of the failed migration that had run", failed);
    String lost = Losses.of(ops.subList(0, failed), schemas);
    if (!lost.isEmpty()) {
      return "The " + failed + " step(s) of it that had run and committed were reverted, last first, so the schema is"
          + " that of the previous version and " + History.TABLE + " is unchanged, but not every value is back: "
          + lost + " Restore those values from a backup taken before this run (or write them again), then fix the"
          + " cause and migrate again.";
    }
    return "The " + failed + " step(s) of it that had run (DDL commits by itself here) were reverted, last first; "
        + "the database is back at the previous version and " + History.TABLE + " is unchanged.";
  }

  /**
   * Runs the checks of the steps from {@code done} on that can be checked before any of them runs
   * ({@link Preflight}), outside a transaction (they only read); a failure leaves everything as it is.
   */
  private static void preflight(Connection c, Dialect d, Migration m, List<Operation> ops, List<Schema> schemas,
      int done) throws SQLException {
    try (StatementSink out = new StatementSink(c, d, true)) {
      Preflight.write(d, ops.subList(done, ops.size()), schemas.get(done), out);
    } catch (SQLException e) {
      rollbackQuietly(c, d);
      throw new MigrationException("migration " + m + " failed: " + StatementSink.clause(e.getMessage()) + ". This was checked before "
          + (done == 0 ? "its first step ran: nothing was changed and " + History.TABLE + " is unchanged."
              : "its step " + (done + 1) + " ran: " + stepsText(done) + " of it stay in effect, as before, and the"
                  + " next migrate resumes after them."), e);
    }
  }

  /** The values that reverting steps {@code j + 1} to {@code failed} did not give back, as a sentence to append. */
  private static String lostNote(List<Operation> ops, List<Schema> schemas, int j, int failed) {
    String lost = Losses.of(ops.subList(j, failed), schemas.subList(j, failed));
    return lost.isEmpty() ? "" : ". Of the steps reverted, not every value is back: " + lost.substring(0, lost.length() - 1);
  }

  private static String notReverted(Migration m, int failed, int j, Operation op, String reason, String note) {
    return "Its steps 1 to " + failed + " had run and committed (DDL commits by itself here); steps "
        + (j + 1 > failed ? "none" : (j + 1) + " to " + failed) + " were reverted, but step " + j + " (" + op
        + ") could not be: " + reason + note + ". The database is between the previous version and this one: "
        + History.TABLE + " records it as not completed (success false) with " + stepsText(j) + " in effect, and"
        + " status shows it. Once the cause is fixed, migrate again: it resumes " + m + " after step " + j + ".";
  }

  private static void rollbackQuietly(Connection c, Dialect d) {
    try {
      d.rollback(c);
    } catch (SQLException ignored) {
      // the transaction may never have started; the original failure is what matters
    }
  }

  /** Looked up only when there is something to say: logging set-up is not free at start-up. */
  private static System.Logger log() {
    return System.getLogger("io.jmigrate");
  }
}
