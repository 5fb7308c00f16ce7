package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;

import io.jmigrate.migration.Migration;
import io.jmigrate.migration.Operation;
import io.jmigrate.testing.Sql;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The migrations of the PostgreSQL online-form tests ({@link PostgresOnlineTest}): V1 makes two
 * tables, V2 is split into parts: a transactional part (a column and a Java checkpoint), three
 * online steps (an index built concurrently, a foreign key added NOT VALID then validated, NOT NULL
 * through a validated check), a transactional part (a checkpoint), and a unique index built
 * concurrently. A child JVM ({@link #main}) migrates and stops to be killed where
 * {@code JMIGRATE_TEST_PAUSE} says ({@code checkpoint:<name>}, {@code before:<regex>},
 * {@code after:<regex>} around a statement), writing the marker file {@code JMIGRATE_TEST_MARKER} first.
 */
public final class OnlineWorkload {
  static final int STEPS = 7;

  private OnlineWorkload() {}

  static final Migration V1 = new TestMigration(1, "parent and child",
      createTable(table("parent", column("id", BIGINT).notNull(), column("code", STRING).length(20)).primaryKey("id")),
      createTable(table("child", column("id", BIGINT).notNull(), column("parent_id", BIGINT),
          column("name", STRING).length(40), column("note", STRING).length(40)).primaryKey("id")));

  static List<Migration> migrations() {
    return List.of(V1, new TestMigration(2, "online steps",
        addColumn("child", column("score", INTEGER)),
        checkpoint("part-a"),
        addIndex("child", index("ix_child_name", "name")),
        addForeignKey("child", foreignKey("fk_child_parent_id", "parent_id", "parent", "id")),
        alterColumn("child", column("name", STRING).length(40).notNull().defaultValue("?")),
        checkpoint("part-b"),
        addIndex("child", uniqueIndex("ux_child_note", "note"))));
  }

  /** V1 applied and a few rows, one with a NULL name (filled by V2's default). */
  static void atVersion1WithRows(Connection c) throws SQLException {
    new Migrator(migrations()).migrateTo(c, 1);
    Sql.exec(c, "INSERT INTO parent (id, code) VALUES (1, 'p')");
    Sql.exec(c, "INSERT INTO child (id, parent_id, name, note) VALUES (1, 1, NULL, 'n1'), (2, 1, 'b', 'n2')");
  }

  /** The application's catalog as text (columns, indexes with validity, constraints with validation), history left out. */
  static String catalog(Connection c) throws SQLException {
    return Sql.rows(c, "SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns"
        + " WHERE table_schema = current_schema() AND table_name <> 'jmigrate_history' ORDER BY 1, 2") + "\n"
        + Sql.rows(c, "SELECT ic.relname, i.indisvalid, pg_get_indexdef(i.indexrelid) FROM pg_index i"
            + " JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid"
            + " WHERE t.relnamespace = to_regnamespace(current_schema()) AND t.relname <> 'jmigrate_history' ORDER BY 1")
        + "\n" + Sql.rows(c, "SELECT conname, contype, convalidated, pg_get_constraintdef(oid) FROM pg_constraint"
            + " WHERE connamespace = to_regnamespace(current_schema()) AND conrelid <> to_regclass('jmigrate_history')"
            + " ORDER BY 1");
  }

  private static Operation checkpoint(String name) {
    return java("checkpoint " + name, c -> pauseAt("checkpoint:" + name), c -> { });
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
        c = pausing(real, Pattern.compile(pause.substring(pause.indexOf(':') + 1)), pause.startsWith("before:"));
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
