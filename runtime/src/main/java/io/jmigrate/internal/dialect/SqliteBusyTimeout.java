package io.jmigrate.internal.dialect;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Sets how long a SQLite connection waits for another connection's lock (its busy timeout). A run sets it twice
 * per migration, around {@code BEGIN IMMEDIATE}. {@code PRAGMA busy_timeout} is applied when SQLite prepares the
 * statement, so it is parsed and compiled each time; through sqlite-jdbc's own setter it is one call into SQLite.
 * The setter is used when the connection (behind a pool's proxy) is sqlite-jdbc's, the PRAGMA otherwise. The setter
 * also keeps the driver's own record of the timeout right, which it reads back for statements with a query timeout.
 */
final class SqliteBusyTimeout implements AutoCloseable {
  private static final String DRIVER_CONNECTION = "org.sqlite.SQLiteConnection";

  private final Connection connection;
  private final Object driverConnection; // null: by PRAGMA
  private Method setter; // null: by PRAGMA
  private Statement pragma; // the PRAGMA's statement, kept for the run

  private SqliteBusyTimeout(Connection connection, Object driverConnection, Method setter) {
    this.connection = connection;
    this.driverConnection = driverConnection;
    this.setter = setter;
  }

  static SqliteBusyTimeout of(Connection connection) {
    Connection raw;
    try {
      raw = connection.unwrap(Connection.class);
    } catch (SQLException | RuntimeException e) {
      raw = null;
    }
    // a proxy that does not unwrap (or hands out null) gets the PRAGMA, as UpToDate treats it
    for (Class<?> k = raw == null ? null : raw.getClass(); k != null; k = k.getSuperclass()) {
      if (k.getName().equals(DRIVER_CONNECTION)) {
        try {
          return new SqliteBusyTimeout(connection, raw, k.getMethod("setBusyTimeout", int.class));
        } catch (NoSuchMethodException | SecurityException e) {
          break; // another version of the driver: the PRAGMA
        }
      }
    }
    return new SqliteBusyTimeout(connection, null, null);
  }

  /** Whether this goes through the driver's setter (for the test that keeps it that way). */
  boolean throughTheDriver() {
    return setter != null;
  }

  void set(long millis) throws SQLException {
    int ms = (int) Math.min(millis, Integer.MAX_VALUE);
    if (setter != null) {
      try {
        setter.invoke(driverConnection, ms);
        return;
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof SQLException s) {
          throw s;
        }
        throw new SQLException("setting SQLite's busy timeout: " + e.getCause(), e.getCause());
      } catch (IllegalAccessException e) {
        setter = null; // not accessible after all (a module that does not export it): the PRAGMA from now on
      }
    }
    if (pragma == null) {
      pragma = connection.createStatement();
    }
    pragma.execute("PRAGMA busy_timeout = " + ms);
  }

  @Override
  public void close() throws SQLException {
    if (pragma != null) {
      pragma.close();
    }
  }
}
