package io.jmigrate.internal.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.dialect.Dialect;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built-in dialects are created only when a name may be theirs (a cold start-up loads one or
 * two dialect classes, not four), and the answer is the one the four dialects' own {@code accepts},
 * tried in order, give.
 */
class BuiltInDialectsTest {
  private static final List<Dialect> IN_ORDER =
      List.of(new H2Dialect(), new SqliteDialect(), new PostgresDialect(), new MariaDbDialect());

  @Test
  void answersAsTheDialectsInOrderDo() {
    BuiltInDialects builtIn = new BuiltInDialects();
    for (String name : List.of("h2", "H2", "jdbc:h2:mem:x", "jdbc:h2:file:/tmp/postgres-sqlite", "sqlite", "SQLite",
        "jdbc:sqlite:/tmp/pg.db", "jdbc:sqlite::memory:", "PostgreSQL", "postgresql", "postgres", "pg", "PG",
        "jdbc:postgresql://localhost/db", "MariaDB", "mariadb", "MySQL", "jdbc:mariadb://h/db", "jdbc:mysql://h/db",
        "Oracle", "jdbc:oracle:thin:@h", "Microsoft SQL Server", "", "h2x", "jdbc:h2x:")) {
      Dialect expected = IN_ORDER.stream().filter(d -> d.accepts(name)).findFirst().orElse(null);
      Dialect got = builtIn.apply(name);
      if (expected == null) {
        assertNull(got, name);
      } else {
        assertEquals(expected.getClass(), got.getClass(), name);
      }
    }
  }

  @Test
  void anH2LookUpLoadsNoOtherDialect() throws Exception {
    URL classes = Path.of(Dialect.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toUri().toURL();
    try (Isolated loader = new Isolated(classes)) {
      Class<?> dialect = loader.loadClass("io.jmigrate.dialect.Dialect");
      Object h2 = dialect.getMethod("named", String.class).invoke(null, "h2");
      assertEquals("io.jmigrate.internal.dialect.H2Dialect", h2.getClass().getName());
      assertTrue(loader.loaded("io.jmigrate.internal.dialect.H2Dialect"));
      for (String other : List.of("SqliteDialect", "PostgresDialect", "MariaDbDialect")) {
        assertFalse(loader.loaded("io.jmigrate.internal.dialect." + other), other + " was loaded for H2");
      }
      dialect.getMethod("named", String.class).invoke(null, "postgresql");
      assertTrue(loader.loaded("io.jmigrate.internal.dialect.PostgresDialect"));
      assertFalse(loader.loaded("io.jmigrate.internal.dialect.MariaDbDialect"), "MariaDB was loaded for PostgreSQL");
    }
  }

  /** The runtime's classes in a loader of their own (not its parent's), which says what it has loaded. */
  private static final class Isolated extends URLClassLoader {
    Isolated(URL classes) {
      super(new URL[] {classes}, ClassLoader.getPlatformClassLoader());
    }

    boolean loaded(String name) {
      return findLoadedClass(name) != null;
    }
  }
}
