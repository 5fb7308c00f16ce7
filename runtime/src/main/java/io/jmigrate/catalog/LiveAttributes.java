package io.jmigrate.catalog;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.dialect.LiveAttribute;
import io.jmigrate.dialect.LiveCatalog;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What live tables have that jmigrate's schema values do not describe (see {@link LiveAttribute}), as
 * each dialect reads it ({@link LiveCatalog#attributes}): shared by {@code inspect}, {@code validate}
 * and the check that refuses a migration that would strip one. When the model learns an attribute
 * (a comment, a collation, a generated column), its query leaves the dialect's list.
 */
public final class LiveAttributes {
  private LiveAttributes() {}

  /** Marks these catalog reads in a statement log, apart from a migration's own statements. */
  public static final String MARK = LiveCatalog.MARK;

  /** Everything of this kind in the connection's current schema, in a stable order. */
  public static List<LiveAttribute> read(Connection c, Dialect d) throws SQLException {
    List<LiveAttribute> out = new ArrayList<>(d.liveCatalog().attributes(c));
    out.sort(java.util.Comparator.comparing((LiveAttribute a) -> a.object()).thenComparing(LiveAttribute::attribute));
    return out;
  }
}
