package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.processor.pgtest.PgTest;
import io.jmigrate.processor.pgtest.PgTestDialect;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The change kinds on the test dialect (PostgreSQL under another name, found through its own
 * registration by its {@code jdbc:pgtest:} URL): a dialect jmigrate does not list anywhere passes
 * the same contract as its own.
 */
class PgTestChangeKindsTest extends ChangeKindsContract {
  private ClassLoader saved;

  @BeforeEach
  void register() {
    saved = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(PgTest.loader(saved));
  }

  @AfterEach
  void unregister() {
    Thread.currentThread().setContextClassLoader(saved);
  }

  @Override
  Connection newDatabase(String name) throws Exception {
    Connection c = PgTest.newDatabase();
    assertEquals(PgTestDialect.class, Dialect.of(c).getClass(), "selected by its URL " + c.getMetaData().getURL());
    return c;
  }

  @Override
  String catalog(Connection c) throws SQLException {
    return Db.postgresCatalog(c);
  }

  /**
   * Catalog reading comes with the dialect too: {@code validate} on the test dialect sees a column
   * comment made by hand (PostgreSQL's kept attributes, which it inherits), as it does on PostgreSQL.
   */
  @org.junit.jupiter.api.Test
  void validateReadsTheCatalogThroughTheDialect() throws Exception {
    Project p = new Project(dir.resolve("comment"));
    p.write("com/acme/model/Author.java", author("", "@Column(length = 100, nullable = false)"));
    io.jmigrate.engine.Migrator migrator = p.build().assertOk().migrator();
    try (Connection db = newDatabase("comment")) {
      migrator.migrate(db);
      org.junit.jupiter.api.Assertions.assertTrue(migrator.validate(db).isEmpty(), migrator.validate(db).toString());
      io.jmigrate.testing.Sql.exec(db, "COMMENT ON COLUMN author.name IS 'shown on the cover'");
      String drift = migrator.validate(db).toString();
      org.junit.jupiter.api.Assertions.assertTrue(drift.contains("author.name") && drift.contains("comment"), drift);
    }
  }
}
