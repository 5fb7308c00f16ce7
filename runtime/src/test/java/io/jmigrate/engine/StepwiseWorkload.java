package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;

import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The migrations of the kill contract where DDL commits by itself ({@link StepwiseCrashContract}):
 * {@link MariaDbMigratorTest#V1}, then a V2 of 12 steps, every kind of generated step with three
 * Java checkpoints between them. A child JVM ({@link #main}) migrates up or down and stops to be
 * killed where {@code JMIGRATE_TEST_PAUSE} says: {@code checkpoint:<name>} inside a Java step
 * ({@code down-checkpoint:<name>} inside its reverse), or
 * {@code before:<regex>} / {@code after:<regex>} around the statement whose SQL matches (the
 * connection is wrapped to see them; nothing else is changed), writing the marker file
 * {@code JMIGRATE_TEST_MARKER} there first.
 */
public final class StepwiseWorkload {
  static final int STEPS = 12;

  private StepwiseWorkload() {}

  static List<Migration> migrations() {
    List<Operation> ops = new ArrayList<>(MariaDbMigratorTest.steps()); // 9 steps
    ops.add(1, checkpoint("after-1"));
    ops.add(6, checkpoint("after-6"));
    ops.add(checkpoint("last"));
    return List.of(MariaDbMigratorTest.V1, new TestMigration(2, "every kind of step", ops.toArray(Operation[]::new)));
  }

  private static Operation checkpoint(String name) {
    return java("checkpoint " + name, c -> pauseAt("checkpoint:" + name), c -> pauseAt("down-checkpoint:" + name));
  }

  private static void pauseAt(String point) {
    if (point.equals(System.getenv("JMIGRATE_TEST_PAUSE"))) {
      pause();
    }
  }

  private static void pause() {
    try {
      Files.writeString(Path.of(System.getenv("JMIGRATE_TEST_MARKER")), "paused");
      Thread.sleep(120_000);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A child process: migrates the database at args[0] to version args[1], stopping where told to. */
  public static void main(String[] args) throws Exception {
    String pause = String.valueOf(System.getenv("JMIGRATE_TEST_PAUSE"));
    try (Connection real = DriverManager.getConnection(args[0])) {
      Connection c = real;
      if (pause.startsWith("before:") || pause.startsWith("after:")) {
        boolean before = pause.startsWith("before:");
        c = pausing(real, Pattern.compile(pause.substring(pause.indexOf(':') + 1)), before);
      }
      System.out.println("applied " + new Migrator(migrations()).migrateTo(c, Integer.parseInt(args[1])).size());
    }
  }

  /** The connection, stopping before or after executing a plain statement whose SQL matches. */
  private static Connection pausing(Connection real, Pattern sql, boolean before) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          Object result = invoke(method, real, args);
          if (!method.getName().equals("createStatement")) {
            return result;
          }
          Statement statement = (Statement) result;
          return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
              (p, m, a) -> {
                boolean match = m.getName().equals("execute") && a != null && a[0] instanceof String s
                    && sql.matcher(s).find();
                if (match && before) {
                  pause();
                }
                Object r = invoke(m, statement, a);
                if (match) {
                  pause();
                }
                return r;
              });
        });
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
