package io.jmigrate.spring.boot;

import io.jmigrate.testing.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh real databases for the tests (a SQLite file, an in-memory H2, the embedded PostgreSQL) and reads of them. */
final class Databases {
  private static final AtomicInteger NEXT = new AtomicInteger();

  private Databases() {}

  /** The JDBC URL of a new, empty database of {@code kind}: sqlite, h2 or postgresql. */
  static String newUrl(String kind, Path dir) {
    try {
      return switch (kind) {
        case "sqlite" -> "jdbc:sqlite:" + dir.resolve("app" + NEXT.incrementAndGet() + ".db");
        case "h2" -> "jdbc:h2:mem:app" + NEXT.incrementAndGet() + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE;USER=sa";
        case "postgresql" -> Postgres.newDatabaseUrl();
        default -> throw new IllegalArgumentException(kind);
      };
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The versions jmigrate_history records, in order; empty when the table does not exist. */
  static List<Integer> versions(String url) throws SQLException {
    List<Integer> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url)) {
      if (!tables(c).contains("jmigrate_history")) {
        return out;
      }
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT version FROM jmigrate_history ORDER BY version")) {
        while (rs.next()) {
          out.add(rs.getInt(1));
        }
      }
    }
    return out;
  }

  static List<String> tables(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      return tables(c);
    }
  }

  private static List<String> tables(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String schema = rs.getString("TABLE_SCHEM");
        if (schema == null || schema.equalsIgnoreCase("public") || schema.equalsIgnoreCase("main")) {
          out.add(rs.getString("TABLE_NAME"));
        }
      }
    }
    out.sort(null);
    return out;
  }

  static void execute(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
