package io.jmigrate.processor.diff;

import static io.jmigrate.migration.Operations.addColumn;
import static io.jmigrate.migration.Operations.addForeignKey;
import static io.jmigrate.migration.Operations.addIndex;
import static io.jmigrate.migration.Operations.alterColumn;
import static io.jmigrate.migration.Operations.createTable;
import static io.jmigrate.migration.Operations.dropColumn;
import static io.jmigrate.migration.Operations.dropForeignKey;
import static io.jmigrate.migration.Operations.dropIndex;
import static io.jmigrate.migration.Operations.setPrimaryKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jmigrate.dialect.Cost;
import io.jmigrate.dialect.Costs;
import io.jmigrate.dialect.Dialect;
import io.jmigrate.internal.dialect.MariaDbDialect;
import io.jmigrate.internal.dialect.PostgresDialect;
import io.jmigrate.migration.Operation;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.schema.ForeignKeyDefinition;
import io.jmigrate.schema.IndexDefinition;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.TableDefinition;
import io.jmigrate.testing.MariaDb;
import io.jmigrate.testing.Postgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The costs the online check names, checked against the real databases running jmigrate's own
 * statements for each operation, on a table with rows: on PostgreSQL a rewrite is seen in the
 * table's file node (a rewrite writes a new file); on MariaDB the algorithm is what the server
 * accepts under {@code alter_algorithm} (a stricter one than the operation supports is refused
 * before anything changes).
 */
class OnlineCostClaimsTest {
  static final ColumnDefinition ID = ColumnDefinition.of("id", ColumnType.BIGINT).notNull();
  static final TableDefinition PARENT = TableDefinition.of("parent", ID).primaryKey("id");
  static final TableDefinition T = TableDefinition.of("t", ID,
      ColumnDefinition.of("name", ColumnType.STRING).length(20),
      ColumnDefinition.of("views", ColumnType.INTEGER).notNull().defaultValue("0"),
      ColumnDefinition.of("price", ColumnType.DECIMAL).precision(10, 2),
      ColumnDefinition.of("note", ColumnType.STRING),
      ColumnDefinition.of("parent_id", ColumnType.BIGINT),
      ColumnDefinition.of("code", ColumnType.STRING).length(32),
      ColumnDefinition.of("tag", ColumnType.STRING).length(63),
      ColumnDefinition.of("owner_id", ColumnType.BIGINT)).primaryKey("id")
      .foreignKey(ForeignKeyDefinition.of("fk_t_owner_id", "owner_id", "parent", "id"))
      .index(IndexDefinition.of("ix_t_parent_id", "parent_id"));
  static final Schema BEFORE = Schema.of(List.of(PARENT, T));

  static ColumnDefinition col(String name) {
    return T.column(name).orElseThrow();
  }

  /** The operations whose costs are claimed, by what they are. */
  static final Map<String, Operation> CASES = Map.ofEntries(
      Map.entry("varchar 20 → 40", alterColumn("t", col("name").length(40))),
      Map.entry("varchar 20 → 100", alterColumn("t", col("name").length(100))),
      Map.entry("varchar 32 → 64", alterColumn("t", col("code").length(64))),
      Map.entry("varchar 63 → 64", alterColumn("t", col("tag").length(64))),
      Map.entry("varchar 63 → 70", alterColumn("t", col("tag").length(70))),
      Map.entry("varchar → text", alterColumn("t", col("name").length(0))),
      Map.entry("int → bigint", alterColumn("t", col("views").type(ColumnType.BIGINT))),
      Map.entry("decimal more precision", alterColumn("t", col("price").precision(12, 2))),
      Map.entry("decimal more scale", alterColumn("t", col("price").precision(12, 3))),
      Map.entry("not null", alterColumn("t", col("name").notNull().defaultValue("x"))),
      Map.entry("nullable", alterColumn("t", col("views").nullable(true))),
      Map.entry("new default", alterColumn("t", col("views").defaultValue("7"))),
      Map.entry("add column", addColumn("t", ColumnDefinition.of("extra", ColumnType.INTEGER))),
      Map.entry("add column, constant default", addColumn("t", ColumnDefinition.of("flag", ColumnType.INTEGER).notNull()
          .defaultValue("1"))),
      Map.entry("add column, now()", addColumn("t", ColumnDefinition.of("seen", ColumnType.TIMESTAMP_TZ)
          .defaultSql("now()").defaultSql("mariadb", "CURRENT_TIMESTAMP(6)"))),
      Map.entry("add column, random()", addColumn("t", ColumnDefinition.of("score", ColumnType.DOUBLE)
          .defaultSql("random()").defaultSql("mariadb", "(RAND())"))),
      Map.entry("drop column", dropColumn("t", "note")),
      Map.entry("index", addIndex("t", IndexDefinition.of("ix_t_name", "name"))),
      Map.entry("unique index", addIndex("t", IndexDefinition.unique("ux_t_name", "name"))),
      Map.entry("index on an unbounded string", addIndex("t", IndexDefinition.of("ix_t_note", "note"))),
      Map.entry("foreign key", addForeignKey("t", ForeignKeyDefinition.of("fk_t_parent_id", "parent_id", "parent", "id"))),
      Map.entry("drop index", dropIndex("t", "ix_t_parent_id")),
      Map.entry("drop foreign key", dropForeignKey("t", "fk_t_owner_id")),
      Map.entry("primary key", setPrimaryKey("t", "id", "views")));

