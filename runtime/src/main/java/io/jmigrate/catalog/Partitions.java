package io.jmigrate.catalog;

import io.jmigrate.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Partitions (PostgreSQL's), as the dialect lists them ({@link io.jmigrate.dialect.LiveCatalog#partitionsQuery}):
 * tables of their own in the catalog, but parts of their parent, which is the table a model describes. The database keeps them; no migration creates or drops one.
 */
public final class Partitions {
  private Partitions() {}

  /** The catalog type JDBC gives a partitioned parent (PostgreSQL's relkind {@code p}). */
  public static final String PARTITIONED_TABLE = "PARTITIONED TABLE";

  /** The query listing them ({@code partition parent} per row), or null where the dialect has none. */
  public static String query(Dialect d) {
    return d.liveCatalog().partitionsQuery();
  }

  /** The partitioned tables (the parents), where the dialect has them. */
  public static java.util.Set<String> parents(Connection c, Dialect d) throws SQLException {
    java.util.Set<String> out = new java.util.TreeSet<>();
    String query = d.liveCatalog().partitionedTablesQuery();
    if (query != null) {
      try (PreparedStatement s = c.prepareStatement(LiveAttributes.MARK + query); ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /** Each partition's parent, by the partition's name. */
  public static Map<String, String> of(Connection c, Dialect d) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    String query = query(d);
    if (query != null) {
      try (PreparedStatement s = c.prepareStatement(query); ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String row = rs.getString(1);
          int space = row.indexOf(' ');
          out.put(row.substring(0, space), row.substring(space + 1));
        }
      }
    }
    return out;
  }
}
