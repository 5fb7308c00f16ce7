package io.jmigrate.engine;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.migration.MigrationIndex;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The start-up check that needs no migration class: the history compared with what the build
 * wrote into the {@link MigrationIndex} (versions and checksums computed from the compiled
 * classes). It answers only "up to date, exactly as the migrator would decide"; anything else
 * (pending, unknown, disagreeing, not completed, no history) is "ask the {@link Migrator}", which
 * loads the classes and explains. An entry whose checksum the index does not know (a build without
 * the processor, an index of the first format) is loaded on its own and checksummed here.
 */
public final class UpToDate {
  private UpToDate() {}

  /**
   * The one query: every figure the comparison needs, aggregated by the database, so that a long
   * history costs the start-up one row, not one row per migration (thousands of rows through JDBC
   * in a cold JVM cost more than the rest of the check). Rows up to a squashed migration's version
   * are accepted whatever their checksum, as the migrator accepts them.
   *
   * <p>Without a squash (the usual history) the plain aggregates, with no CASE to evaluate per row
   * (on H2 the query runs in the application's JVM, cold, once per row: this form costs a 1,000-row
   * history about a fifth less CPU): every row's version must then be at least 1, so that the sums
   * over all rows are the sums over the rows above 0, and a failed row is one whose success is not
   * TRUE. The same six figures, read by {@link #matches}.
   */
  static String query(String history, int squashedThrough) {
    if (squashedThrough == 0) {
      return "SELECT COUNT(*), MAX(version), SUM(version), SUM(checksum), COUNT(NULLIF(success, TRUE)), MIN(version)"
          + " FROM " + history;
    }
    String above = "version > " + squashedThrough;
    return "SELECT SUM(CASE WHEN " + above + " THEN 1 ELSE 0 END), MAX(version),"
        + " SUM(CASE WHEN " + above + " THEN version ELSE 0 END), SUM(CASE WHEN " + above + " THEN checksum ELSE 0 END),"
        + " SUM(CASE WHEN success = FALSE THEN 1 ELSE 0 END), SUM(CASE WHEN version = " + squashedThrough
        + " THEN 1 ELSE 0 END) FROM " + history;
  }

  /** Whether the row of {@link #query} agrees with the summary. */
  static boolean matches(ResultSet rs, MigrationIndex.Summary summary) throws SQLException {
    int squashedThrough = summary.squashedThrough();
    return rs.next()
        && rs.getLong(1) == summary.count() // rows above the squash
        && rs.getLong(2) == summary.latest() // the latest version
        && rs.getLong(3) == summary.versionSum()
        && rs.getLong(4) == summary.checksumSum()
        && rs.getLong(5) == 0 // rows not completed
        && (squashedThrough == 0
            ? rs.getLong(6) >= 1 // the lowest version: no row at or below 0 (MIN of no rows reads as 0)
            : rs.getLong(6) == 1); // the squashed migration's own row (or the replaced Nth)
  }

  /**
   * The start-up fast path of every entry point (the API, the command line, the Maven goals, the
   * framework integrations): the latest version of the migrations indexed on {@code loader}'s class
   * path when {@code c}'s database is up to date with them, else empty (no single index, or anything
   * for the migrator to do or explain). Reads the index's summary (two lines, however long the
   * history) and makes one query; loads no migration class.
   */
  public static OptionalInt check(Connection c, ClassLoader loader) {
    try {
      List<URL> indexes = MigrationIndex.find(loader);
      if (indexes.size() != 1) {
        return OptionalInt.empty(); // none, or several: the migrator says what is wrong
      }
      URL index = indexes.get(0);
      MigrationIndex.Summary summary = MigrationIndex.readSummary(index);
      if (summary != null) {
        return check(c, summary) ? OptionalInt.of(summary.latest()) : OptionalInt.empty();
      }
      List<MigrationIndex.Entry> entries = MigrationIndex.read(index);
      return check(c, index, entries, loader)
          ? OptionalInt.of(entries.stream().mapToInt(MigrationIndex.Entry::version).max().orElse(0))
          : OptionalInt.empty();
    } catch (RuntimeException unreadable) {
      return OptionalInt.empty(); // the migrator reads the index again and reports properly
    }
  }

  /**
   * Whether {@code c}'s database is at the index's latest version with a history that agrees with
   * it: as many rows above the squash as the index has migrations, the same latest version, the
   * same sum of versions (no gap, no unknown version) and the same sum of checksums (an edited
   * migration changes its checksum, and so the sum), no row marked not completed. Anything else is
   * "ask the migrator". Sums, not row by row: two edits whose checksum changes cancel exactly (a
   * chance of about 2^-32) would go unnoticed here, and be caught by any full check.
   */
  public static boolean check(Connection c, URL index, List<MigrationIndex.Entry> entries, ClassLoader loader) {
    List<MigrationIndex.Entry> known = new ArrayList<>(entries.size());
    try {
      for (MigrationIndex.Entry e : entries) {
        known.add(e.known() || e.version() == 0 ? e : new MigrationIndex.Entry(e.className(), e.version(),
            MigrationIndex.instantiate(e.className(), index, loader).checksum(), e.fingerprint(), e.squashed()));
      } // an unknown checksum is verified lazily: that class only
    } catch (RuntimeException cannot) {
      return false; // the migrator loads it again and says what is wrong
    }
    MigrationIndex.Summary summary = MigrationIndex.Summary.of(known); // null for the first format
    return summary != null && check(c, summary);
  }

