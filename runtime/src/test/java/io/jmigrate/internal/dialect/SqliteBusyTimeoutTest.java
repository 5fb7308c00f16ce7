package io.jmigrate.internal.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The busy timeout a run sets around BEGIN IMMEDIATE: what SQLite reads back, by either way of setting it. */
class SqliteBusyTimeoutTest {
  @TempDir Path dir;

  @Test
  void onSqliteJdbcItGoesThroughTheDriverAndSqliteHasIt() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("a.db"));
        SqliteBusyTimeout t = SqliteBusyTimeout.of(c)) {
      assertTrue(t.throughTheDriver());
      t.set(1234);
      assertEquals(1234, busyTimeout(c));
      assertEquals(1234, c.unwrap(org.sqlite.SQLiteConnection.class).getBusyTimeout(), "the driver's own record");
      t.set(0);
      assertEquals(0, busyTimeout(c));
    }
  }

  @Test
  void behindAProxyThatDoesNotUnwrapItIsThePragma() throws Exception {
    try (Connection real = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("b.db"))) {
      Connection proxy = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
          (p, m, args) -> {
            if (m.getName().equals("unwrap")) {
              throw new SQLFeatureNotSupportedException("no unwrap here");
            }
            try {
              return m.invoke(real, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
      try (SqliteBusyTimeout t = SqliteBusyTimeout.of(proxy)) {
        assertFalse(t.throughTheDriver());
        t.set(4321);
        assertEquals(4321, busyTimeout(real));
        t.set(7);
        assertEquals(7, busyTimeout(real));
      }
    }
  }

  private static int busyTimeout(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA busy_timeout")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
