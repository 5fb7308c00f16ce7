package io.jmigrate.processor.pgtest;

import io.jmigrate.testing.Postgres;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/**
 * The test dialect's database and registration: a connection to a new embedded PostgreSQL database
 * whose URL is {@code jdbc:pgtest:} (as a driver of its own would give; the product is still
 * PostgreSQL, as a compatible server says), and the folder that registers
 * {@link PgTestDialect}, kept off the test class path so that no other test sees a fifth dialect.
 */
public final class PgTest {
  /** The folder holding {@code META-INF/services/io.jmigrate.dialect.Dialect} for the test dialect. */
  public static final Path REGISTRATION = Path.of("src/test/pgtest").toAbsolutePath();

  private PgTest() {}

  /** A class loader that sees the registration, for {@code Dialect.of} and {@code Dialect.named} (the context loader). */
  public static ClassLoader loader(ClassLoader parent) {
    try {
      return new URLClassLoader(new URL[] {REGISTRATION.toUri().toURL()}, parent);
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new, empty database, reached through a {@code jdbc:pgtest:} URL. */
  public static Connection newDatabase() throws SQLException {
    return wrap(Postgres.newDatabase());
  }

  static Connection wrap(Connection pg) {
    return (Connection) Proxy.newProxyInstance(PgTest.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          Object result = invoke(pg, method, args);
          return result instanceof DatabaseMetaData meta && method.getName().equals("getMetaData")
              ? metaData(meta, (Connection) proxy) : result;
        });
  }

  private static DatabaseMetaData metaData(DatabaseMetaData meta, Connection connection) {
    return (DatabaseMetaData) Proxy.newProxyInstance(PgTest.class.getClassLoader(), new Class<?>[] {DatabaseMetaData.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "getURL" -> meta.getURL().replaceFirst("^jdbc:postgresql:", "jdbc:" + PgTestDialect.NAME + ":");
          case "getConnection" -> connection;
          default -> invoke(meta, method, args);
        });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
