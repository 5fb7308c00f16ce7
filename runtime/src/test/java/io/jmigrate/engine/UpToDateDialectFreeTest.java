package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.migration.Migration;
import io.jmigrate.migration.MigrationIndex;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up check names the history without a dialect where one of jmigrate's own serves the URL:
 * run in a class loader of its own that loads jmigrate's runtime afresh and records which of its
 * classes the check loads, on real SQLite and H2 files (H2 folding to lower and to upper case). The
 * control: an H2 history made in lower case before H2's dialect followed the folding is not found
 * by its unquoted name, and the check asks the dialect, which it then loads.
 */
class UpToDateDialectFreeTest {
  @TempDir Path dir;

  private final List<Migration> migrations = List.of(
      new TestMigration(1, "create a", createTable(table("a", column("id", BIGINT).notNull()).primaryKey("id"))),
      new TestMigration(2, "create b", createTable(table("b", column("id", BIGINT).notNull()).primaryKey("id"))));

  @Test
  void sqlite() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("a.db"))) {
      new Migrator(migrations).migrate(c);
      assertUpToDateWithoutADialect(c);
    }
  }

  @Test
  void h2LowerCase() throws Exception {
    try (Connection c = io.jmigrate.testing.H2.file(dir, "lower")) {
      new Migrator(migrations).migrate(c);
      assertUpToDateWithoutADialect(c);
    }
  }

  @Test
  void h2UpperCase() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("upper").toAbsolutePath()
        + io.jmigrate.testing.H2.DEFAULT_FOLDING)) {
      new Migrator(migrations).migrate(c);
      assertUpToDateWithoutADialect(c);
    }
  }

  @Test
  void postgres() throws Exception {
    try (Connection c = io.jmigrate.testing.Postgres.newDatabase()) {
      new Migrator(migrations).migrate(c);
      assertUpToDateWithoutADialect(c);
    }
  }

  @Test
  void aLowerCaseH2HistoryUnderUpperCaseFoldingIsFoundThroughTheDialect() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("legacy").toAbsolutePath()
        + io.jmigrate.testing.H2.DEFAULT_FOLDING)) {
      try (Statement s = c.createStatement()) { // what jmigrate made before it followed H2's folding
        s.execute(Dialect.named("h2").createHistoryTable("jmigrate_history"));
      }
      new Migrator(migrations).migrate(c);
      List<String> loaded = new ArrayList<>();
      assertEquals(OptionalInt.of(2), check(c, loaded), "still up to date, as before");
      assertTrue(loaded.contains("io.jmigrate.internal.dialect.H2Dialect"), loaded.toString());
    }
  }

  /**
   * Through a pool's proxy (as HikariCP hands out connections: {@code unwrap} gives the driver's own), the
   * check knows the driver by its class and asks no metadata; through one that does not unwrap, it reads
   * the URL from the metadata, and still needs no dialect.
   */
  @Test
  void throughAPoolsProxyTheDriverIsKnownByItsClass() throws Exception {
    try (Connection c = io.jmigrate.testing.H2.file(dir, "pooled")) {
      new Migrator(migrations).migrate(c);
      int[] metadata = {0};
      assertUpToDateWithoutADialect(pooled(c, true, metadata));
      assertEquals(0, metadata[0], "no metadata asked");
      assertUpToDateWithoutADialect(pooled(c, false, metadata));
      assertTrue(metadata[0] > 0, "a proxy that does not unwrap: the URL from the metadata");
    }
  }

  /** {@code c} behind a proxy, as a pool hands it out, counting {@code getMetaData} calls. */
  private static Connection pooled(Connection c, boolean unwraps, int[] metadata) {
    return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          if (method.getName().equals("unwrap")) {
            return unwraps ? c : proxy;
          }
          if (method.getName().equals("getMetaData")) {
            metadata[0]++;
          }
          try {
            return method.invoke(c, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Test
  void noHistoryIsNotUpToDate() throws Exception {
    try (Connection c = io.jmigrate.testing.H2.file(dir, "empty")) {
      assertEquals(OptionalInt.empty(), check(c, new ArrayList<>()));
    }
  }

  private void assertUpToDateWithoutADialect(Connection c) throws Exception {
    List<String> loaded = new ArrayList<>();
    assertEquals(OptionalInt.of(2), check(c, loaded));
    assertTrue(loaded.contains("io.jmigrate.engine.UpToDate"), "the check ran in the fresh class loader: " + loaded);
    for (String name : loaded) {
      assertFalse(name.equals("io.jmigrate.dialect.SqlDialect")
          || name.startsWith("io.jmigrate.internal.dialect.") && !name.endsWith(".BuiltInDialects"),
          "the check loaded " + name + ": " + loaded);
    }
  }

  /** {@link UpToDate#check(Connection, ClassLoader)} in a fresh copy of the runtime, recording the classes it loads. */
  private OptionalInt check(Connection c, List<String> loaded) throws Exception {
    List<MigrationIndex.Entry> entries = new ArrayList<>();
    for (Migration m : migrations) {
      entries.add(new MigrationIndex.Entry("missing.V" + m.version(), m.version(), m.checksum(), null, false));
    }
    Path classes = dir.resolve("classes-" + System.nanoTime());
    Path index = Files.createDirectories(classes.resolve("META-INF/jmigrate")).resolve("migrations");
    StringBuilder text = new StringBuilder(MigrationIndex.Summary.of(entries).line()).append('\n');
    entries.forEach(e -> text.append(e.line()).append('\n'));
    Files.writeString(index, text);
    URL runtime = UpToDate.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader app = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
        Fresh fresh = new Fresh(runtime, getClass().getClassLoader(), loaded)) {
      Object result = fresh.loadClass(UpToDate.class.getName()).getMethod("check", Connection.class, ClassLoader.class)
          .invoke(null, c, app);
      return (OptionalInt) result;
    }
  }

  /** Loads jmigrate's classes from the runtime's own classes, not from its parent, and records their names. */
  private static final class Fresh extends URLClassLoader {
    private final List<String> loaded;

    Fresh(URL runtime, ClassLoader parent, List<String> loaded) {
      super(new URL[] {runtime}, parent);
      this.loaded = loaded;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("io.jmigrate.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          c = findClass(name);
          loaded.add(name);
        }
        return c;
      }
    }
  }
}
