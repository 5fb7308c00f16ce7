package io.jmigrate.quarkus;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jmigrate.Runtime;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.MigrationIndex;
import io.jmigrate.migration.Operation;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * Both of the extension's start-up calls, {@code Runtime.migrate(DataSource, ClassLoader)} (the default)
 * and the one with {@code fail-on-ahead=false}, recognise an up-to-date database from the index on the
 * application's class loader: no migration constructed, on a real SQLite file.
 */
class JmigrateRecorderFastPathTest {
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
    Path index = Files.createDirectories(dir.resolve("classes/META-INF/jmigrate")).resolve("migrations");
    Files.writeString(index, "# jmigrate migration index\n" + MigrationIndex.Summary.of(List.of(entry)).line() + "\n"
        + entry.line() + "\n");
    try (URLClassLoader app = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()},
        getClass().getClassLoader())) {
      for (boolean aheadAllowed : new boolean[] {false, true}) {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve("app-" + aheadAllowed + ".db"));
        CONSTRUCTED.set(0);
        assertEquals(1, migrate(ds, app, aheadAllowed).size(), "a new database: applied");
        CONSTRUCTED.set(0);
        assertEquals(0, migrate(ds, app, aheadAllowed).size());
        assertEquals(0, CONSTRUCTED.get(), "up to date: no migration constructed (ahead allowed: " + aheadAllowed + ")");
      }
    }
  }

  private static List<?> migrate(SQLiteDataSource ds, ClassLoader app, boolean aheadAllowed) {
    return aheadAllowed ? JmigrateRecorder.migrateAheadAllowed(ds, app) : Runtime.migrate(ds, app);
  }
}
