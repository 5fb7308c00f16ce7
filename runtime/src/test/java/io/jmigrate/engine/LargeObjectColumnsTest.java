package io.jmigrate.engine;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jmigrate.migration.Migration;
import io.jmigrate.testing.H2;
import io.jmigrate.testing.MariaDb;
import io.jmigrate.testing.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CLOB and BLOB (JPA's {@code @Lob}) on every dialect: the type each database gets (the ones
 * Hibernate 7 creates), a longer one that widens MariaDB's TINYTEXT to TEXT, and a validation
 * that finds no drift although PostgreSQL reports both as {@code oid} and the others report them
 * as their text and bytes.
 */
class LargeObjectColumnsTest {
  @TempDir Path dir;

  static final List<Migration> MIGRATIONS = List.of(
      new TestMigration(1, "create", createTable(table("doc", column("id", BIGINT).notNull(),
          column("body", CLOB), column("summary", CLOB).length(255).notNull(), column("chapter", CLOB).length(100_000),
          column("content", BLOB), column("thumbnail", BLOB).length(1000)).primaryKey("id"))),
      new TestMigration(2, "widen", alterColumn("doc", column("summary", CLOB).length(1000).notNull()),
          addColumn("doc", column("scan", BLOB))));

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql", "h2", "mariadb"})
  void eachDatabaseGetsItsLargeObjectTypesAndValidates(String database) throws Exception {
    try (Connection c = connect(database)) {
      new Migrator(MIGRATIONS).migrate(c);
      assertEquals(Map.of(
          "sqlite", "{body=TEXT, chapter=TEXT, content=BLOB, scan=BLOB, summary=TEXT, thumbnail=BLOB}",
          "postgresql", "{body=oid, chapter=oid, content=oid, scan=oid, summary=oid, thumbnail=oid}",
          "h2", "{body=CHARACTER LARGE OBJECT, chapter=CHARACTER LARGE OBJECT, content=BINARY LARGE OBJECT,"
              + " scan=BINARY LARGE OBJECT, summary=CHARACTER LARGE OBJECT, thumbnail=BINARY LARGE OBJECT}",
          "mariadb", "{body=LONGTEXT, chapter=MEDIUMTEXT, content=LONGBLOB, scan=LONGBLOB, summary=TEXT, thumbnail=BLOB}")
          .get(database), types(c).toString());
      assertEquals(List.of(), new Migrator(MIGRATIONS).validate(c).differences());
    }
  }

  private Connection connect(String database) throws Exception {
    return switch (database) {
      case "sqlite" -> DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("lob.db"));
      case "postgresql" -> Postgres.newDatabase();
      case "h2" -> H2.mem();
      default -> DriverManager.getConnection(MariaDb.newDatabaseUrl());
    };
  }

  private static Map<String, String> types(Connection c) throws Exception {
    Map<String, String> out = new TreeMap<>();
    boolean noSchema = c.getMetaData().getDatabaseProductName().matches("(?i).*(mariadb|mysql|sqlite).*");
    try (ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), noSchema ? null : c.getSchema(), "doc", "%")) {
      while (rs.next()) {
        if (!rs.getString("COLUMN_NAME").equals("id")) {
          out.put(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"));
        }
      }
    }
    return out;
  }
}
