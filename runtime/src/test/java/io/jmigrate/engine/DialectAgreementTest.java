package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static io.jmigrate.testing.Sql.exec;
import static io.jmigrate.testing.Sql.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.internal.dialect.MariaDbDialect;
import io.jmigrate.internal.dialect.PostgresDialect;
import io.jmigrate.internal.dialect.SqliteDialect;
import io.jmigrate.migration.Migration;
import io.jmigrate.testing.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite and PostgreSQL agree where they used to differ; dialects are found through ServiceLoader or given. */
class DialectAgreementTest {
  @TempDir Path dir;

  static final List<Migration> RENAME = List.of(
      new TestMigration(1, "create", createTable(table("old_name", column("id", BIGINT).notNull(),
          column("k", INTEGER).notNull()).primaryKey("id"))),
      new TestMigration(2, "rename", renameTable("old_name", "new_name")),
      new TestMigration(3, "re-key", setPrimaryKey("new_name", "id", "k")));

  @Test
  void aRenamedTableKeepsNoPrimaryKeyNamedAfterItsOldName() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("r.db"))) {
      new Migrator(RENAME).migrateTo(c, 2);
      String ddl = strings(c, "SELECT sql FROM sqlite_master WHERE name = 'new_name'").get(0);
      assertFalse(ddl.contains("old_name"), ddl);
      new Migrator(RENAME).migrate(c);
      assertTrue(new Migrator(RENAME).validate(c).isEmpty());
    }
    try (Connection c = Postgres.newDatabase()) {
      new Migrator(RENAME).migrateTo(c, 2);
      assertEquals(List.of("pk_new_name"), strings(c,
          "SELECT conname FROM pg_constraint WHERE conrelid = 'new_name'::regclass AND contype = 'p'"));
      new Migrator(RENAME).migrate(c);
      assertTrue(new Migrator(RENAME).validate(c).isEmpty());
    }
  }

  @Test
  void dialectsAreFoundByProductNameOrUrlThroughServiceLoader() throws Exception {
    assertSame(SqliteDialect.class, Dialect.named("SQLite").getClass());
    assertSame(PostgresDialect.class, Dialect.named("PostgreSQL").getClass());
    assertSame(PostgresDialect.class, Dialect.named("jdbc:postgresql://localhost/app").getClass());
    assertSame(PostgresDialect.class, Dialect.named("pg").getClass());
    assertSame(io.jmigrate.internal.dialect.H2Dialect.class, Dialect.named("H2").getClass());
    assertSame(io.jmigrate.internal.dialect.H2Dialect.class, Dialect.named("jdbc:h2:mem:postgres_like;MODE=PostgreSQL").getClass());
    assertSame(MariaDbDialect.class, Dialect.named("MariaDB").getClass());
    assertSame(MariaDbDialect.class, Dialect.named("MySQL").getClass());
    assertSame(MariaDbDialect.class, Dialect.named("jdbc:mariadb://localhost:3306/app").getClass());
    assertSame(MariaDbDialect.class, Dialect.named("jdbc:mysql://localhost:3306/app").getClass());
    // A URL is matched by its driver part, not by the database or user it names.
    assertSame(MariaDbDialect.class, Dialect.named("jdbc:mariadb://localhost:3306/postgres_copy").getClass());
    assertSame(SqliteDialect.class, Dialect.named("jdbc:sqlite:/data/mysql-export.db").getClass());
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> Dialect.named("Oracle"));
    assertTrue(e.getMessage().contains("no dialect for \"Oracle\"") && e.getMessage().contains("sqlite") && e.getMessage().contains("postgresql")
        && e.getMessage().contains("h2") && e.getMessage().contains("mariadb"),
        e.getMessage());
  }

  @Test
  void aMigratorGivenADialectUsesIt() throws Exception {
    Dialect counting = new CountingSqlite();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("d.db"))) {
      new Migrator(RENAME, counting).migrate(c);
      assertEquals(3, ((CountingSqlite) counting).written);
      exec(c, "SELECT 1");
    }
  }

  @Test
  void anApplicationsDialectIsFoundThroughItsServiceFile() throws Exception {
    Path services = dir.resolve("cp/META-INF/services");
    java.nio.file.Files.createDirectories(services);
    java.nio.file.Files.writeString(services.resolve(Dialect.class.getName()), CountingSqlite.class.getName() + "\n");
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    try (java.net.URLClassLoader app = new java.net.URLClassLoader(new java.net.URL[] {dir.resolve("cp").toUri().toURL()},
        getClass().getClassLoader())) {
      Thread.currentThread().setContextClassLoader(app);
      assertSame(CountingSqlite.class, Dialect.named("jdbc:countingdb://somewhere").getClass());
      assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> Dialect.named("Oracle")).getMessage().contains("counting"));
    } finally {
      Thread.currentThread().setContextClassLoader(before);
    }
  }

  /** A dialect written outside jmigrate: here, SQLite counting the operations it writes. */
  public static final class CountingSqlite implements Dialect {
    final SqliteDialect sqlite = new SqliteDialect();
    int written;

    public CountingSqlite() {}

    @Override
    public String name() {
      return "counting";
    }

    @Override
    public boolean accepts(String productNameOrUrl) {
      return productNameOrUrl.contains("countingdb");
    }

    @Override
    public void write(io.jmigrate.migration.Operation op, io.jmigrate.schema.Schema before,
        io.jmigrate.dialect.Sink out) throws java.sql.SQLException {
      written++;
      sqlite.write(op, before, out);
    }

    @Override
    public void afterOperations(List<io.jmigrate.migration.Operation> ops, io.jmigrate.dialect.Sink out)
        throws java.sql.SQLException {
      sqlite.afterOperations(ops, out);
    }

    @Override
    public String quote(String identifier) {
      return sqlite.quote(identifier);
    }

    @Override
    public String createHistoryTable(String table) {
      return sqlite.createHistoryTable(table);
    }

    @Override
    public String currentSchema(Connection connection) {
      return null;
    }

    @Override
    public boolean isSystemTable(String name) {
      return sqlite.isSystemTable(name);
    }

    @Override
    public io.jmigrate.schema.ColumnType liveType(String typeName) {
      return sqlite.liveType(typeName);
    }

    @Override
    public Session open(Connection connection) throws java.sql.SQLException {
      return sqlite.open(connection);
    }

    @Override
    public void begin(Connection connection) throws java.sql.SQLException {
      sqlite.begin(connection);
    }

    @Override
    public void commit(Connection connection) throws java.sql.SQLException {
      sqlite.commit(connection);
    }

    @Override
    public void rollback(Connection connection) throws java.sql.SQLException {
      sqlite.rollback(connection);
    }

    @Override
    public boolean locksPerRun() {
      return false;
    }
  }
}
