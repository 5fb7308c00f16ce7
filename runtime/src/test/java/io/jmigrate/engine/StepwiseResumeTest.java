package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static io.jmigrate.testing.Sql.exec;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.migration.Checksum;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.testing.H2;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming a partly applied migration where DDL commits by itself (on an H2 file): what the catalog
 * cannot settle is never run again blindly, the way out the error gives works, and the steps done
 * are pinned by their checksum while later steps may be fixed.
 */
class StepwiseResumeTest {
  @TempDir Path dir;

  static final Migration V1 = MariaDbMigratorTest.V1;

  @Test
  void aStartedDataStepIsNotRunAgainBlindly() throws Exception {
    Operation[] ops = {addColumn("t", column("b", INTEGER)), sql("UPDATE t SET n = n + 1"), addIndex("t", index("ix_t_n", "n"))};
    Migrator m = new Migrator(List.of(V1, new TestMigration(2, "bump", ops)));
    try (Connection c = H2.file(dir, "db")) {
      m.migrateTo(c, 1);
      exec(c, "INSERT INTO t (id, a, n) VALUES (1, 'x', 5)");
      // What a run killed inside step 2 leaves when that step had committed: its effect, and "step 2 started".
      Dialect d = Dialect.of(c);
      exec(c, "ALTER TABLE t ADD COLUMN b INTEGER");
      exec(c, "UPDATE t SET n = n + 1");
      History.addProgressColumns(c, d);
      History.insertStarted(c, d, 2, "bump", Checksum.of(List.of()));
      History.progress(c, d, 2, 1, 2, Checksum.of(List.of(ops[0])));
      assertEquals(new Status.Progress(1, 3, 2), m.status(c).entries().get(1).progress());

      MigrationException e = assertThrows(MigrationException.class, () -> m.migrate(c));
      assertTrue(e.getMessage().contains("(in effect: step 1 of 3), and step 2 ("), e.getMessage());
      assertTrue(e.getMessage().contains("does not show in the catalog") && e.getMessage().contains("Nothing was run"),
          e.getMessage());
      assertEquals(List.of("6"), strings(c, "SELECT n FROM t"), "the update did not run twice");

      // The way out the message gives: step 2 is wholly in effect.
      Matcher ran = Pattern.compile("wholly in effect: (UPDATE [^;]+);").matcher(e.getMessage());
      assertTrue(ran.find(), e.getMessage());
      exec(c, ran.group(1));
      assertEquals(List.of(2), m.migrate(c).stream().map(AppliedMigration::version).toList());
      assertEquals(List.of("6"), strings(c, "SELECT n FROM t"));
      assertTrue(m.validate(c).isEmpty(), m.validate(c).toString());
      Status status = m.status(c);
      assertTrue(status.currentVersion() == 2 && status.problems().isEmpty() && status.pending().isEmpty(), status.toString());
    }
  }

  @Test
  void theStepsDoneMustStayAsTheyRanLaterStepsMayBeFixed() throws Exception {
    Operation add = addColumn("t", column("b", INTEGER));
    Operation side = sql("CREATE TABLE side (id INT)"); // no reverse: the failure below cannot undo it
    Migrator broken = new Migrator(List.of(V1, new TestMigration(2, "side", add, side, sql("INSERT INTO nowhere VALUES (1)"))));
    Migrator editedDone = new Migrator(List.of(V1, new TestMigration(2, "side",
        addColumn("t", column("c", INTEGER)), side, sql("INSERT INTO side VALUES (1)"))));
    Migration fixedV2 = new TestMigration(2, "side", add, side, sql("INSERT INTO side VALUES (1)"));
    Migrator fixed = new Migrator(List.of(V1, fixedV2));
    try (Connection c = H2.file(dir, "db")) {
      assertThrows(MigrationException.class, () -> broken.migrate(c));
      assertEquals(new Status.Progress(2, 3, null), broken.status(c).entries().get(1).progress());

      String problem = editedDone.status(c).entries().get(1).problem();
      assertTrue(problem != null && problem.contains("changed after it was partly applied"), problem);
      MigrationException e = assertThrows(MigrationException.class, () -> editedDone.migrate(c));
      assertTrue(e.getMessage().contains("changed after it was partly applied"), e.getMessage());

      // The preview shows what the resumed run runs: step 3 only.
      List<String> preview = fixed.sql(c);
      assertEquals(List.of("-- V0002 side (partly applied: resumed after step 2)", "INSERT INTO side VALUES (1);"), preview);
      assertEquals(List.of(2), fixed.migrate(c).stream().map(AppliedMigration::version).toList());
      assertEquals(List.of("1"), strings(c, "SELECT COUNT(*) FROM side"));
      assertEquals(List.of(String.valueOf(fixedV2.checksum())), strings(c, "SELECT checksum FROM jmigrate_history WHERE version = 2"));
      assertTrue(fixed.status(c).problems().isEmpty() && fixed.status(c).currentVersion() == 2, fixed.status(c).toString());
    }
  }
}
