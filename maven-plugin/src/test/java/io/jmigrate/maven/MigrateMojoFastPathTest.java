package io.jmigrate.maven;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.migration.Migration;
import io.jmigrate.migration.MigrationIndex;
import io.jmigrate.migration.Operation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn jmigrate:migrate} recognises an up-to-date database from the project's index, as
 * {@code Runtime.migrate} does: the goal, run on a real SQLite file, constructs no migration.
 */
class MigrateMojoFastPathTest {
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
  void anUpToDateDatabaseConstructsNoMigration() throws Exception {
    MigrationIndex.Entry entry = new MigrationIndex.Entry(Counted.class.getName(), 1, new Counted().checksum(), null, false);
    Path classes = dir.resolve("classes");
    Path index = Files.createDirectories(classes.resolve("META-INF/jmigrate")).resolve("migrations");
    Files.writeString(index, "# jmigrate migration index\n" + MigrationIndex.Summary.of(List.of(entry)).line() + "\n"
        + entry.line() + "\n");
    MavenProject project = new MavenProject();
    project.getBuild().setOutputDirectory(classes.toString());
    MigrateMojo mojo = new MigrateMojo();
    mojo.project = project;
    mojo.url = "jdbc:sqlite:" + dir.resolve("app.db");
    List<String> info = new ArrayList<>();
    mojo.setLog(new SystemStreamLog() {
      @Override
      public void info(CharSequence line) {
        info.add(line.toString());
      }
    });

    CONSTRUCTED.set(0);
    mojo.execute();
    assertTrue(info.stream().anyMatch(l -> l.startsWith("applied V0001 create counted")), info.toString());
    assertEquals(1, CONSTRUCTED.get(), "a new database: the migrator applies");

    CONSTRUCTED.set(0);
    info.clear();
    mojo.execute();
    assertTrue(info.contains("up to date at version 1"), info.toString());
    assertEquals(0, CONSTRUCTED.get(), "up to date: no migration constructed");
  }
}