  /**
   * As above, from the summary the build wrote at the head of the index.
   *
   * <p>Where one of jmigrate's own dialects serves the connection ({@link #builtIn}), the query names
   * the history unquoted, as the database folds it, and no dialect class is loaded (they are large, and
   * the start-up would load them only for this name). Where that name finds no table (no history yet,
   * or an H2 history made in lower case before H2's dialect followed the folding), the dialect quotes
   * it, as for any other database.
   */
  public static boolean check(Connection c, MigrationIndex.Summary summary) {
    int squashedThrough = summary.squashedThrough();
    try {
      if (!c.getAutoCommit()) {
        return false; // a failed read would abort the caller's transaction on PostgreSQL; the migrator handles it
      }
      String driver = driverClass(c);
      if (builtIn(c, driver)) {
        try {
          return matches(c, History.TABLE, summary, driver.startsWith(H2));
        } catch (SQLException notFound) {
          // the dialect's name for it, below
        }
      }
      Dialect d = Dialect.of(c);
      return matches(c, d.quote(History.TABLE), summary, false);
    } catch (SQLException | RuntimeException e) {
      return false; // the migrator reads again and reports properly
    }
  }

  /** The package of H2's JDBC classes: an H2 database runs in the application's JVM. */
  private static final String H2 = "org.h2.";

  /**
   * The packages of the JDBC drivers whose every URL one of jmigrate's own dialects serves
   * ({@link Dialect#foldsUnquotedNames}): pgjdbc takes only {@code jdbc:postgresql:}, H2 {@code jdbc:h2:},
   * sqlite-jdbc {@code jdbc:sqlite:}, MariaDB Connector/J {@code jdbc:mariadb:} and {@code jdbc:mysql:}.
   */
  private static final String[] BUILT_IN_DRIVERS = {"org.postgresql.", H2, "org.sqlite.", "org.mariadb.jdbc."};

  /**
   * The class name of the driver's own connection under any pool's proxy ({@code unwrap} hands it
   * out), or "" when the pool does not. Known by name, a driver needs no {@code getMetaData()}: its
   * class is large and a cold start would load it only for the URL.
   */
  private static String driverClass(Connection c) {
    try {
      Connection own = c.unwrap(Connection.class);
      return own == null ? "" : own.getClass().getName();
    } catch (SQLException | RuntimeException e) {
      return "";
    }
  }

  private static boolean builtIn(Connection c, String driver) throws SQLException {
    for (String known : BUILT_IN_DRIVERS) {
      if (driver.startsWith(known)) {
        return true;
      }
    }
    return Dialect.foldsUnquotedNames(c.getMetaData().getURL());
  }

  /**
   * Runs the comparison against {@code history}. On H2 the rows are read and summed here: the database
   * runs in this JVM, cold at start-up, and its aggregate code costs more there than reading the three
   * columns of a 1,000-row history (about 15 against 10 ms of CPU); elsewhere the database aggregates,
   * and one row crosses the connection.
   */
  private static boolean matches(Connection c, String history, MigrationIndex.Summary summary, boolean rows)
      throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(rows ? "SELECT version, checksum, success FROM " + history
            : query(history, summary.squashedThrough()))) {
      return rows ? matchesRows(rs, summary) : matches(rs, summary);
    }
  }

  /**
   * {@link #matches} from the history's rows (version, checksum, success) instead of the aggregated
   * row: the same six figures, computed as the database computes them for {@link #query} (a null
   * checksum adds nothing, a null success is not counted as failed, the maximum of no rows is 0).
   */
  static boolean matchesRows(ResultSet rs, MigrationIndex.Summary summary) throws SQLException {
    int squashedThrough = summary.squashedThrough();
    long count = 0;
    long versionSum = 0;
    long checksumSum = 0;
    long failed = 0;
    long squashedRows = 0;
    long max = Long.MIN_VALUE;
    long min = Long.MAX_VALUE;
    boolean any = false;
    while (rs.next()) {
      long version = rs.getLong(1);
      long checksum = rs.getLong(2); // 0 for NULL, which SUM skips
      boolean success = rs.getBoolean(3);
      boolean failedRow = !success && !rs.wasNull();
      any = true;
      max = Math.max(max, version);
      min = Math.min(min, version);
      failed += failedRow ? 1 : 0;
      if (version > squashedThrough) {
        count++;
        versionSum += version;
        checksumSum += checksum;
      }
      squashedRows += version == squashedThrough ? 1 : 0;
    }
    if (!any) {
      max = 0;
      min = 0;
    }
    return count == summary.count()
        && max == summary.latest()
        && versionSum == summary.versionSum()
        && checksumSum == summary.checksumSum()
        && failed == 0
        && (squashedThrough == 0 ? min >= 1 : squashedRows == 1);
  }
}