  static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static void createWithRows(Connection c, Dialect d) throws SQLException {
    for (TableDefinition t : List.of(PARENT, T)) {
      for (String sql : d.statements(createTable(t), Schema.empty())) {
        exec(c, sql);
      }
    }
    String q = d.quote("t");
    exec(c, "INSERT INTO " + d.quote("parent") + " (" + d.quote("id") + ") VALUES (1)");
    for (int i = 1; i <= 200; i++) {
      exec(c, "INSERT INTO " + q + " (" + d.quote("id") + ", " + d.quote("name") + ", " + d.quote("price") + ", "
          + d.quote("note") + ", " + d.quote("parent_id") + ") VALUES (" + i + ", " + (i % 3 == 0 ? "NULL" : "'n" + i + "'")
          + ", " + i + ".25, 'note " + i + "', 1)");
    }
  }

  @Test
  void postgresqlRewritesExactlyWhenTheCostSaysSo() throws Exception {
    Dialect pg = new PostgresDialect();
    Costs costs = pg.costs();
    for (Map.Entry<String, Operation> e : CASES.entrySet()) {
      Cost cost = costs.cost(e.getValue(), BEFORE);
      try (Connection c = Postgres.newDatabase()) {
        createWithRows(c, pg);
        long node = fileNode(c);
        for (String sql : pg.statements(e.getValue(), BEFORE)) {
          exec(c, sql);
        }
        boolean rewritten = fileNode(c) != node;
        assertEquals(cost.text().contains("rewrites the table"), rewritten, e.getKey() + ": " + cost);
      }
    }
  }

