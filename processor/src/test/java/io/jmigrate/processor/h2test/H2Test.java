package io.jmigrate.processor.h2test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The H2 test dialect's databases and registration: a connection to a real H2 database whose URL
 * reads {@code jdbc:h2test:} (as a driver of its own would give; the product is still H2), and the
 * folder that registers {@link H2TestDialect}, kept off the test class path so that no other test
 * sees it.
 */
public final class H2Test {
  /** The folder holding {@code META-INF/services/io.jmigrate.dialect.Dialect} for the test dialect. */
  public static final Path REGISTRATION = Path.of("src/test/h2test").toAbsolutePath();

  private H2Test() {}

  /** A class loader that sees the registration, for {@code Dialect.of} and {@code Dialect.named} (the context loader). */
  public static ClassLoader loader(ClassLoader parent) {
    try {
      return new URLClassLoader(new URL[] {REGISTRATION.toUri().toURL()}, parent);
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The H2 database at {@code h2Url} ({@code jdbc:h2:…}), reached as {@code jdbc:h2test:…}. */
  public static Connection open(String h2Url) throws SQLException {
    Connection h2 = DriverManager.getConnection(h2Url);
    return (Connection) Proxy.newProxyInstance(H2Test.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          Object result = call(h2, method, args);
          return result instanceof DatabaseMetaData meta && method.getName().equals("getMetaData")
              ? renamed(meta, (Connection) proxy) : result;
        });
  }

  private static DatabaseMetaData renamed(DatabaseMetaData meta, Connection connection) {
    return (DatabaseMetaData) Proxy.newProxyInstance(H2Test.class.getClassLoader(), new Class<?>[] {DatabaseMetaData.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "getURL" -> meta.getURL().replaceFirst("^jdbc:h2:", "jdbc:" + H2TestDialect.NAME + ":");
          case "getConnection" -> connection;
          default -> call(meta, method, args);
        });
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
