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
    StringBuilder s = new StringBuilder();
    for (String row : Sql.strings(c, """
        SELECT CONCAT('column ', table_name, '.', column_name, ' ', column_type,
            ' nullable=', is_nullable, ' default=', COALESCE(column_default, '-'), ' extra=', extra,
            ' charset=', COALESCE(character_set_name, '-'), ' collation=', COALESCE(collation_name, '-'))
        FROM information_schema.columns
        WHERE table_schema = DATABASE() AND table_name <> 'jmigrate_history'
        ORDER BY table_name, column_name""")) {
      s.append(row).append('\n');
    }
    for (String row : Sql.strings(c, """
        SELECT CONCAT('index ', table_name, ' ', index_name, ' unique=', 1 - non_unique, ' ',
            GROUP_CONCAT(CONCAT(column_name, COALESCE(CONCAT('(', sub_part, ')'), '')) ORDER BY seq_in_index))
        FROM information_schema.statistics
        WHERE table_schema = DATABASE() AND table_name <> 'jmigrate_history'
        GROUP BY table_name, index_name, non_unique
        ORDER BY 1""")) {
      s.append(row).append('\n');
    }
    for (String row : Sql.strings(c, """
        SELECT CONCAT('fk ', k.table_name, ' ', k.constraint_name, ' ',
            GROUP_CONCAT(k.column_name ORDER BY k.ordinal_position), ' -> ', k.referenced_table_name, ' ',
            GROUP_CONCAT(k.referenced_column_name ORDER BY k.ordinal_position),
            ' update=', r.update_rule, ' delete=', r.delete_rule)
        FROM information_schema.key_column_usage k
        JOIN information_schema.referential_constraints r
          ON r.constraint_schema = k.constraint_schema AND r.constraint_name = k.constraint_name
        WHERE k.table_schema = DATABASE() AND k.referenced_table_name IS NOT NULL
        GROUP BY k.table_name, k.constraint_name, k.referenced_table_name, r.update_rule, r.delete_rule
        ORDER BY 1""")) {
      s.append(row).append('\n');
    }
    for (String row : Sql.strings(c, """
        SELECT CONCAT('table ', table_name, ' ', engine, ' ', table_collation)
        FROM information_schema.tables
        WHERE table_schema = DATABASE() AND table_name <> 'jmigrate_history'
        ORDER BY 1""")) {
      s.append(row).append('\n');
    }
    return s.toString();
  }
}
