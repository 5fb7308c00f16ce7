package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.processor.h2test.H2Test;
import io.jmigrate.processor.h2test.H2TestDialect;
import io.jmigrate.testing.H2;
import io.jmigrate.testing.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The change kinds on a second test dialect, a thin subclass of H2Dialect found through its own
 * registration by its {@code jdbc:h2test:} URL: a built-in dialect whose variant depends on the
 * connection (H2's identifier folding) can be extended, and the variant stays the subclass.
 */
class H2TestChangeKindsTest extends ChangeKindsContract {
  private ClassLoader saved;

  @BeforeEach
  void register() {
    saved = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(H2Test.loader(saved));
  }

  @AfterEach
  void unregister() {
    Thread.currentThread().setContextClassLoader(saved);
  }

  @Override
  Connection newDatabase(String name) throws Exception {
    Connection c = H2Test.open(H2.fileUrl(dir.resolve("h2"), name));
    assertEquals(H2TestDialect.class, Dialect.of(c).getClass(), "selected by its URL " + c.getMetaData().getURL());
    return c;
  }

  @Override
  String catalog(Connection c) throws SQLException {
    return H2.catalog(c);
  }

  /**
   * A database with H2's default folding (upper case) gets folded names through the subclass: its
   * upper-case variant is an instance of the subclass, under the subclass's name, so unquoted SQL
   * finds the tables and validate sees no drift.
   */
  @Test
  void aDefaultFoldingDatabaseGetsUpperCaseNamesThroughTheSubclass() throws Exception {
    Project p = new Project(dir.resolve("folding"));
    p.write("com/acme/model/Author.java", author("", "@Column(length = 100, nullable = false)"));
    io.jmigrate.engine.Migrator migrator = p.build().assertOk().migrator();
    try (Connection db = H2Test.open("jdbc:h2:file:" + dir.resolve("h2").resolve("folding").toAbsolutePath()
        + H2.DEFAULT_FOLDING)) {
      Dialect d = Dialect.of(db);
      assertEquals(H2TestDialect.class, d.getClass(), "the upper-case variant is the subclass");
      assertEquals(H2TestDialect.NAME, d.name());
      migrator.migrate(db);
      assertEquals(List.of("AUTHOR", "JMIGRATE_HISTORY"), Sql.strings(db,
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC' ORDER BY 1"));
      Sql.exec(db, "INSERT INTO author (id, name) VALUES (1, 'Ursula K. Le Guin')");
      assertEquals(List.of("Ursula K. Le Guin"), Sql.strings(db, "SELECT name FROM author"));
      assertTrue(migrator.validate(db).isEmpty(), migrator.validate(db).toString());
    }
  }
}
