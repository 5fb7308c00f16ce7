package io.jmigrate.jpa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jmigrate.engine.Migrator;
import java.lang.reflect.Field;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code @Lob} on every Java type it applies to (src/test/resources/mappings/lob): the migrated
 * schema equals Hibernate's export and validates, a widened length and a new large object
 * migrate with the rows kept, and large values (100 KB of text, 1 MB of bytes) go through
 * Hibernate and come back whole.
 *
 * <p>Not on SQLite: Hibernate's community SQLiteDialect reads a large object with
 * {@code ResultSet.getClob}/{@code getBlob}, which the sqlite-jdbc driver does not implement
 * ("not implemented by SQLite JDBC driver"), so no @Lob entity loads there through Hibernate.
 */
class LobTest {
  private static final Set<Target> TARGETS = Set.of(Target.POSTGRESQL, Target.H2, Target.MARIADB);

  @Test
  void catalogValidationAndRows(@TempDir Path dir) throws Exception {
    Set<Target> targets = SchemaComparison.all();
    targets.retainAll(TARGETS);
    SchemaComparison lob = new SchemaComparison(dir, targets);
    lob.step("mappings/lob/step1");
    lob.step(List.of("mappings/lob/step1", "mappings/lob/step2"), Map.of());
    lob.assertNoProblems();
  }

  @ParameterizedTest
  @EnumSource(value = Target.class, names = {"POSTGRESQL", "H2", "MARIADB"})
  void largeValuesGoThroughHibernate(Target target, @TempDir Path dir) throws Exception {
    EntityProject project = new EntityProject(dir.resolve("project"));
    project.useSources(List.of(EntityProject.resource("mappings/lob/step1")));
    EntityProject.Build build = project.build().assertOk();
    Random random = new Random(12);
    StringBuilder text = new StringBuilder();
    while (text.length() < 100_000) {
      // Characters of 1, 2 and 3 UTF-8 bytes. Not one outside the BMP (a surrogate pair): MariaDB's
      // driver cuts a character stream (a char[] or Clob) into 4096-char pieces and writes a pair
      // split across two of them as "??", whatever the column type (Hibernate's own schema too).
      text.append("line ").append(text.length()).append(" äöü € ✓\n");
    }
    byte[] bytes = new byte[1 << 20];
    random.nextBytes(bytes);
    String url = target.newDatabaseUrl(dir);
    try (URLClassLoader loader = build.loader()) {
      List<Class<?>> classes = build.entityClasses(loader);
      Migrator migrator = build.migrator(loader);
      try (Connection c = DriverManager.getConnection(url)) {
        migrator.migrate(c);
      }
      Class<?> document = loader.loadClass("docs.Document");
      try (SessionFactory sf = Hibernate.open(url, target, classes, loader, "validate", Hibernate.Naming.SNAKE_CASE)) {
        sf.inTransaction(session -> {
          Object d = newDocument(document);
          set(d, "id", 1L);
          set(d, "body", text.toString());
          set(d, "summary", "short");
          set(d, "chapter", text.substring(0, 50_000));
          set(d, "letters", text.toString().toCharArray());
          set(d, "content", bytes);
          set(d, "scan", Rows.blob(bytes));
          set(d, "notes", Rows.clob(text.toString()));
          session.persist(d);
        });
        sf.inTransaction(session -> {
          Object d = session.find(document, 1L);
          assertEquals(text.toString(), get(d, "body"), "@Lob String");
          assertEquals(text.substring(0, 50_000), get(d, "chapter"), "@Lob @Column(length = 100_000) String");
          same(text.toString(), new String((char[]) get(d, "letters")), "@Lob char[]");
          assertArrayEquals(bytes, (byte[]) get(d, "content"), "@Lob byte[]");
          try {
            Blob scan = (Blob) get(d, "scan");
            assertArrayEquals(bytes, scan.getBytes(1, (int) scan.length()), "@Lob Blob");
            Clob notes = (Clob) get(d, "notes");
            same(text.toString(), notes.getSubString(1, (int) notes.length()), "@Lob Clob");
          } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
          }
        });
      }
    }
  }

  /** Equal text; if not, where the two part (a 100 KB message helps no one). */
  private static void same(String expected, String actual, String what) {
    int at = 0;
    while (at < Math.min(expected.length(), actual.length()) && expected.charAt(at) == actual.charAt(at)) {
      at++;
    }
    if (at < expected.length() || at < actual.length()) {
      throw new AssertionError(what + ": " + actual.length() + " chars instead of " + expected.length() + ", differing from "
          + at + ": \"" + actual.substring(at, Math.min(actual.length(), at + 30)) + "\" instead of \""
          + expected.substring(at, Math.min(expected.length(), at + 30)) + "\"");
    }
  }

  private static Object newDocument(Class<?> c) {
    try {
      var constructor = c.getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void set(Object o, String field, Object value) {
    try {
      Field f = o.getClass().getDeclaredField(field);
      f.setAccessible(true);
      f.set(o, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object get(Object o, String field) {
    try {
      Field f = o.getClass().getDeclaredField(field);
      f.setAccessible(true);
      return f.get(o);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
