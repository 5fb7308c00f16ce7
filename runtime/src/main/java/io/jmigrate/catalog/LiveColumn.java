package io.jmigrate.catalog;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.schema.ColumnType;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One live column as the catalog reports it, read the same way by {@code inspect} and by
 * {@code validate}. On SQLite, whose driver reports lengths oddly ({@code NUMERIC(10,2)} as 12),
 * the type is the one declared in {@code CREATE TABLE} ({@code PRAGMA table_info}).
 *
 * @param typeName the type's name ({@code varchar}, SQLite's declared {@code NVARCHAR})
 * @param shown the type as the report shows it ({@code varchar(40)}, SQLite's declared text)
 * @param comment the column's comment (JDBC's {@code REMARKS}); null when it has none
 */
public record LiveColumn(String name, String typeName, String shown, int size, int digits, boolean nullable,
    String defaultText, boolean generated, String comment) {

  public LiveColumn {
    comment = comment == null || comment.isEmpty() ? null : comment;
  }

  /** A column without a comment. */
  public LiveColumn(String name, String typeName, String shown, int size, int digits, boolean nullable,
      String defaultText, boolean generated) {
    this(name, typeName, shown, size, digits, nullable, defaultText, generated, null);
  }

  /** The column type the dialect reads this as, or null when it has none. */
  public ColumnType type(Dialect d) {
    return d.liveType(typeName);
  }

  /** Its length, precision and scale, read as {@link TypeShape} reads them. */
  public TypeShape shape(Dialect d) {
    ColumnType type = type(d);
    return type == null ? new TypeShape(0, 0, 0) : TypeShape.live(type, typeName, size, digits);
  }

  /** The columns of {@code table} in their order. */
  public static List<LiveColumn> of(Connection c, Dialect d, String catalog, String schema, String table)
      throws SQLException {
    Map<String, String> declared = declaredTypes(c, d, table);
    TreeMap<Integer, LiveColumn> rows = new TreeMap<>();
    try (ResultSet rs = d.catalog(c).getColumns(catalog, schema, table, "%")) { // H2 folding to upper case: the models' names
      while (rs.next()) {
        if (!table.equals(rs.getString("TABLE_NAME"))) {
          continue; // '_' in a name is a pattern wildcard
        }
        String name = rs.getString("COLUMN_NAME");
        String typeName = rs.getString("TYPE_NAME");
        int size = rs.getInt("COLUMN_SIZE");
        int digits = rs.getInt("DECIMAL_DIGITS");
        String shown = typeName;
        var m = TypeShape.WRITTEN.matcher(declared.getOrDefault(name, ""));
        if (m.matches()) { // SQLite: the type as declared, NVARCHAR(160), NUMERIC(10,2)
          typeName = m.group(1).trim();
          size = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
          digits = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
          shown = declared.get(name);
        } else if (d.liveType(typeName) != null) {
          shown = typeName + TypeShape.live(d.liveType(typeName), typeName, size, digits);
        }
        rows.put(rs.getInt("ORDINAL_POSITION"), new LiveColumn(name, typeName, shown, size, digits,
            rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls, rs.getString("COLUMN_DEF"),
            "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT")), rs.getString("REMARKS")));
      }
    }
    return new ArrayList<>(rows.values());
  }

  private static Map<String, String> declaredTypes(Connection c, Dialect d, String table) throws SQLException {
    return d.liveCatalog().declaredTypes(c, table);
  }
}
