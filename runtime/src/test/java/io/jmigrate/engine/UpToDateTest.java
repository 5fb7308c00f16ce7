package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.Migration;
import io.jmigrate.migration.MigrationIndex;
import io.jmigrate.testing.Sql;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up check from the index alone, on a real SQLite file. The index below names classes
 * that do not exist: the check can only pass without loading any of them.
 */
class UpToDateTest {
  @TempDir Path dir;

  private final List<Migration> migrations = List.of(
      new TestMigration(1, "create a", createTable(table("a", column("id", BIGINT).notNull()).primaryKey("id"))),
      new TestMigration(2, "create b", createTable(table("b", column("id", BIGINT).notNull()).primaryKey("id"))));

  private List<MigrationIndex.Entry> index(List<Migration> ms) {
    List<MigrationIndex.Entry> out = new ArrayList<>();
    for (Migration m : ms) {
      out.add(new MigrationIndex.Entry("missing.V" + m.version(), m.version(), m.checksum(), null, false));
    }
    return out;
  }

  private URL url() throws Exception {
    return dir.resolve("migrations").toUri().toURL();
  }

  @Test
  void upToDateWithoutLoadingAClassSqlite() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("a.db"))) {
      upToDateWithoutLoadingAClass(c);
    }
  }

  @Test
  void upToDateWithoutLoadingAClassPostgres() throws Exception {
    try (Connection c = io.jmigrate.testing.Postgres.newDatabase()) {
      upToDateWithoutLoadingAClass(c);
    }
  }

  @Test
  void upToDateWithoutLoadingAClassMariaDb() throws Exception {
    try (Connection c = io.jmigrate.testing.MariaDb.newDatabase()) {
      upToDateWithoutLoadingAClass(c);
    }
  }

  @Test
  void upToDateWithoutLoadingAClassH2() throws Exception {
    try (Connection c = io.jmigrate.testing.H2.file(dir, "a")) {
      upToDateWithoutLoadingAClass(c);
    }
  }

  @Test
  void upToDateWithoutLoadingAClassH2UpperCase() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("upper").toAbsolutePath()
        + io.jmigrate.testing.H2.DEFAULT_FOLDING)) {
      upToDateWithoutLoadingAClass(c);
    }
  }

  private void upToDateWithoutLoadingAClass(Connection c) throws Exception {
    {
      ClassLoader loader = getClass().getClassLoader();
      assertFalse(UpToDate.check(c, url(), index(migrations), loader), "no history yet");
      new Migrator(migrations.subList(0, 1)).migrate(c);
      assertFalse(UpToDate.check(c, url(), index(migrations), loader), "version 2 is pending");
      new Migrator(migrations).migrate(c);
      assertTrue(UpToDate.check(c, url(), index(migrations), loader));
      MigrationIndex.Summary summary = MigrationIndex.Summary.of(index(migrations));
      assertTrue(UpToDate.check(c, summary), "from the summary alone");
      assertFalse(UpToDate.check(c, new MigrationIndex.Summary(2, 2, 3, summary.checksumSum() + 1, 0)), "another checksum");
      assertFalse(UpToDate.check(c, new MigrationIndex.Summary(2, 3, 3, summary.checksumSum(), 0)), "another latest");

      List<MigrationIndex.Entry> edited = new ArrayList<>(index(migrations));
      edited.set(0, new MigrationIndex.Entry("missing.V1", 1, migrations.get(0).checksum() + 1, null, false));
      assertFalse(UpToDate.check(c, url(), edited, loader), "a checksum that disagrees goes to the migrator");
      assertFalse(UpToDate.check(c, url(), index(migrations.subList(0, 1)), loader), "the database is ahead");
      List<MigrationIndex.Entry> unknown = new ArrayList<>(index(migrations));
      unknown.set(1, new MigrationIndex.Entry("missing.V2", 2, null, null, false));
      assertFalse(UpToDate.check(c, url(), unknown, loader), "an unknown checksum loads the class, which is missing here");
      assertFalse(UpToDate.check(c, url(), List.of(new MigrationIndex.Entry("missing.V1", 0, null, null, false),
          new MigrationIndex.Entry("missing.V2", 0, null, null, false)), loader), "the first format: the migrator decides");

      List<MigrationIndex.Entry> squashed = List.of(new MigrationIndex.Entry("missing.V2", 2, 12345, null, true));
      assertTrue(UpToDate.check(c, url(), squashed, loader), "rows up to a squash are accepted, whatever their checksum");
      List<MigrationIndex.Entry> later = new ArrayList<>(squashed);
      later.add(new MigrationIndex.Entry("missing.V3", 3, 1, null, false));
      assertFalse(UpToDate.check(c, url(), later, loader), "version 3 is pending after the squash");

      Sql.exec(c, "UPDATE jmigrate_history SET success = FALSE WHERE version = 1");
      assertFalse(UpToDate.check(c, url(), index(migrations), loader), "a row not completed");
      Sql.exec(c, "UPDATE jmigrate_history SET success = TRUE WHERE version = 1");
      assertTrue(UpToDate.check(c, url(), index(migrations), loader));

      // A row at version 0 with a summary whose count and sums include it: only the lowest version tells.
      Sql.exec(c, "INSERT INTO jmigrate_history (version, description, checksum, execution_ms, success)"
          + " VALUES (0, 'zero', 7, 0, TRUE)");
      MigrationIndex.Summary withZero = new MigrationIndex.Summary(3, 2, 3, summary.checksumSum() + 7, 0);
      assertFalse(UpToDate.check(c, withZero), "a row at version 0 goes to the migrator");
      Sql.exec(c, "DELETE FROM jmigrate_history WHERE version = 0");
      assertTrue(UpToDate.check(c, summary));
      Sql.exec(c, "DELETE FROM jmigrate_history WHERE version = 1");
      assertFalse(UpToDate.check(c, url(), index(migrations), loader), "a gap");
    }
  }

  /**
   * The two forms of the comparison (the database's aggregates, read elsewhere; the rows summed here, read
   * on H2) agree on every history state and summary below, squashed or not, on H2 and SQLite.
   */
  @Test
  void theRowsAndTheAggregatesAgree() throws Exception {
    try (Connection h2 = io.jmigrate.testing.H2.file(dir, "forms");
        Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("forms.db"))) {
      for (Connection c : List.of(h2, sqlite)) {
        new Migrator(migrations).migrate(c);
        long sum = MigrationIndex.Summary.of(index(migrations)).checksumSum();
        long first = migrations.get(0).checksum();
        long second = migrations.get(1).checksum();
        List<MigrationIndex.Summary> summaries = List.of(new MigrationIndex.Summary(2, 2, 3, sum, 0),
            new MigrationIndex.Summary(2, 2, 3, sum + 1, 0), new MigrationIndex.Summary(2, 3, 3, sum, 0),
            new MigrationIndex.Summary(1, 2, 2, second, 1), new MigrationIndex.Summary(0, 2, 0, 0, 2),
            new MigrationIndex.Summary(1, 1, 1, first, 0), new MigrationIndex.Summary(3, 2, 3, sum + 7, 0));
        List<String> states = List.of("SELECT 1", "UPDATE jmigrate_history SET success = FALSE WHERE version = 1",
            "UPDATE jmigrate_history SET success = TRUE WHERE version = 1",
            "INSERT INTO jmigrate_history (version, description, checksum, execution_ms, success)"
                + " VALUES (0, 'zero', 7, 0, TRUE)",
            "DELETE FROM jmigrate_history WHERE version = 1", "DELETE FROM jmigrate_history");
        int agreedTrue = 0;
        for (String state : states) {
          Sql.exec(c, state);
          for (MigrationIndex.Summary summary : summaries) {
            boolean aggregated;
            try (var st = c.createStatement(); var rs = st.executeQuery(UpToDate.query("jmigrate_history",
                summary.squashedThrough()))) {
              aggregated = UpToDate.matches(rs, summary);
            }
            boolean rows;
            try (var st = c.createStatement();
                var rs = st.executeQuery("SELECT version, checksum, success FROM jmigrate_history")) {
              rows = UpToDate.matchesRows(rs, summary);
            }
            org.junit.jupiter.api.Assertions.assertEquals(aggregated, rows, state + " / " + summary);
            agreedTrue += rows ? 1 : 0;
          }
        }
        assertTrue(agreedTrue >= 2, "some states are up to date: the comparison is not always false");
      }
    }
  }

  @Test
  void anUnknownChecksumIsComputedFromItsClassAlone() throws Exception {
    Files.createDirectories(dir);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("b.db"))) {
      List<Migration> ms = List.of(new Created());
      new Migrator(ms).migrate(c);
      List<MigrationIndex.Entry> entries = List.of(new MigrationIndex.Entry(Created.class.getName(), 1, null, null, false));
      assertTrue(UpToDate.check(c, url(), entries, getClass().getClassLoader()));
      c.setAutoCommit(false);
      assertFalse(UpToDate.check(c, url(), entries, getClass().getClassLoader()), "in the caller's transaction: the migrator");
    }
  }

  /** A migration class with a public no-argument constructor, as generated ones have. */
  public static final class Created extends Migration {
    public Created() {
      super(1, "create c");
    }

    @Override
    public List<io.jmigrate.migration.Operation> up() {
      return List.of(createTable(table("c", column("id", BIGINT).notNull()).primaryKey("id")));
    }
  }
}
