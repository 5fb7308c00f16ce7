package io.jmigrate.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC for tests: run a statement, read a query's rows. */
public final class Sql {
  private Sql() {}

  public static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** The first column of every row, as text. */
  public static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    for (List<Object> row : rows(c, sql)) {
      out.add(row.get(0) == null ? null : row.get(0).toString());
    }
    return out;
  }

  public static List<List<Object>> rows(Connection c, String sql) throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        out.add(row);
      }
    }
    return out;
  }
}
