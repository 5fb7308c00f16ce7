package io.jmigrate.dialect;

import io.jmigrate.migration.Operation;
import io.jmigrate.migration.Operations.AddColumn;
import io.jmigrate.migration.Operations.AddForeignKey;
import io.jmigrate.migration.Operations.AddIndex;
import io.jmigrate.migration.Operations.CreateTable;
import io.jmigrate.migration.Operations.DropIndex;
import io.jmigrate.migration.Operations.RenameColumn;
import io.jmigrate.migration.Operations.AlterColumn;
import io.jmigrate.migration.Operations.DropColumn;
import io.jmigrate.migration.Operations.DropForeignKey;
import io.jmigrate.migration.Operations.RenameTable;
import io.jmigrate.migration.Operations.SetPrimaryKey;
import io.jmigrate.schema.Column;
import io.jmigrate.schema.Index;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite. ALTER TABLE does only RENAME TABLE, RENAME COLUMN, ADD COLUMN and DROP COLUMN (with
 * limits); every other change is the table rebuild from SQLite's documentation ("Making Other
 * Kinds Of Table Schema Changes"), done inside the migration's transaction:
 *
 * <ol>
 *   <li>(the engine turns {@code PRAGMA foreign_keys} off before the transaction; it cannot
 *       change inside one, and with it on, DROP TABLE would cascade deletes);
 *   <li>remember the table's triggers;
 *   <li>{@code CREATE TABLE "_jm_new_t"} with the new definition;
 *   <li>{@code INSERT INTO "_jm_new_t" (…) SELECT … FROM "t"}: rows are copied by SQLite,
 *       never through the Java heap;
 *   <li>{@code DROP TABLE "t"}, then {@code ALTER TABLE "_jm_new_t" RENAME TO "t"} (this order,
 *       not rename-old-first, keeps other tables' foreign keys pointing at "t");
 *   <li>recreate the indexes and the triggers;
 *   <li>{@code PRAGMA foreign_key_check} before commit ({@link #verify}); a violation fails
 *       the migration.
 * </ol>
 */
public final class SqliteDialect extends SqlDialect {
  static final String REBUILD_PREFIX = "_jm_new_";

  @Override
  public String name() {
    return "sqlite";
  }



  @Override
  boolean inlinePrimaryKey(Table t) {
    return t.primaryKey().size() == 1 && t.column(t.primaryKey().get(0)).map(Column::generated).orElse(false);
  }

  public SqliteDialect() {
    super("DOUBLE", "DECIMAL", "BLOB", "1", "0");
  }

  @Override
  String columnDefinition(Table table, Column c) {
    if (inlinePrimaryKey(table) && table.primaryKey().get(0).equals(c.name())) {
      // Exactly "INTEGER PRIMARY KEY": the rowid alias, which SQLite fills on insert.
      return q(c.name()) + " INTEGER PRIMARY KEY";
    }
    return q(c.name()) + " " + type(c) + (c.nullable() ? "" : " NOT NULL") + defaultClause(c);
  }

  @Override
  List<String> renameTable(RenameTable op, Schema before) {
    return List.of("ALTER TABLE " + q(op.from()) + " RENAME TO " + q(op.to()));
  }

  @Override
  List<String> addColumn(AddColumn op, Schema before) {
    Column c = op.column();
    // ADD COLUMN takes no expression default, and NOT NULL only with a literal default.
    boolean native_ = c.defaultSql() == null && (c.nullable() || c.defaultValue() != null) && !c.generated();
    if (native_) {
      Table t = before.table(op.table());
      return List.of("ALTER TABLE " + q(op.table()) + " ADD COLUMN " + columnDefinition(t, c));
    }
    return rebuild(before.table(op.table()), op.applyTo(before).table(op.table()));
  }

  @Override
  List<String> dropColumn(DropColumn op, Schema before) {
    Table t = before.table(op.table());
    String c = op.column();
    boolean referenced = t.primaryKey().contains(c)
        || t.indexes().stream().anyMatch(i -> i.columns().contains(c))
        || t.foreignKeys().stream().anyMatch(f -> f.columns().contains(c))
        || before.tables().stream().flatMap(x -> x.foreignKeys().stream())
            .anyMatch(f -> f.refTable().equals(op.table()) && f.refColumns().contains(c));
    if (!referenced) {
      return List.of("ALTER TABLE " + q(op.table()) + " DROP COLUMN " + q(c));
    }
    return rebuild(t, op.applyTo(before).table(op.table()));
  }

  @Override
  List<String> alterColumn(AlterColumn op, Schema before) {
    return rebuild(before.table(op.table()), op.applyTo(before).table(op.table()));
  }

  @Override
  List<String> setPrimaryKey(SetPrimaryKey op, Schema before) {
    return rebuild(before.table(op.table()), op.applyTo(before).table(op.table()));
  }

  @Override
  List<String> addForeignKey(AddForeignKey op, Schema before) {
    return rebuild(before.table(op.table()), op.applyTo(before).table(op.table()));
  }

  @Override
  List<String> dropForeignKey(DropForeignKey op, Schema before) {
    return rebuild(before.table(op.table()), op.applyTo(before).table(op.table()));
  }

  /** Steps 3 to 6 of the procedure in the class comment (triggers aside, see {@link #execute}). */
  List<String> rebuild(Table old, Table next) {
    String temp = q(REBUILD_PREFIX + next.name());
    List<String> into = new ArrayList<>();
    List<String> select = new ArrayList<>();
    for (Column c : next.columns()) {
      Column was = old.column(c.name()).orElse(null);
      if (was == null) {
        continue; // a new column takes its default
      }
      into.add(q(c.name()));
      if (was.nullable() && !c.nullable() && c.defaultValue() != null) {
        select.add("COALESCE(" + q(c.name()) + ", " + literal(c, c.defaultValue()) + ")");
      } else if (was.nullable() && !c.nullable() && c.defaultSql() != null) {
        select.add("COALESCE(" + q(c.name()) + ", " + c.defaultSql() + ")");
      } else {
        select.add(q(c.name()));
      }
    }
    List<String> out = new ArrayList<>();
    out.add(createTableStatement(temp, next));
    if (!into.isEmpty()) {
      out.add("INSERT INTO " + temp + " (" + String.join(", ", into) + ") SELECT "
          + String.join(", ", select) + " FROM " + q(old.name()));
    }
    out.add("DROP TABLE " + q(old.name()));
    out.add("ALTER TABLE " + temp + " RENAME TO " + q(next.name()));
    for (Index i : next.indexes()) {
      out.add(createIndex(next.name(), i));
    }
    return out;
  }

  /** Runs the statements, keeping the triggers of a rebuilt table (DROP TABLE drops them). */
  @Override
  public void execute(Operation op, Schema before, Connection connection, StatementRunner runner)
      throws SQLException {
    List<String> statements = statements(op, before);
    String rebuilt = statements.stream()
        .filter(s -> s.startsWith("CREATE TABLE \"" + REBUILD_PREFIX))
        .map(s -> s.substring(("CREATE TABLE \"" + REBUILD_PREFIX).length(), s.indexOf("\" (")))
        .findFirst().orElse(null);
    List<String> triggers = new ArrayList<>();
    if (rebuilt != null) {
      try (PreparedStatement ps = connection.prepareStatement(
          "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY name")) {
        ps.setString(1, rebuilt);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            triggers.add(rs.getString(1));
          }
        }
      }
    }
    for (String sql : statements) {
      runner.run(sql);
    }
    for (String sql : triggers) {
      runner.run(sql);
    }
  }

  @Override
  public String createHistoryTable(String table) {
    return "CREATE TABLE IF NOT EXISTS " + q(table) + " (\n"
        + "  version INTEGER PRIMARY KEY,\n"
        + "  description TEXT NOT NULL,\n"
        + "  checksum INTEGER NOT NULL,\n"
        + "  applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
        + "  execution_ms INTEGER NOT NULL,\n"
        + "  success BOOLEAN NOT NULL\n"
        + ")";
  }

  /**
   * SQLite locks per transaction ({@link #begin} takes the write lock with BEGIN IMMEDIATE),
   * so the run only waits for other writers instead of failing at once, and turns foreign
   * key enforcement off for the rebuilds (restored afterwards; checked by {@link #verify}).
   */
  @Override
  public Session open(Connection connection) throws SQLException {
    int foreignKeys = pragma(connection, "foreign_keys");
    int busyTimeout = pragma(connection, "busy_timeout");
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA foreign_keys = OFF");
      s.execute("PRAGMA busy_timeout = 120000");
    }
    return () -> {
      try (Statement s = connection.createStatement()) {
        s.execute("PRAGMA foreign_keys = " + foreignKeys);
        s.execute("PRAGMA busy_timeout = " + busyTimeout);
      }
    };
  }

  private static int pragma(Connection connection, String name) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  @Override
  public void begin(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
    }
  }

  @Override
  public void commit(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("COMMIT");
    }
  }

  @Override
  public void rollback(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("ROLLBACK");
    }
  }

  @Override
  public boolean locksPerRun() {
    return false;
  }

  /**
   * Runs {@code PRAGMA foreign_key_check} unless every operation is one that cannot break a
   * foreign key while enforcement is off (the check reads every table, so it is not free).
   */
  @Override
  public void verify(Connection connection, List<Operation> ops) throws SQLException {
    boolean safe = true;
    for (Operation op : ops) {
      safe &= op instanceof CreateTable || op instanceof AddIndex || op instanceof DropIndex
          || op instanceof RenameTable || op instanceof RenameColumn
          || (op instanceof AddColumn a && a.column().defaultSql() == null);
    }
    if (safe) {
      return;
    }
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
      if (rs.next()) {
        String table = rs.getString(1);
        long rowid = rs.getLong(2);
        String parent = rs.getString(3);
        throw new SQLException("foreign key violation after the migration: row " + rowid + " of table "
            + table + " references a missing row of " + parent
            + " (PRAGMA foreign_key_check); fix or delete such rows in a step before this change");
      }
    }
  }
}
