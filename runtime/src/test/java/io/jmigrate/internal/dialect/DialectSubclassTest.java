package io.jmigrate.internal.dialect;

import static io.jmigrate.migration.Operations.*;
import static io.jmigrate.schema.ColumnType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.dialect.SqlRecorder;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.Schema;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/**
 * The built-in dialects whose variant depends on the connection or session can be extended: the
 * variant is an instance of the subclass, through its hook, and a subclass that leaves the hook out
 * is told so instead of silently becoming the built-in dialect.
 */
class DialectSubclassTest {
  /** MariaDB with one SQL override visible in every CREATE TABLE. */
  static class MarkedMariaDb extends MariaDbDialect {
    MarkedMariaDb() {}

    MarkedMariaDb(boolean backslashEscapes) {
      super(backslashEscapes);
    }

    @Override
    protected MariaDbDialect withBackslashEscapes(boolean backslashEscapes) {
      return new MarkedMariaDb(backslashEscapes);
    }

    @Override
    protected String type(ColumnDefinition c) {
      return super.type(c) + " /* marked */";
    }
  }

  @Test
  void aMariaDbSubclassWritesEveryStatementOfTheSession() throws Exception {
    for (String text : new String[] {"plain", "C:\\temp"}) { // without and with a backslash: both session paths
      SqlRecorder out = new SqlRecorder(null);
      new MarkedMariaDb().write(createTable(table("note", column("id", BIGINT).notNull(),
          column("body", STRING).length(40).defaultValue(text)).primaryKey("id")), Schema.empty(), out);
      String sql = String.join("\n", out.lines());
      assertTrue(sql.contains("/* marked */"), sql);
    }
  }

  @Test
  void aMariaDbSubclassWithoutTheHookIsToldSo() {
    MariaDbDialect bare = new MariaDbDialect() {};
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () ->
        bare.write(createTable(table("note", column("id", BIGINT).notNull()).primaryKey("id")), Schema.empty(),
            new SqlRecorder(null)));
    assertTrue(e.getMessage().contains("withBackslashEscapes"), e.getMessage());
  }

  @Test
  void anH2SubclassWithoutTheHookIsToldSoOnADefaultFoldingDatabase() throws Exception {
    H2Dialect bare = new H2Dialect() {
      @Override
      public String name() {
        return "h2bare";
      }
    };
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:subclass_folding")) {
      UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> bare.forConnection(c));
      assertTrue(e.getMessage().contains("withUpperCase"), e.getMessage());
    }
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:subclass_lower;DATABASE_TO_LOWER=TRUE")) {
      assertEquals(bare, bare.forConnection(c), "no variant needed: the dialect itself");
    }
  }
}
