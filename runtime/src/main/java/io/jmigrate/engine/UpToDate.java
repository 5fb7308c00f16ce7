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
   * <p>Where one of jmigrate's own dialects serves the URL ({@link Dialect#foldsUnquotedNames}), the
   * query names the history unquoted, as the database folds it, and no dialect class is loaded (they
   * are large, and the start-up would load them only for this name). Where that name finds no table
   * (no history yet, or an H2 history made in lower case before H2's dialect followed the folding),
   * the dialect quotes it, as for any other database.
   */
  public static boolean check(Connection c, MigrationIndex.Summary summary) {
    int squashedThrough = summary.squashedThrough();
    try {
      if (!c.getAutoCommit()) {
        return false; // a failed read would abort the caller's transaction on PostgreSQL; the migrator handles it
      }
      if (Dialect.foldsUnquotedNames(c.getMetaData().getURL())) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query(History.TABLE, squashedThrough))) {
          return matches(rs, summary);
        } catch (SQLException notFound) {
          // the dialect's name for it, below
        }
      }
      Dialect d = Dialect.of(c);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(query(d.quote(History.TABLE), squashedThrough))) {
        return matches(rs, summary);
      }
    } catch (SQLException | RuntimeException e) {
      return false; // the migrator reads again and reports properly
    }
  }
}
