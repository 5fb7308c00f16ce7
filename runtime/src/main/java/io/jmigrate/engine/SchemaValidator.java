package io.jmigrate.engine;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.schema.ForeignKeyDefinition;
import io.jmigrate.schema.IndexDefinition;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.TableDefinition;
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
 * columns and their nullability, primary keys, named indexes and foreign keys, in the
 * connection's current schema; the dialect says which schema that is and how types are named.
 */
final class SchemaValidator {
  private SchemaValidator() {}

  /** The application's tables in the connection's current schema (not the history, not the database's own). */
  static TreeSet<String> liveTables(Connection c, Dialect dialect) throws SQLException {
    TreeSet<String> live = new TreeSet<>();
    try (ResultSet rs = dialect.catalog(c).getTables(dialect.currentCatalog(c), dialect.currentSchema(c), "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME");
        if (!dialect.isSystemTable(name) && !name.equals(History.TABLE)
            && !name.equalsIgnoreCase(LeaseLock.TABLE)) {
          live.add(name);
        }
      }
    }
    return live;
  }

  static Drift compare(Connection c, Dialect dialect, int version, Schema expected) throws SQLException {
    DatabaseMetaData meta = dialect.catalog(c);
    String catalog = dialect.currentCatalog(c);
    String schema = dialect.currentSchema(c);
    List<String> out = new ArrayList<>();
    List<String> renames = new ArrayList<>();
    TreeSet<String> live = liveTables(c, dialect);
    compareSequences(c, dialect, expected, live, out);
    for (TableDefinition t : expected.tables()) {
      if (!live.contains(t.name())) {
        out.add("table " + t.name() + " is missing");
        continue;
      }
      compareTable(meta, dialect, catalog, schema, t, out, renames);
    }
    for (String name : live) {
      if (!expected.has(name)) {
        out.add("table " + name + " is not in the migrations");
      }
    }
    return new Drift(version, out, renames);
  }

  /**
   * The sequences: each of the migrations' with its start and increment, and none besides. Where the
   * dialect makes a sequence a one-row table (SQLite), that table stands for it and is no table of
   * the application's.
   */
  private static void compareSequences(Connection c, Dialect dialect, Schema expected, TreeSet<String> liveTables,
      List<String> out) throws SQLException {
    Map<String, io.jmigrate.schema.SequenceDefinition> live = dialect.liveSequences(c);
    for (io.jmigrate.schema.SequenceDefinition q : expected.sequences()) {
      if (live == null) {
        if (!liveTables.remove(q.name())) {
          out.add("sequence " + q.name() + " (a table of one row on this database) is missing");
        }
        continue;
      }
      io.jmigrate.schema.SequenceDefinition l = live.remove(q.name());
      if (l == null) {
        out.add("sequence " + q.name() + " is missing");
      } else if (l.increment() != q.increment() || l.start() != q.start()) {
        out.add("sequence " + q.name() + " starts at " + l.start() + " and counts by " + l.increment()
            + " but the migrations make it start at " + q.start() + " and count by " + q.increment());
      }
    }
    if (live != null) {
      for (String extra : live.keySet()) {
        out.add("sequence " + extra + " is not in the migrations");
      }
    }
  }

  private static void compareTable(DatabaseMetaData meta, Dialect dialect, String catalog, String schema, TableDefinition t, List<String> out,
      List<String> renames) throws SQLException {
    Map<String, Boolean> columns = new TreeMap<>();
    Map<String, String> types = new TreeMap<>();
    try (ResultSet rs = meta.getColumns(catalog, schema, t.name(), "%")) {
      while (rs.next()) {
        if (!t.name().equals(rs.getString("TABLE_NAME"))) {
          continue; // '_' in the name is a pattern wildcard
        }
        columns.put(rs.getString("COLUMN_NAME"), rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls);
        types.put(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"));
      }
    }
    for (ColumnDefinition col : t.columns()) {
      Boolean nullable = columns.remove(col.name());
      if (nullable == null) {
        out.add("column " + t.name() + "." + col.name() + " is missing");
        continue;
      }
      String live = types.get(col.name());
      ColumnType liveType = dialect.liveType(live);
      boolean rowidAlias = col.generated() && liveType == ColumnType.INTEGER; // SQLite's INTEGER PRIMARY KEY
      if (liveType != dialect.liveTypeOf(col.type()) && !rowidAlias) {
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
    String pkName = null;
    try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, t.name())) {
      while (rs.next()) {
        pk.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
        pkName = rs.getString("PK_NAME");
      }
    }
    if (!List.copyOf(pk.values()).equals(t.primaryKey())) {
      out.add("table " + t.name() + " has the primary key " + pk.values() + " but the migrations give " + t.primaryKey());
    } else if (!pk.isEmpty() && dialect.addressesKeysByName()) {
      String expectedName = t.primaryKeyName() != null ? t.primaryKeyName() : dialect.primaryKeyConstraint(t.name());
      if (!expectedName.equals(pkName)) {
        out.add("the primary key of table " + t.name() + " " + pk.values() + " is named " + pkName
            + ", but the migrations name it " + expectedName + " (later migrations that change or rename it address it"
            + " by that name)");
        renames.add(dialect.renameConstraint(t.name(), pkName, expectedName));
      }
    }

    TreeSet<String> indexes = new TreeSet<>();
    try (ResultSet rs = meta.getIndexInfo(catalog, schema, t.name(), false, false)) {
      while (rs.next()) {
        String name = rs.getString("INDEX_NAME");
        if (name != null) {
          indexes.add(name.toLowerCase(Locale.ROOT));
        }
      }
    }
    for (IndexDefinition i : t.indexes()) {
      if (!indexes.contains(i.name().toLowerCase(Locale.ROOT))) { // a kept name may have capitals (IFK_AlbumArtistId)
        out.add("index " + i.name() + " on " + t.name() + " is missing");
      }
    }

    TreeSet<String> fks = new TreeSet<>();
    Map<String, TreeMap<Integer, String>> fksByName = new TreeMap<>(); // name -> its column pairs in order
    try (ResultSet rs = meta.getImportedKeys(catalog, schema, t.name())) {
      while (rs.next()) {
        String pair = rs.getString("FKCOLUMN_NAME") + "->" + rs.getString("PKTABLE_NAME") + "." + rs.getString("PKCOLUMN_NAME");
        fks.add(pair);
        fksByName.computeIfAbsent(String.valueOf(rs.getString("FK_NAME")), n -> new TreeMap<>())
            .put(rs.getInt("KEY_SEQ"), pair);
      }
    }
    if (dialect.addressesKeysByName()) {
      compareForeignKeyNames(dialect, t, fksByName, out, renames);
    }
    TreeSet<String> expectedFks = new TreeSet<>();
    for (ForeignKeyDefinition f : t.foreignKeys()) {
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

  /**
   * A foreign key of the migrations that the database has with the same columns and references
   * but under another name: a later migration that drops or changes it would not find it.
   */
  private static void compareForeignKeyNames(Dialect dialect, TableDefinition t, Map<String, TreeMap<Integer, String>> live,
      List<String> out, List<String> renames) {
    TreeSet<String> expectedNames = new TreeSet<>();
    t.foreignKeys().forEach(f -> expectedNames.add(f.name()));
    for (ForeignKeyDefinition f : t.foreignKeys()) {
      if (live.containsKey(f.name())) {
        continue;
      }
      List<String> pairs = new ArrayList<>();
      for (int i = 0; i < f.columns().size(); i++) {
        pairs.add(f.columns().get(i) + "->" + f.refTable() + "." + f.refColumns().get(i));
      }
      live.entrySet().stream()
          .filter(e -> !expectedNames.contains(e.getKey()) && List.copyOf(e.getValue().values()).equals(pairs))
          .map(Map.Entry::getKey)
          .findFirst()
          .ifPresent(name -> {
            out.add("the foreign key " + t.name() + " " + f.columns() + " -> " + f.refTable() + " " + f.refColumns()
                + " is named " + name + ", but the migrations name it " + f.name() + " (later migrations that drop or"
                + " change it address it by that name)");
            renames.add(dialect.renameConstraint(t.name(), name, f.name()));
            live.remove(name); // one live key answers one expected key
          });
    }
  }
}
