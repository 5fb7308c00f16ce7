package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;

import io.jmigrate.migration.Migration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Migrations that tests run in this JVM and in child JVMs. Each of versions 2 to 4 has a
 * checkpoint in the middle, after some of its DDL: a child started with
 * {@code JMIGRATE_TEST_PAUSE_AT=<version>} writes the marker file there and waits to be killed.
 */
public final class Workload {
  static final int CRASH_VERSIONS = 4;

  private Workload() {}

  static List<Migration> migrations(int extra) {
    List<Migration> list = new ArrayList<>(List.of(
        new TestMigration(1, "create t",
            createTable(table("t", column("id", BIGINT).notNull(), column("a", INTEGER), column("b", STRING)).primaryKey("id"))),
        new TestMigration(2, "widen a",
            addColumn("t", column("c", STRING)),
            checkpoint(2),
            alterColumn("t", column("a", BIGINT).notNull().defaultValue("0"))),
        new TestMigration(3, "create u",
            createTable(table("u", column("id", BIGINT).notNull(), column("t_id", BIGINT))
                .primaryKey("id").foreignKey(foreignKey("fk_u_t_id", "t_id", "t", "id"))),
            checkpoint(3),
            addIndex("u", index("ix_u_t_id", "t_id"))),
        new TestMigration(4, "rename b, drop c",
            renameColumn("t", "b", "bb"),
            checkpoint(4),
            dropColumn("t", "c"))));
    for (int v = CRASH_VERSIONS + 1; v <= CRASH_VERSIONS + extra; v++) {
      list.add(new TestMigration(v, "add x" + v, addColumn("t", column("x" + v, INTEGER))));
    }
    return list;
  }

  private static io.jmigrate.migration.Operation checkpoint(int version) {
    return java("checkpoint", c -> {
      if (String.valueOf(version).equals(System.getenv("JMIGRATE_TEST_PAUSE_AT"))) {
        try {
          Files.writeString(Path.of(System.getenv("JMIGRATE_TEST_MARKER")), "paused");
          Thread.sleep(120_000);
        } catch (IOException | InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }
    });
  }

  /** A child process: migrates the database at args[0] with args[1] extra migrations, prints how many it applied. */
  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection(args[0])) {
      System.out.println("applied " + new Migrator(migrations(Integer.parseInt(args[1]))).migrate(c).size());
    }
  }
}
