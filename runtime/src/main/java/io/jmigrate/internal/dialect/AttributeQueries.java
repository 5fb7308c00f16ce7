package io.jmigrate.internal.dialect;

import io.jmigrate.dialect.LiveAttribute;
import io.jmigrate.dialect.LiveCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Runs attribute queries that each return: table, object, attribute, value, whether the object is left out ('t'/'f', 1/0). */
final class AttributeQueries {
  private AttributeQueries() {}

  static List<LiveAttribute> run(Connection c, List<String> queries) throws SQLException {
    List<LiveAttribute> out = new ArrayList<>();
    for (String query : queries) {
      try (PreparedStatement s = c.prepareStatement(LiveCatalog.MARK + query); ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String left = rs.getString(5);
          out.add(new LiveAttribute(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              left.equals("t") || left.equals("1")));
        }
      }
    }
    return out;
  }
}
