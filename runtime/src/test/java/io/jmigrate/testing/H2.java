package io.jmigrate.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real H2 2.x databases for tests: embedded files in a test's directory, or in memory. URLs carry
 * {@code DATABASE_TO_LOWER=TRUE}, the setting the README recommends, so that the tests' own
 * unquoted SQL finds jmigrate's lower-case tables; {@link #DEFAULT_FOLDING} tests do without it.
 */
public final class H2 {
  private static final AtomicInteger NEXT = new AtomicInteger();

  /** The settings the README recommends. */
  public static final String SETTINGS = ";DATABASE_TO_LOWER=TRUE";

  /** H2's own default: unquoted names fold to upper case. */
  public static final String DEFAULT_FOLDING = "";

  private H2() {}

  /** An embedded file database in {@code dir}. */
  public static String fileUrl(Path dir, String name) {
    return "jdbc:h2:file:" + dir.toAbsolutePath().resolve(name) + SETTINGS;
  }

  /** A new in-memory database, kept until the JVM ends (so several connections share it). */
  public static String memUrl() {
    return "jdbc:h2:mem:jmigrate_test_" + NEXT.incrementAndGet() + ";DB_CLOSE_DELAY=-1" + SETTINGS;
  }

  public static Connection file(Path dir, String name) throws SQLException {
    return DriverManager.getConnection(fileUrl(dir, name));
  }

  public static Connection mem() throws SQLException {
    return DriverManager.getConnection(memUrl());
  }

  /**
   * Columns, constraints and named indexes from H2's INFORMATION_SCHEMA (current schema), in a
   * stable order. The indexes H2 makes for keys by itself ({@code PRIMARY_KEY_…}, {@code fk_…_INDEX_…})
   * are left out: their names depend on the order things were created in.
   */
  public static String catalog(Connection c) throws SQLException {
    StringBuilder s = new StringBuilder();
    for (String row : Sql.strings(c, """
        SELECT 'column ' || TABLE_NAME || '.' || COLUMN_NAME || ' ' || DATA_TYPE
          || coalesce('(' || CHARACTER_MAXIMUM_LENGTH || ')', '')
          || coalesce('(' || NUMERIC_PRECISION || ',' || NUMERIC_SCALE || ')', '')
          || ' nullable=' || IS_NULLABLE || ' default=' || coalesce(COLUMN_DEFAULT, '-') || ' identity=' || IS_IDENTITY
        FROM INFORMATION_SCHEMA.COLUMNS
        WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME <> 'jmigrate_history'
        ORDER BY TABLE_NAME, COLUMN_NAME""")) {
      s.append(row).append('\n');
    }
    // Constraint columns through the constraint's index: INFORMATION_SCHEMA.KEY_COLUMN_USAGE keeps a
    // renamed column's old name until the database is reopened (H2 2.3.232; the key itself follows).
    for (String row : Sql.strings(c, """
        SELECT 'constraint ' || tc.TABLE_NAME || ' ' || tc.CONSTRAINT_NAME || ' ' || tc.CONSTRAINT_TYPE || ' ('
          || (SELECT listagg(x.COLUMN_NAME, ',') WITHIN GROUP (ORDER BY x.ORDINAL_POSITION)
              FROM INFORMATION_SCHEMA.INDEX_COLUMNS x
              WHERE x.INDEX_SCHEMA = tc.INDEX_SCHEMA AND x.INDEX_NAME = tc.INDEX_NAME) || ')'
          || coalesce(' -> ' || (SELECT u.TABLE_NAME || ' ('
                || (SELECT listagg(x.COLUMN_NAME, ',') WITHIN GROUP (ORDER BY x.ORDINAL_POSITION)
                    FROM INFORMATION_SCHEMA.INDEX_COLUMNS x
                    WHERE x.INDEX_SCHEMA = u.INDEX_SCHEMA AND x.INDEX_NAME = u.INDEX_NAME)
                || ') update=' || r.UPDATE_RULE || ' delete=' || r.DELETE_RULE
              FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS r
              JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS u
                ON u.CONSTRAINT_SCHEMA = r.UNIQUE_CONSTRAINT_SCHEMA AND u.CONSTRAINT_NAME = r.UNIQUE_CONSTRAINT_NAME
              WHERE r.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = tc.CONSTRAINT_NAME), '')
        FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
        WHERE tc.TABLE_SCHEMA = CURRENT_SCHEMA AND tc.TABLE_NAME <> 'jmigrate_history'
        ORDER BY 1""")) {
      s.append(row).append('\n');
    }
    for (String row : Sql.strings(c, """
        SELECT 'index ' || i.TABLE_NAME || ' ' || i.INDEX_NAME || ' ' || i.INDEX_TYPE_NAME || ' ('
          || (SELECT listagg(x.COLUMN_NAME, ',') WITHIN GROUP (ORDER BY x.ORDINAL_POSITION)
              FROM INFORMATION_SCHEMA.INDEX_COLUMNS x
              WHERE x.INDEX_SCHEMA = i.INDEX_SCHEMA AND x.INDEX_NAME = i.INDEX_NAME) || ')'
        FROM INFORMATION_SCHEMA.INDEXES i
        WHERE i.TABLE_SCHEMA = CURRENT_SCHEMA AND i.TABLE_NAME <> 'jmigrate_history'
          AND i.INDEX_NAME NOT LIKE 'PRIMARY\\_KEY\\_%' ESCAPE '\\' AND NOT regexp_like(i.INDEX_NAME, '_INDEX_[0-9A-F]+$')
        ORDER BY 1""")) {
      s.append(row).append('\n');
    }
    return s.toString();
  }
}
