package io.jmigrate.engine;

import io.jmigrate.schema.Column;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.schema.ForeignKey;
import io.jmigrate.schema.Index;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.Table;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares a live database, read through JDBC metadata, with an expected schema: tables,
 * columns and their nullability, primary keys, named indexes and foreign keys.
 */
final class SchemaValidator {
  /** Type names as SQLite's and PostgreSQL's drivers report them, to the column types they come from. */
  private static final Map<String, ColumnType> LIVE_TYPES = Map.ofEntries(
      Map.entry("INTEGER", ColumnType.INTEGER), Map.entry("INT4", ColumnType.INTEGER), Map.entry("SERIAL", ColumnType.INTEGER),
      Map.entry("BIGINT", ColumnType.BIGINT), Map.entry("INT8", ColumnType.BIGINT), Map.entry("BIGSERIAL", ColumnType.BIGINT),
      Map.entry("SMALLINT", ColumnType.SMALLINT), Map.entry("INT2", ColumnType.SMALLINT),
      Map.entry("BOOLEAN", ColumnType.BOOLEAN), Map.entry("BOOL", ColumnType.BOOLEAN),
      Map.entry("DOUBLE", ColumnType.DOUBLE), Map.entry("FLOAT8", ColumnType.DOUBLE),
      Map.entry("REAL", ColumnType.REAL), Map.entry("FLOAT4", ColumnType.REAL),
      Map.entry("DECIMAL", ColumnType.DECIMAL), Map.entry("NUMERIC", ColumnType.DECIMAL),
      Map.entry("VARCHAR", ColumnType.STRING), Map.entry("TEXT", ColumnType.STRING),
      Map.entry("DATE", ColumnType.DATE), Map.entry("TIME", ColumnType.TIME),
      Map.entry("TIMESTAMP", ColumnType.TIMESTAMP), Map.entry("TIMESTAMPTZ", ColumnType.TIMESTAMP_TZ),
      Map.entry("UUID", ColumnType.UUID), Map.entry("BLOB", ColumnType.BINARY), Map.entry("BYTEA", ColumnType.BINARY));

  private SchemaValidator() {}

  static List<String> compare(Connection c, Schema expected) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    List<String> out = new ArrayList<>();
    TreeSet<String> live = new TreeSet<>();
    try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String schema = rs.getString("TABLE_SCHEM");
        String name = rs.getString("TABLE_NAME");
        if ((schema == null || schema.equals("public") || schema.equals("main")) && !name.startsWith("sqlite_")
            && !name.equals(History.TABLE)) {
          live.add(name);
        }
      }
    }
    for (Table t : expected.tables()) {
      if (!live.contains(t.name())) {
        out.add("table " + t.name() + " is missing");
        continue;
      }
      compareTable(meta, t, out);
    }
    for (String name : live) {
      if (!expected.has(name)) {
        out.add("table " + name + " is not in the migrations");
      }
    }
    return out;
  }

  private static void compareTable(DatabaseMetaData meta, Table t, List<String> out) throws SQLException {
    Map<String, Boolean> columns = new TreeMap<>();
    Map<String, String> types = new TreeMap<>();
    try (ResultSet rs = meta.getColumns(null, null, t.name(), "%")) {
      while (rs.next()) {
        columns.put(rs.getString("COLUMN_NAME"), rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls);
        types.put(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"));
      }
    }
    for (Column col : t.columns()) {
      Boolean nullable = columns.remove(col.name());
      if (nullable == null) {
        out.add("column " + t.name() + "." + col.name() + " is missing");
        continue;
      }
      String live = types.get(col.name());
      ColumnType liveType = LIVE_TYPES.get(live == null ? "" : live.toUpperCase(Locale.ROOT));
      boolean rowidAlias = col.generated() && liveType == ColumnType.INTEGER; // SQLite's INTEGER PRIMARY KEY
      if (liveType != col.type() && !rowidAlias) {
        out.add("column " + t.name() + "." + col.name() + " has the type " + live + " but the migrations make it "
            + col.type());
      } else if (nullable != col.nullable() && !(t.primaryKey().contains(col.name()))) {
        out.add("column " + t.name() + "." + col.name() + " is " + (nullable ? "nullable" : "NOT NULL")
            + " but the migrations make it " + (col.nullable() ? "nullable" : "NOT NULL"));
      }
    }
    for (String extra : columns.keySet()) {
      out.add("column " + t.name() + "." + extra + " is not in the migrations");
    }

    TreeMap<Integer, String> pk = new TreeMap<>();
    try (ResultSet rs = meta.getPrimaryKeys(null, null, t.name())) {
      while (rs.next()) {
        pk.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
      }
    }
    if (!List.copyOf(pk.values()).equals(t.primaryKey())) {
      out.add("table " + t.name() + " has the primary key " + pk.values() + " but the migrations give " + t.primaryKey());
    }

    TreeSet<String> indexes = new TreeSet<>();
    try (ResultSet rs = meta.getIndexInfo(null, null, t.name(), false, false)) {
      while (rs.next()) {
        String name = rs.getString("INDEX_NAME");
        if (name != null) {
          indexes.add(name.toLowerCase(Locale.ROOT));
        }
      }
    }
    for (Index i : t.indexes()) {
      if (!indexes.contains(i.name())) {
        out.add("index " + i.name() + " on " + t.name() + " is missing");
      }
    }

    TreeSet<String> fks = new TreeSet<>();
    try (ResultSet rs = meta.getImportedKeys(null, null, t.name())) {
      while (rs.next()) {
        fks.add(rs.getString("FKCOLUMN_NAME") + "->" + rs.getString("PKTABLE_NAME") + "." + rs.getString("PKCOLUMN_NAME"));
      }
    }
    TreeSet<String> expectedFks = new TreeSet<>();
    for (ForeignKey f : t.foreignKeys()) {
      for (int i = 0; i < f.columns().size(); i++) {
        expectedFks.add(f.columns().get(i) + "->" + f.refTable() + "." + f.refColumns().get(i));
      }
    }
    for (String f : expectedFks) {
      if (!fks.contains(f)) {
        out.add("foreign key " + t.name() + "." + f + " is missing");
      }
    }
    for (String f : fks) {
      if (!expectedFks.contains(f)) {
        out.add("foreign key " + t.name() + "." + f + " is not in the migrations");
      }
    }
  }
}
