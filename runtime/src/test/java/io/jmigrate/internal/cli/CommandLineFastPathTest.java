package io.jmigrate.internal.cli;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.engine.Migrator;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.MigrationIndex;
import io.jmigrate.migration.Operation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate} on the command line (and so the Maven goals) recognises an up-to-date database
 * from the index, as {@code Runtime.migrate} does: no migrator built, no migration class constructed.
 */
class CommandLineFastPathTest {
  @TempDir Path dir;

  static final AtomicInteger CONSTRUCTED = new AtomicInteger();

  /** A migration that counts its instances, indexed below by name as the processor indexes it. */
  public static final class Counted extends Migration {
    public Counted() {
      super(1, "create counted");
      CONSTRUCTED.incrementAndGet();
    }

    @Override
    public List<Operation> up() {
      return List.of(createTable(table("counted", column("id", BIGINT).notNull()).primaryKey("id")));
    }
  }

  @Test
  void anUpToDateDatabaseLoadsNoMigration() throws Exception {
    MigrationIndex.Entry entry = new MigrationIndex.Entry(Counted.class.getName(), 1, new Counted().checksum(), null, false);
    Path index = Files.createDirectories(dir.resolve("classes/META-INF/jmigrate")).resolve("migrations");
    Files.writeString(index, "# jmigrate migration index\n" + MigrationIndex.Summary.of(List.of(entry)).line() + "\n"
        + entry.line() + "\n");
    AtomicInteger migrators = new AtomicInteger();
    String url = "--url=jdbc:sqlite:" + dir.resolve("fast.db");
    try (URLClassLoader app = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()},
        getClass().getClassLoader())) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      CommandLine cli = new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, () -> {
        migrators.incrementAndGet();
        return new Migrator(List.of(new Counted()));
      }, app, Map.of());

      assertEquals(CommandLine.OK, cli.run("migrate", url));
      assertTrue(out.toString(StandardCharsets.UTF_8).contains("applied V0001 create counted"), out.toString());
      assertEquals(1, migrators.get(), "a new database: the migrator applies");

      CONSTRUCTED.set(0);
      out.reset();
      assertEquals(CommandLine.OK, cli.run("migrate", url, "--lock-timeout=5s", "--allow-ahead"));
      assertEquals("up to date at version 1\n", out.toString(StandardCharsets.UTF_8));
      assertEquals(1, migrators.get(), "up to date: no migrator built");
      assertEquals(0, CONSTRUCTED.get(), "up to date: no migration constructed");

      assertEquals(CommandLine.OK, cli.run("status", url)); // the other commands still ask the migrator
      assertEquals(2, migrators.get());
      assertEquals(CommandLine.USAGE, cli.run("migrate", url, "--lock-timeout=soon"), "options checked either way");
    }
  }
}
