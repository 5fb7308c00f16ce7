package io.jmigrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Migrator;
import io.jmigrate.engine.WorkloadAccess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's commands, messages and exit codes, on a real SQLite file. */
class CommandLineTest {
  @TempDir Path dir;

  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    out.reset();
    err.reset();
    Migrator m = WorkloadAccess.migrator(2);
    return new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        () -> m, Map.of()).run(args);
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void migrateStatusValidate() {
    String url = "--url=jdbc:sqlite:" + dir.resolve("cli.db");
    assertEquals(CommandLine.OK, run("status", url));
    assertTrue(out().contains("[ ] V0001 create t"), out());
    assertEquals(CommandLine.OK, run("migrate", url));
    assertTrue(out().contains("applied V0006 add x6"), out());
    assertEquals(CommandLine.OK, run("migrate", url));
    assertTrue(out().contains("up to date at version 6"), out());
    assertEquals(CommandLine.OK, run("validate", url));
    assertTrue(out().contains("no drift"), out());
    assertEquals(CommandLine.OK, run("migrate-to", "4", url));
    assertTrue(out().contains("reverted V0006 add x6") && out().contains("reverted V0005 add x5"), out());
    assertEquals(CommandLine.FAILED, run("migrate-to", "3", url));
    assertTrue(err().contains("V0004 rename b, drop c is irreversible"), err());
  }

  @Test
  void sqlPrintsWithoutADatabase() {
    assertEquals(CommandLine.OK, run("sql", "--dialect", "postgresql", "--to", "2"));
    assertTrue(out().contains("ALTER TABLE \"t\" ALTER COLUMN \"a\" TYPE BIGINT"), out());
  }

  @Test
  void mistakesAreUsageErrorsAndFailuresAreOne() {
    assertEquals(CommandLine.OK, run("--help"));
    assertTrue(out().contains("usage: java -cp"));
    assertEquals(CommandLine.USAGE, run());
    assertTrue(err().contains("no command given (see --help)"), err());
    assertEquals(CommandLine.USAGE, run("frobnicate"));
    assertEquals(CommandLine.USAGE, run("migrate"));
    assertTrue(err().contains("give --url"), err());
    assertEquals(CommandLine.USAGE, run("migrate-to", "x", "--url", "jdbc:sqlite:x.db"));
    assertEquals(CommandLine.USAGE, run("sql", "--dialect", "oracle"));
    assertEquals(CommandLine.FAILED, run("migrate", "--url", "jdbc:nosuchdriver:foo"));
    assertTrue(err().contains("database error"), err());
  }
}
