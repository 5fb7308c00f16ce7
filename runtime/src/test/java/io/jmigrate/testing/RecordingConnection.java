package io.jmigrate.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A real connection that also records the SQL text of everything sent through it: each
 * statement executed, queried or batched, and each prepared statement. Nothing is faked.
 */
public final class RecordingConnection {
  private final List<String> sql = Collections.synchronizedList(new ArrayList<>());
  private final Connection connection;

  public RecordingConnection(Connection real) {
    this.connection = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, handler(real, true));
  }

  public Connection connection() {
    return connection;
  }

  /** What was sent, in order. */
  public List<String> sql() {
    synchronized (sql) {
      return List.copyOf(sql);
    }
  }

  public void clear() {
    sql.clear();
  }

  private InvocationHandler handler(Object target, boolean isConnection) {
    return (proxy, method, args) -> {
      String name = method.getName();
      if (isConnection && name.equals("prepareStatement") && args != null && args[0] instanceof String s) {
        sql.add(s);
      }
      if (!isConnection && args != null && args.length >= 1 && args[0] instanceof String s
          && (name.startsWith("execute") || name.equals("addBatch"))) {
        sql.add(s);
      }
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (isConnection && (name.equals("createStatement"))) {
        return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Statement.class},
            handler(result, false));
      }
      if (isConnection && name.equals("prepareStatement")) {
        return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {PreparedStatement.class},
            handler(result, false));
      }
      return result;
    };
  }
}