  static long indexFileNode(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT pg_relation_filenode('ix_t_code')")) {
      r.next();
      return r.getLong(1);
    }
  }

  static long fileNode(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT pg_relation_filenode('t')")) {
      r.next();
      return r.getLong(1);
    }
  }

  @Test
  void mariadbRunsEachOperationWithTheAlgorithmTheCostNames() throws Exception {
    Dialect maria = new MariaDbDialect();
    Costs costs = maria.costs();
    StringBuilder wrong = new StringBuilder();
    for (Map.Entry<String, Operation> e : new java.util.TreeMap<>(CASES).entrySet()) {
      Cost cost = costs.cost(e.getValue(), BEFORE);
      String text = cost.text();
      String claimed = text.contains("ALGORITHM=COPY") ? "COPY" : text.contains("ALGORITHM=INPLACE") ? "INPLACE"
          : text.contains("ALGORITHM=NOCOPY") ? "NOCOPY" : "INSTANT";
      String cheapest = null;
      for (String algorithm : List.of("INSTANT", "NOCOPY", "INPLACE", "COPY")) {
        try (Connection c = MariaDb.newDatabase()) {
          createWithRows(c, maria);
          run(c, maria, e.getValue(), algorithm);
          cheapest = algorithm;
          break;
        } catch (SQLException refused) {
          // a cheaper algorithm than the operation supports: refused before anything changed
        }
      }
      if (!claimed.equals(cheapest)) {
        wrong.append("\n  ").append(e.getKey()).append(": MariaDB's cheapest is ").append(cheapest)
            .append(", the cost says ").append(text);
      }
      if (claimed.equals("INPLACE") || claimed.equals("COPY")) {
        // "writes go on" / "writes wait": whether the server accepts LOCK=NONE for the ALTER TABLE statements.
        boolean lockNone;
        try (Connection c = MariaDb.newDatabase()) {
          createWithRows(c, maria);
          for (String sql : maria.statements(e.getValue(), BEFORE)) {
            exec(c, sql.startsWith("ALTER TABLE") ? sql + ", LOCK=NONE" : sql);
          }
          lockNone = true;
        } catch (SQLException refused) {
          lockNone = false;
        }
        if (lockNone != text.contains("writes go on")) {
          wrong.append("\n  ").append(e.getKey()).append(": LOCK=NONE is ").append(lockNone ? "" : "not ")
              .append("accepted, the cost says ").append(text);
        }
      }
      if (cost.heavy() != (claimed.equals("COPY") || claimed.equals("INPLACE"))) {
        wrong.append("\n  ").append(e.getKey()).append(": heavy is ").append(cost.heavy()).append(" for ").append(text);
      }
    }
    assertEquals("", wrong.toString());
  }

  /** The function PostgreSQL's cost names as evaluated per row when a column with this default is added; null if none. */
  static String volatileCall(String expression) {
    Cost cost = new PostgresDialect().costs().cost(addColumn("t", ColumnDefinition.of("added", ColumnType.STRING)
        .defaultSql(expression)), BEFORE);
    if (!cost.heavy()) {
      return null;
    }
    String text = cost.text();
    int from = text.indexOf("to store the default ") + "to store the default ".length();
    return text.substring(from, text.indexOf(" in every row", from));
  }

  @Test
  void aPostgresqlDefaultIsVolatileWhenItCallsAFunctionNotKnownToBeStable() {
    assertEquals(null, volatileCall("now()"));
    assertEquals(null, volatileCall("CURRENT_TIMESTAMP"));
    assertEquals(null, volatileCall("now() + interval '1 day'"));
    assertEquals(null, volatileCall("'random()'"), "inside a string literal");
    assertEquals(null, volatileCall("pg_catalog.now()"));
    assertEquals("random()", volatileCall("random()"));
    assertEquals("gen_random_uuid()", volatileCall("gen_random_uuid()"));
    assertEquals("nextval()", volatileCall("nextval('order_seq')"));
    assertEquals("clock_timestamp()", volatileCall("date_trunc('second', clock_timestamp())"));
    assertEquals("app.next_code()", volatileCall("app.next_code()"));
  }

  @Test
  void sqliteRebuildsExactlyWhenTheCostSaysSo() {
    Dialect sqlite = new io.jmigrate.internal.dialect.SqliteDialect();
    Costs costs = sqlite.costs();
    StringBuilder wrong = new StringBuilder();
    for (Map.Entry<String, Operation> e : new java.util.TreeMap<>(CASES).entrySet()) {
      Cost cost = costs.cost(e.getValue(), BEFORE);
      boolean rebuilt = sqlite.statements(e.getValue(), BEFORE).stream().anyMatch(sql -> sql.contains("_jm_new_"));
      if (rebuilt != cost.text().startsWith("rebuilds the table")) {
        wrong.append("\n  ").append(e.getKey()).append(": rebuilt ").append(rebuilt).append(", the cost says ")
            .append(cost.text());
      }
    }
    assertEquals("", wrong.toString());
  }

  /**
   * A column's collation changed, alone (collation names are each database's, so these are cases of their own): on
   * PostgreSQL no rewrite, the indexes over the column rebuilt (heavy) or none (light); on MariaDB the algorithm the
   * cost names is the cheapest the server accepts (measured on MariaDB 10.11: INSTANT without an index, NOCOPY with one).
   */
  @Test
  void aCollationChangeCostsWhatTheDatabaseDoes() throws Exception {
    Dialect pg = new PostgresDialect();
    for (Operation op : List.of(alterColumn("t", col("name").collation("C")),
        alterColumn("t", col("code").collation("POSIX")))) {
      Cost cost = pg.costs().cost(op, BEFORE);
      try (Connection c = Postgres.newDatabase()) {
        createWithRows(c, pg);
        long node = fileNode(c);
        for (String sql : pg.statements(op, BEFORE)) {
          exec(c, sql);
        }
        assertEquals(node, fileNode(c), "no rewrite: " + cost);
        assertFalse(cost.text().contains("rewrites the table"), cost.toString());
      }
    }
    TableDefinition indexed = T.index(IndexDefinition.of("ix_t_code", "code"));
    Operation onIndexed = alterColumn("t", col("code").collation("C"));
    assertTrue(pg.costs().cost(onIndexed, Schema.of(List.of(PARENT, indexed))).heavy());
    try (Connection c = Postgres.newDatabase()) { // the index is built anew (a new file), the table is not
      for (TableDefinition t : List.of(PARENT, indexed)) {
        for (String sql : pg.statements(createTable(t), Schema.empty())) {
          exec(c, sql);
        }
      }
      long table = fileNode(c);
      long index = indexFileNode(c);
      for (String sql : pg.statements(onIndexed, Schema.of(List.of(PARENT, indexed)))) {
        exec(c, sql);
      }
      assertEquals(table, fileNode(c));
      assertTrue(index != indexFileNode(c), "the index over code was rebuilt");
    }
    assertFalse(pg.costs().cost(alterColumn("t", col("name").collation("C")), BEFORE).heavy());

    Dialect maria = new MariaDbDialect();
    StringBuilder wrong = new StringBuilder();
    // name has no index (INSTANT, with a longer VARCHAR too); code has one in the "indexed" table (NOCOPY: the index is sorted anew)
    for (Operation op : List.of(alterColumn("t", col("name").collation("utf8mb4_unicode_ci")),
        alterColumn("t", col("name").length(40).collation("utf8mb4_unicode_ci")),
        alterColumn("t", col("code").collation("utf8mb4_unicode_ci")))) {
      Schema before = op.equals(alterColumn("t", col("code").collation("utf8mb4_unicode_ci")))
          ? Schema.of(List.of(PARENT, indexed)) : BEFORE;
      Cost cost = maria.costs().cost(op, before);
      String cheapest = null;
      for (String algorithm : List.of("INSTANT", "NOCOPY", "INPLACE", "COPY")) {
        try (Connection c = MariaDb.newDatabase()) {
          for (TableDefinition t : before.tables()) {
            for (String sql : maria.statements(createTable(t), Schema.empty())) {
              exec(c, sql);
            }
          }
          exec(c, "INSERT INTO parent (id) VALUES (1)");
          exec(c, "INSERT INTO t (id, name, code, parent_id) VALUES (1, 'a', 'b', 1), (2, 'c', 'd', 1)");
          for (String sql : maria.statements(op, before)) {
            exec(c, "SET SESSION alter_algorithm = '" + algorithm + "'");
            exec(c, sql);
          }
          cheapest = algorithm;
          break;
        } catch (SQLException refused) {
          // cheaper than the change allows
        }
      }
      String claimed = cost.text().contains("ALGORITHM=COPY") ? "COPY" : cost.text().contains("ALGORITHM=INPLACE")
          ? "INPLACE" : cost.text().contains("ALGORITHM=NOCOPY") ? "NOCOPY" : "INSTANT";
      if (!claimed.equals(cheapest) || cost.heavy() != (claimed.equals("COPY") || claimed.equals("INPLACE"))) {
        wrong.append("\n  ").append(op).append(": MariaDB's cheapest is ").append(cheapest).append(", the cost says ")
            .append(cost);
      }
    }
    assertEquals("", wrong.toString());
  }

  /** jmigrate's statements for {@code op}, the DDL under {@code alter_algorithm}. */
  static void run(Connection c, Dialect d, Operation op, String algorithm) throws SQLException {
    for (String sql : d.statements(op, BEFORE)) {
      boolean ddl = !sql.startsWith("UPDATE");
      exec(c, "SET SESSION alter_algorithm = '" + (ddl ? algorithm : "DEFAULT") + "'");
      exec(c, sql);
    }
    exec(c, "SET SESSION alter_algorithm = 'DEFAULT'");
  }
}
