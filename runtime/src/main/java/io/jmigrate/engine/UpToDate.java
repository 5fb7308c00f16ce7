package io.jmigrate.engine;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.migration.MigrationIndex;
import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  /** Whether {@code c}'s database is at the index's latest version with a history that agrees with it. */
  public static boolean check(Connection c, URL index, List<MigrationIndex.Entry> entries, ClassLoader loader) {
    if (entries.isEmpty()) {
      return false;
    }
    Map<Integer, MigrationIndex.Entry> byVersion = new HashMap<>();
    int squashedThrough = 0;
    int latest = 0;
    for (MigrationIndex.Entry e : entries) {
      if (e.version() <= latest || e.className().isEmpty()) {
        return false; // the first format, or not in version order: the migrator decides
      }
      latest = e.version();
      byVersion.put(e.version(), e);
      if (e.squashed()) {
        squashedThrough = e.version();
      }
    }
    try {
      if (!c.getAutoCommit()) {
        return false; // a failed read would abort the caller's transaction on PostgreSQL; the migrator handles it
      }
      List<HistoryRow> rows = History.read(c, Dialect.of(c));
      if (rows == null || rows.isEmpty() || rows.get(rows.size() - 1).version() != latest) {
        return false;
      }
      int seen = 0;
      for (HistoryRow row : rows) {
        if (!row.success()) {
          return false;
        }
        MigrationIndex.Entry e = byVersion.get(row.version());
        if (row.version() <= squashedThrough) {
          // A squashed migration's row, or one of the migrations it replaces, applied before the squash.
          seen += e != null ? 1 : 0;
          continue;
        }
        if (e == null) {
          return false;
        }
        int checksum = e.checksum() != null ? e.checksum()
            : MigrationIndex.instantiate(e.className(), index, loader).checksum();
        if (checksum != row.checksum() || !String.valueOf(checksum).equals(row.storedChecksum())) {
          return false;
        }
        seen++;
      }
      return seen == entries.size(); // no gap: every migration the build has is applied
    } catch (SQLException | RuntimeException e) {
      return false; // the migrator reads again and reports properly
    }
  }
}
