package io.jmigrate.processor;

import io.jmigrate.testing.Sql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads a real database's own catalog, so tests compare schemas without comparing SQL. */
final class Db {
  private Db() {}

  static Connection sqlite(Path file) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file);
  }

  static void exec(Connection c, String sql) throws SQLException {
    Sql.exec(c, sql);
  }

  static List<List<Object>> rows(Connection c, String sql) throws SQLException {
    return Sql.rows(c, sql);
  }

  static long count(Connection c, String table) throws SQLException {
    return ((Number) rows(c, "SELECT count(*) FROM \"" + table + "\"").get(0).get(0)).longValue();
  }

  /**
   * The user tables as SQLite describes them: columns (name, type, not null, default, pk
   * position) sorted by name, indexes with their columns and uniqueness, and foreign keys.
   */
  static String catalog(Connection c) throws SQLException {
    StringBuilder s = new StringBuilder();
    List<String> tables = new ArrayList<>();
    for (List<Object> r : rows(c, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        + "AND name <> 'jmigrate_history' ORDER BY name")) {
      tables.add((String) r.get(0));
    }
    for (String t : tables) {
      s.append("table ").append(t).append('\n');
      TreeMap<String, String> cols = new TreeMap<>();
      for (List<Object> r : rows(c, "PRAGMA table_info(\"" + t + "\")")) {
        cols.put((String) r.get(1), r.get(2) + " notnull=" + r.get(3) + " default=" + r.get(4) + " pk=" + r.get(5));
      }
      cols.forEach((k, v) -> s.append("  column ").append(k).append(' ').append(v).append('\n'));
      TreeSet<String> indexes = new TreeSet<>();
      for (List<Object> r : rows(c, "PRAGMA index_list(\"" + t + "\")")) {
        String name = (String) r.get(1);
        if (name.startsWith("sqlite_autoindex")) {
          name = "(auto)";
        }
        List<String> ic = new ArrayList<>();
        for (List<Object> x : rows(c, "PRAGMA index_info(\"" + r.get(1) + "\")")) {
          ic.add((String) x.get(2));
        }
        indexes.add("  index " + name + " " + ic + " unique=" + r.get(2) + " origin=" + r.get(3));
      }
      indexes.forEach(i -> s.append(i).append('\n'));
      TreeSet<String> fks = new TreeSet<>();
      for (List<Object> r : rows(c, "PRAGMA foreign_key_list(\"" + t + "\")")) {
        fks.add("  fk " + r.get(3) + " -> " + r.get(2) + "." + r.get(4) + " update=" + r.get(5) + " delete=" + r.get(6));
      }
      fks.forEach(f -> s.append(f).append('\n'));
    }
    return s.toString();
  }

  /** Columns, constraints and indexes from PostgreSQL's catalog (current schema), in a stable order. */
  static String postgresCatalog(Connection c) throws SQLException {
    StringBuilder s = new StringBuilder();
    for (String row : Sql.strings(c, """
        SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type
          || coalesce('(' || character_maximum_length || ')', '')
          || coalesce('(' || numeric_precision || ',' || numeric_scale || ')', '')
          || ' nullable=' || is_nullable || ' default=' || coalesce(column_default, '-') || ' identity=' || is_identity
        FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name <> 'jmigrate_history'
        ORDER BY table_name, column_name""")) {
      s.append(row).append('\n');
    }
    for (String row : Sql.strings(c, """
        SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
        FROM pg_constraint
        WHERE connamespace = current_schema()::regnamespace AND conrelid::regclass::text <> 'jmigrate_history'
        ORDER BY 1""")) {
      s.append(row).append('\n');
    }
    for (String row : Sql.strings(c, """
        SELECT 'index ' || indexdef FROM pg_indexes
        WHERE schemaname = current_schema() AND tablename <> 'jmigrate_history' ORDER BY 1""")) {
      s.append(row).append('\n');
    }
    return s.toString();
  }

  /** Columns, keys and indexes from MariaDB's information_schema (current database), in a stable order. */
  static String mariaDbCatalog(Connection c) throws SQLException {
    return io.jmigrate.testing.MariaDb.catalog(c);
  }
}
