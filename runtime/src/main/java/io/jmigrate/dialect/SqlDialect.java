package io.jmigrate.dialect;

import io.jmigrate.schema.ReferentialAction;
import io.jmigrate.migration.CustomOperation;
import io.jmigrate.migration.Operation;
import io.jmigrate.migration.OperationVisitor;
import io.jmigrate.migration.Operations.AddCheck;
import io.jmigrate.migration.Operations.AddColumn;
import io.jmigrate.migration.Operations.DropCheck;
import io.jmigrate.migration.Operations.AddForeignKey;
import io.jmigrate.migration.Operations.AddIndex;
import io.jmigrate.migration.Operations.AlterColumn;
import io.jmigrate.migration.Operations.AlterSequence;
import io.jmigrate.migration.Operations.CreateSequence;
import io.jmigrate.migration.Operations.DropSequence;
import io.jmigrate.migration.Operations.RenameSequence;
import io.jmigrate.migration.Operations.CreateTable;
import io.jmigrate.migration.Operations.DropColumn;
import io.jmigrate.migration.Operations.DropForeignKey;
import io.jmigrate.migration.Operations.DropIndex;
import io.jmigrate.migration.Operations.DropTable;
import io.jmigrate.migration.Operations.RenameColumn;
import io.jmigrate.migration.Operations.RenameIndex;
import io.jmigrate.migration.Operations.RenameTable;
import io.jmigrate.migration.Operations.RunJava;
import io.jmigrate.migration.Operations.RunSql;
import io.jmigrate.migration.Operations.SetPrimaryKey;
import io.jmigrate.schema.CheckDefinition;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.schema.ForeignKeyDefinition;
import io.jmigrate.schema.IndexDefinition;
import io.jmigrate.schema.Names;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.SequenceDefinition;
import io.jmigrate.schema.TableDefinition;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Map;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The base class of SQL dialects: one overridable method per operation (as EF Core's
 * {@code MigrationsSqlGenerator}), each writing into a {@link Sink}, so that migrating and
 * previewing run the same code. Holds what SQLite and PostgreSQL spell alike; a subclass renders
 * the rest. Before every {@link AlterColumn} it checks that the existing values fit the new
 * definition ({@link #doesNotFit}): a narrowing confirmed with {@code @Narrow} never cuts data.
 */
public abstract class SqlDialect implements Dialect {
  /**
   * What of a name, product name or JDBC URL says which database it is: a URL's driver part
   * ({@code jdbc:postgresql:} of {@code jdbc:postgresql://host/postgres_copy}, not the database or
   * user it names), anything else whole, in lower case; for {@link #accepts}.
   */
  protected static String databaseKind(String productNameOrUrl) {
    String n = productNameOrUrl.toLowerCase(java.util.Locale.ROOT);
    if (!n.startsWith("jdbc:")) {
      return n;
    }
    int slash = n.indexOf('/');
    String head = slash < 0 ? n : n.substring(0, slash);
    return head.substring(0, head.lastIndexOf(':') + 1);
  }

  private final String doubleType;
  private final String decimalType;
  private final String binaryType;
  private final String trueLiteral;
  private final String falseLiteral;

  /** The few spellings the two dialects' types and literals differ in. */
  protected SqlDialect(String doubleType, String decimalType, String binaryType, String trueLiteral, String falseLiteral) {
    this.doubleType = doubleType;
    this.decimalType = decimalType;
    this.binaryType = binaryType;
    this.trueLiteral = trueLiteral;
    this.falseLiteral = falseLiteral;
  }

  @Override
  public final void write(Operation op, Schema before, Sink out) throws SQLException {
    SqlDialect writer = forSession(op, before, out);
    try {
      op.accept(writer.new Writer(before, out));
    } catch (Failed e) {
      throw e.getCause();
    }
  }

  /**
   * The dialect that writes {@code op} for the session behind {@code out}: this one, unless a
   * session setting changes how the operation must be spelled (MariaDB's sql_mode decides what a
   * backslash in a literal means), which a dialect reads through {@code out}, so that a preview
   * with a database prints what runs on it.
   */
  protected SqlDialect forSession(Operation op, Schema before, Sink out) throws SQLException {
    return this;
  }

  /** SQLException through the visitor, whose methods cannot throw it. */
  private static final class Failed extends RuntimeException {
    Failed(SQLException cause) {
      super(cause);
    }

    @Override
    public synchronized SQLException getCause() {
      return (SQLException) super.getCause();
    }
  }

  @FunctionalInterface
  private interface Step {
    void run() throws SQLException;
  }

  /** Dispatches each operation to its method below. */
  private final class Writer implements OperationVisitor<Void> {
    private final Schema before;
    private final Sink out;

    Writer(Schema before, Sink out) {
      this.before = before;
      this.out = out;
    }

    private Void run(Step step) {
      try {
        step.run();
      } catch (SQLException e) {
        throw new Failed(e);
      }
      return null;
    }

    @Override
    public Void createTable(CreateTable op) {
      return run(() -> SqlDialect.this.createTable(op, before, out));
    }

    @Override
    public Void dropTable(DropTable op) {
      return run(() -> SqlDialect.this.dropTable(op, before, out));
    }

    @Override
    public Void renameTable(RenameTable op) {
      return run(() -> SqlDialect.this.renameTable(op, before, out));
    }

    @Override
    public Void addColumn(AddColumn op) {
      return run(() -> SqlDialect.this.addColumn(op, before, out));
    }

    @Override
    public Void dropColumn(DropColumn op) {
      return run(() -> SqlDialect.this.dropColumn(op, before, out));
    }

    @Override
    public Void renameColumn(RenameColumn op) {
      return run(() -> SqlDialect.this.renameColumn(op, before, out));
    }

    @Override
    public Void alterColumn(AlterColumn op) {
      return run(() -> {
        ColumnDefinition was = before.table(op.table()).column(op.column().name()).orElse(null);
        if (was != null && regenerates(was, op.column())) {
          // No database changes a generated column's expression or storage in place: dropped and added again,
          // its values recomputed (the application wrote none of them).
          SqlDialect.this.dropColumn(new DropColumn(op.table(), was.name()), before, out);
          Schema without = new DropColumn(op.table(), was.name()).applyTo(before);
          SqlDialect.this.addColumn(new AddColumn(op.table(), op.column()), without, out);
          return;
        }
        checkFits(op, before, out);
        SqlDialect.this.alterColumn(op, before, out);
      });
    }

    @Override
    public Void setPrimaryKey(SetPrimaryKey op) {
      return run(() -> SqlDialect.this.setPrimaryKey(op, before, out));
    }

    @Override
    public Void addIndex(AddIndex op) {
      return run(() -> SqlDialect.this.addIndex(op, before, out));
    }

    @Override
    public Void dropIndex(DropIndex op) {
      return run(() -> SqlDialect.this.dropIndex(op, before, out));
    }

    @Override
    public Void renameIndex(RenameIndex op) {
      return run(() -> SqlDialect.this.renameIndex(op, before, out));
    }

    @Override
    public Void addForeignKey(AddForeignKey op) {
      return run(() -> SqlDialect.this.addForeignKey(op, before, out));
    }

    @Override
    public Void dropForeignKey(DropForeignKey op) {
      return run(() -> SqlDialect.this.dropForeignKey(op, before, out));
    }

    @Override
    public Void runSql(RunSql op) {
      return run(() -> SqlDialect.this.runSql(op, before, out));
    }

    @Override
    public Void runJava(RunJava op) {
      return run(() -> SqlDialect.this.runJava(op, before, out));
    }

    @Override
    public Void createSequence(CreateSequence op) {
      return run(() -> SqlDialect.this.createSequence(op, before, out));
    }

    @Override
    public Void dropSequence(DropSequence op) {
      return run(() -> SqlDialect.this.dropSequence(op, before, out));
    }

    @Override
    public Void renameSequence(RenameSequence op) {
      return run(() -> SqlDialect.this.renameSequence(op, before, out));
    }

    @Override
    public Void alterSequence(AlterSequence op) {
      return run(() -> SqlDialect.this.alterSequence(op, before, out));
    }

    @Override
    public Void addCheck(AddCheck op) {
      return run(() -> SqlDialect.this.addCheck(op, before, out));
    }

    @Override
    public Void dropCheck(DropCheck op) {
      return run(() -> SqlDialect.this.dropCheck(op, before, out));
    }

    @Override
    public Void createEnumType(io.jmigrate.migration.Operations.CreateEnumType op) {
      return run(() -> SqlDialect.this.createEnumType(op, before, out));
    }

    @Override
    public Void dropEnumType(io.jmigrate.migration.Operations.DropEnumType op) {
      return run(() -> SqlDialect.this.dropEnumType(op, before, out));
    }

    @Override
    public Void addEnumValue(io.jmigrate.migration.Operations.AddEnumValue op) {
      return run(() -> SqlDialect.this.addEnumValue(op, before, out));
    }

    @Override
    public Void renameEnumValue(io.jmigrate.migration.Operations.RenameEnumValue op) {
      return run(() -> SqlDialect.this.renameEnumValue(op, before, out));
    }

    @Override
    public Void alterCollation(io.jmigrate.migration.Operations.AlterCollation op) {
      return run(() -> SqlDialect.this.alterCollation(op, before, out));
    }

    @Override
    public Void alterTableComment(io.jmigrate.migration.Operations.AlterTableComment op) {
      return run(() -> SqlDialect.this.alterTableComment(op, before, out));
    }

    @Override
    public Void custom(CustomOperation op) {
      return run(() -> SqlDialect.this.custom(op, before, out));
    }
  }

  /**
   * One migration's transaction through JDBC: auto-commit off, then a commit or a rollback, and auto-commit on
   * again. A dialect that must lock first (SQLite's {@code BEGIN IMMEDIATE}) overrides these.
   */
  @Override
  public void begin(Connection connection) throws SQLException {
    connection.setAutoCommit(false);
  }

  @Override
  public void commit(Connection connection) throws SQLException {
    connection.commit();
    connection.setAutoCommit(true);
  }

  @Override
  public void rollback(Connection connection) throws SQLException {
    connection.rollback();
    connection.setAutoCommit(true);
  }

  // ---- one method per operation ----

  protected void createTable(CreateTable op, Schema before, Sink out) throws SQLException {
    for (String sql : createTable(op.table())) {
      out.execute(sql);
    }
  }

  protected void dropTable(DropTable op, Schema before, Sink out) throws SQLException {
    out.execute("DROP TABLE " + q(op.table()));
  }

  /** The standard forms, as PostgreSQL and H2 spell them; MariaDB and SQLite override them. */
  protected void renameTable(RenameTable op, Schema before, Sink out) throws SQLException {
    out.execute("ALTER TABLE " + q(op.from()) + " RENAME TO " + q(op.to()));
    TableDefinition renamed = before.table(op.from());
    if (!renamed.primaryKey().isEmpty() && renamed.primaryKeyName() == null
        && !primaryKeyName(op.from()).equals(primaryKeyName(op.to()))) { // Account → account keeps pk_account
      // Constraint names do not follow the table; keep pk_<table> true so later changes find it
      // (a name the table was adopted with is its own and stays).
      out.execute("ALTER TABLE " + q(op.to()) + " RENAME CONSTRAINT " + q(primaryKeyName(op.from()))
          + " TO " + q(primaryKeyName(op.to())));
    }
  }

  /** The column's definition, then its comment ({@link #commentOn}) where it has one. */
  protected void addColumn(AddColumn op, Schema before, Sink out) throws SQLException {
    out.execute("ALTER TABLE " + q(op.table()) + " ADD COLUMN " + columnDefinition(before.table(op.table()), op.column()));
    String comment = op.column().comment() == null ? null : commentOn(op.table(), op.column());
    if (comment != null) {
      out.execute(comment);
    }
  }

  /**
   * Whether a column change is made by dropping the column and adding it again: a generated column's
   * expression or storage changed, or an ordinary column made generated. A dialect that rebuilds tables
   * (SQLite) says false and rebuilds.
   */
  protected boolean regenerates(ColumnDefinition was, ColumnDefinition next) {
    return next.computed() && (!java.util.Objects.equals(was.generatedAs(), next.generatedAs()) || was.stored() != next.stored());
  }

  protected void dropColumn(DropColumn op, Schema before, Sink out) throws SQLException {
    out.execute("ALTER TABLE " + q(op.table()) + " DROP COLUMN " + q(op.column()));
  }

  protected void renameColumn(RenameColumn op, Schema before, Sink out) throws SQLException {
    out.execute("ALTER TABLE " + q(op.table()) + " RENAME COLUMN " + q(op.from()) + " TO " + q(op.to()));
  }

  /** Called after {@link #checkFits} has made sure the existing values fit. */
  protected abstract void alterColumn(AlterColumn op, Schema before, Sink out) throws SQLException;

  /** Drops the key's named constraint and adds the new one (SQLite rebuilds instead, MariaDB swaps in one statement). */
  protected void setPrimaryKey(SetPrimaryKey op, Schema before, Sink out) throws SQLException {
    String table = q(op.table());
    // The table's own name for its key: pk_<table>, or the one an adopted database gave it.
    String constraint = before.table(op.table()).primaryKeyConstraint();
    if (!before.table(op.table()).primaryKey().isEmpty()) {
      out.execute("ALTER TABLE " + table + " DROP CONSTRAINT " + q(constraint));
    }
    if (!op.columns().isEmpty()) {
      out.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + q(constraint)
          + " PRIMARY KEY (" + list(op.columns()) + ")");
    }
  }

  protected void addIndex(AddIndex op, Schema before, Sink out) throws SQLException {
    out.execute(createIndex(op.table(), op.index()));
  }

  protected void dropIndex(DropIndex op, Schema before, Sink out) throws SQLException {
    out.execute("DROP INDEX " + q(op.index()));
  }

  /** In place, without a rebuild: PostgreSQL and H2 spell it so; MariaDB and SQLite override it. */
  protected void renameIndex(RenameIndex op, Schema before, Sink out) throws SQLException {
    out.execute("ALTER INDEX " + q(op.from()) + " RENAME TO " + q(op.to()));
  }

  protected abstract void addForeignKey(AddForeignKey op, Schema before, Sink out) throws SQLException;

  protected abstract void dropForeignKey(DropForeignKey op, Schema before, Sink out) throws SQLException;

  protected void runSql(RunSql op, Schema before, Sink out) throws SQLException {
    String sql = op.sqlFor(name());
    if (sql == null) {
      // Thrown before anything runs; the engine names the migration.
      throw new SQLException("its SQL step is given for " + String.join(", ", op.sqlByDialect().keySet())
          + " but not for " + name() + ", the dialect of this database; add sql(Map.of(\"" + name() + "\", \"…\"), …)");
    }
    out.execute(sql);
  }

  protected void runJava(RunJava op, Schema before, Sink out) throws SQLException {
    out.java(op);
  }

  // ---- check constraints: standard SQL, as PostgreSQL, H2 and MariaDB spell it; SQLite rebuilds ----

  protected void addCheck(AddCheck op, Schema before, Sink out) throws SQLException {
    out.execute("ALTER TABLE " + q(op.table()) + " ADD " + checkClause(op.check()));
  }

  protected void dropCheck(DropCheck op, Schema before, Sink out) throws SQLException {
    out.execute("ALTER TABLE " + q(op.table()) + " DROP CONSTRAINT " + q(op.check()));
  }

  /** A check inside CREATE TABLE or ADD: {@code CONSTRAINT "ck_t" CHECK (expression)}, the expression as written. */
  protected String checkClause(CheckDefinition c) {
    return "CONSTRAINT " + q(c.name()) + " CHECK (" + c.expression() + ")";
  }

  /** An application's own operation: the statements it gives for this dialect's {@code name()}. */
  protected void custom(CustomOperation op, Schema before, Sink out) throws SQLException {
    for (String sql : op.sql(name(), before)) {
      out.execute(sql);
    }
  }

  // ---- sequences: standard SQL, as PostgreSQL, H2 and MariaDB spell it; each overrides what differs ----

  protected void createSequence(CreateSequence op, Schema before, Sink out) throws SQLException {
    SequenceDefinition q = op.sequence();
    out.execute("CREATE SEQUENCE " + q(q.name()) + " START WITH " + q.start() + " INCREMENT BY " + q.increment());
  }

  protected void dropSequence(DropSequence op, Schema before, Sink out) throws SQLException {
    out.execute("DROP SEQUENCE " + q(op.sequence()));
  }

  protected void renameSequence(RenameSequence op, Schema before, Sink out) throws SQLException {
    out.execute("ALTER SEQUENCE " + q(op.from()) + " RENAME TO " + q(op.to()));
  }

  /**
   * A table's collation, which only MariaDB/MySQL keep ({@link TableDefinition#collation()}): nothing
   * to run where the dialect has no per-table collation.
   */
  protected void alterCollation(io.jmigrate.migration.Operations.AlterCollation op, Schema before, Sink out)
      throws SQLException {}

  /** A table's comment: the standard {@code COMMENT ON TABLE} (null removes it). */
  protected void alterTableComment(io.jmigrate.migration.Operations.AlterTableComment op, Schema before, Sink out)
      throws SQLException {
    String sql = tableCommentOn(op.table(), op.comment());
    if (sql != null) {
      out.execute(sql);
    }
  }

  /**
   * The statement that gives a table its comment, or removes it when null: the standard {@code COMMENT ON
   * TABLE}. Null where the dialect keeps no table comment (SQLite).
   */
  protected String tableCommentOn(String table, String comment) {
    return "COMMENT ON TABLE " + q(table) + " IS " + (comment == null ? "NULL" : quoteString(comment));
  }

  /** Only what changed; {@code START WITH} records the start without moving the next value. */
  protected void alterSequence(AlterSequence op, Schema before, Sink out) throws SQLException {
    SequenceDefinition old = before.sequence(op.sequence().name());
    SequenceDefinition q = op.sequence();
    String change = (q.increment() == old.increment() ? "" : " INCREMENT BY " + q.increment())
        + (q.start() == old.start() ? "" : " START WITH " + q.start());
    if (!change.isEmpty()) {
      out.execute("ALTER SEQUENCE " + q(q.name()) + change);
    }
  }

  // ---- pre-flight: what a step would fail on, checked before the migration changes anything ----

  /**
   * The checks a step would fail on, on the data as it is before the migration (see
   * {@link Dialect#preflight}). The step's own statements fail the same way later; checked first,
   * nothing of the migration has run yet, so nothing needs undoing (where DDL commits by itself, or
   * a split migration's parts have committed, undoing could not give dropped values back).
   */
  // ---- enum types: PostgreSQL's (CREATE TYPE … AS ENUM); a dialect without them refuses ----

  protected void createEnumType(io.jmigrate.migration.Operations.CreateEnumType op, Schema before, Sink out) throws SQLException {
    throw noEnumTypes(op.type().name());
  }

  protected void dropEnumType(io.jmigrate.migration.Operations.DropEnumType op, Schema before, Sink out) throws SQLException {
    throw noEnumTypes(op.type());
  }

  protected void addEnumValue(io.jmigrate.migration.Operations.AddEnumValue op, Schema before, Sink out) throws SQLException {
    throw noEnumTypes(op.type());
  }

  protected void renameEnumValue(io.jmigrate.migration.Operations.RenameEnumValue op, Schema before, Sink out) throws SQLException {
    throw noEnumTypes(op.type());
  }

  /** Enum types are PostgreSQL's; the processor refuses them at compile time for other target dialects. */
  protected final UnsupportedOperationException noEnumTypes(String type) {
    return new UnsupportedOperationException("enum type " + type + ": " + name() + " has no named enum types (PostgreSQL only);"
        + " a model for " + name() + " stores the enum as text (@Enumerated(STRING) without NAMED_ENUM, or a String column)");
  }

  @Override
  public void preflight(Operation op, Schema before, Sink out) throws SQLException {
    // Only the operations below can fail on the data; the others have nothing to check first.
    if (op instanceof AddIndex a && a.index().unique()) {
      duplicates(a.table(), a.index().columns(), false, "the unique index " + a.index().name(), out);
    } else if (op instanceof SetPrimaryKey k && !k.columns().isEmpty()) {
      for (String column : k.columns()) {
        nulls(k.table(), column, "it becomes part of the primary key", out);
      }
      duplicates(k.table(), k.columns(), true, "the primary key", out);
    } else if (op instanceof AddForeignKey f) {
      orphans(f.table(), f.foreignKey(), out);
    } else if (op instanceof AddCheck c) {
      violations(c.table(), c.check(), out);
    } else if (op instanceof AlterColumn a) {
      ColumnDefinition old = before.table(a.table()).column(a.column().name()).orElseThrow();
      ColumnDefinition c = a.column();
      if (old.nullable() && !c.nullable() && c.defaultValue() == null && !c.hasDefaultSql() && !c.generated()) {
        nulls(a.table(), c.name(), "it becomes NOT NULL and has no default to give them", out);
      }
      checkFits(a, before, out);
    } else if (op instanceof AddColumn a && !a.column().nullable() && !a.column().hasDefault()
        && !a.column().generated()) {
      out.check("SELECT n FROM (SELECT count(*) AS n FROM " + q(a.table()) + ") AS misfits WHERE n > 0",
          "table " + a.table() + " has {1} row(s), and the new column " + a.column().name() + " is NOT NULL without"
              + " a default to give them; nothing was changed. Give the column a default, or add it nullable and"
              + " fill it in a step before making it NOT NULL");
    }
  }

  /** Fails when {@code columns} of {@code table} hold a value (a combination, NULLs left out unless {@code key}) more than once. */
  private void duplicates(String table, List<String> columns, boolean key, String what, Sink out) throws SQLException {
    String notNull = key ? "" : " WHERE " + columns.stream().map(c -> q(c) + " IS NOT NULL")
        .collect(Collectors.joining(" AND "));
    out.check("SELECT n FROM (SELECT count(*) AS n FROM (SELECT " + list(columns) + " FROM " + q(table) + notNull
        + " GROUP BY " + list(columns) + " HAVING count(*) > 1) AS repeated) AS misfits WHERE n > 0",
        "{1} value(s) of " + table + " (" + String.join(", ", columns) + ") occur in more than one row, so " + what
            + " cannot be made; nothing was changed. Make them unique (or delete the extra rows) in a step before"
            + " this change (an sql(...) step in the migration), then migrate again");
  }

  private void nulls(String table, String column, String why, Sink out) throws SQLException {
    out.check("SELECT n FROM (SELECT count(*) AS n FROM " + q(table) + " WHERE " + q(column) + " IS NULL) AS misfits"
        + " WHERE n > 0",
        "{1} row(s) of table " + table + " have NULL in column " + column + ", and " + why + "; nothing was"
            + " changed. Give them a value (or delete those rows) in a step before this change, then migrate again");
  }

  /** Fails when a row of the foreign key's table has values (none NULL) that no row of the referenced table has. */
  private void orphans(String table, ForeignKeyDefinition f, Sink out) throws SQLException {
    List<String> match = new ArrayList<>();
    List<String> notNull = new ArrayList<>();
    for (int i = 0; i < f.columns().size(); i++) {
      notNull.add("child." + q(f.columns().get(i)) + " IS NOT NULL");
      match.add("parent." + q(f.refColumns().get(i)) + " = child." + q(f.columns().get(i)));
    }
    out.check("SELECT n FROM (SELECT count(*) AS n FROM " + q(table) + " child WHERE " + String.join(" AND ", notNull)
        + " AND NOT EXISTS (SELECT 1 FROM " + q(f.refTable()) + " parent WHERE " + String.join(" AND ", match) + "))"
        + " AS misfits WHERE n > 0",
        "{1} row(s) of table " + table + " have values of (" + String.join(", ", f.columns()) + ") that no row of "
            + f.refTable() + " (" + String.join(", ", f.refColumns()) + ") has, so the foreign key " + f.name()
            + " cannot be made; nothing was changed. Set them to NULL, to existing keys, or delete those rows in a"
            + " step before this change, then migrate again");
  }

  /**
   * Fails when rows of the table make the check's expression false (a row where it is NULL passes,
   * as SQL's CHECK lets it).
   */
  private void violations(String table, CheckDefinition c, Sink out) throws SQLException {
    out.check("SELECT n FROM (SELECT count(*) AS n FROM " + q(table) + " WHERE NOT (" + c.expression() + "))"
        + " AS misfits WHERE n > 0",
        "{1} row(s) of table " + table + " do not satisfy the check " + c.name() + " (" + c.expression()
            + "), so it cannot be added; nothing was changed. Change or delete those rows in a step before this"
            + " change (an sql(...) step in the migration), then migrate again");
  }

  // ---- narrowing: the rows that would not fit fail the migration before anything changes ----

  /**
   * Counts the rows whose value does not fit the altered column's new definition and fails the
   * migration, naming table, column and count, if there are any. Runs before the change, so the
   * data is untouched (and the transaction rolls back anyway).
   */
  protected void checkFits(AlterColumn op, Schema before, Sink out) throws SQLException {
    ColumnDefinition old = before.table(op.table()).column(op.column().name()).orElseThrow();
    String condition = doesNotFit(q(old.name()), old, op.column());
    if (condition == null) {
      return;
    }
    out.check("SELECT n FROM (SELECT count(*) AS n FROM " + q(op.table()) + " WHERE " + condition + ") AS misfits"
        + " WHERE n > 0",
        "{1} row(s) of table " + op.table() + " do not fit the new definition of column " + old.name() + " ("
            + type(old) + " to " + type(op.column()) + "); nothing was changed. Shorten, round or delete those"
            + " values in a step before this change (an sql(...) step in the migration), or keep the old definition");
  }

  private static final Map<ColumnType, long[]> INTEGER_RANGES = Map.of(
      ColumnType.SMALLINT, new long[] {Short.MIN_VALUE, Short.MAX_VALUE},
      ColumnType.INTEGER, new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE},
      ColumnType.BIGINT, new long[] {Long.MIN_VALUE, Long.MAX_VALUE});

  /**
   * An SQL condition true for a value of {@code col} that the new definition cannot hold exactly,
   * or null when every value of the old definition fits: a shorter length, fewer integer or
   * fraction digits, a smaller integer range, a fraction into an integer.
   */
  protected String doesNotFit(String col, ColumnDefinition old, ColumnDefinition next) {
    ColumnType to = next.type();
    ColumnType from = old.type();
    if (to == ColumnType.STRING && next.length() > 0) {
      if (from == ColumnType.STRING) {
        return old.length() > 0 && old.length() <= next.length() ? null : "length(" + col + ") > " + next.length();
      }
      return "length(CAST(" + col + " AS TEXT)) > " + next.length();
    }
    if (to == ColumnType.CHAR) {
      // PostgreSQL's cast into a shorter CHAR cuts the text without an error; its padding does not count.
      int n = Math.max(next.length(), 1);
      if (from == ColumnType.CHAR && Math.max(old.length(), 1) <= n) {
        return null;
      }
      return "length(rtrim(CAST(" + col + " AS TEXT))) > " + n;
    }
    String number = "CAST(" + col + " AS NUMERIC)";
    if (to == ColumnType.DECIMAL && next.precision() > 0) {
      int digits = next.precision() - next.scale();
      boolean fits = from == ColumnType.DECIMAL && old.precision() > 0
          ? old.precision() - old.scale() <= digits && old.scale() <= next.scale()
          : from.isInteger() && integerDigits(from) <= digits;
      if (fits || !numeric(from)) {
        return null;
      }
      String tooLarge = "abs(" + number + ") >= 1" + "0".repeat(digits);
      return from.isInteger() ? tooLarge : "(" + tooLarge + " OR round(" + number + ", " + next.scale() + ") <> " + number + ")";
    }
    if (to.isInteger()) {
      long[] range = INTEGER_RANGES.get(to);
      if (from.isInteger()) {
        long[] was = INTEGER_RANGES.get(from);
        return was[0] >= range[0] && was[1] <= range[1] ? null
            : "(" + col + " < " + range[0] + " OR " + col + " > " + range[1] + ")";
      }
      if (numeric(from)) {
        return "(" + number + " < " + range[0] + " OR " + number + " > " + range[1]
            + " OR round(" + number + ") <> " + number + ")";
      }
    }
    if ((to == ColumnType.DOUBLE || to == ColumnType.REAL) && from.isInteger()) {
      return notExactInFloat(col, from, significandBits(to));
    }
    if ((to == ColumnType.DOUBLE || to == ColumnType.REAL) && from == ColumnType.DECIMAL) {
      // A decimal of more significant digits than the float keeps (9007199254740993, 0.1 into a REAL) reads back
      // as another number; a float's own value (a decimal made from a double) comes back equal.
      return floatAsDecimal("CAST(" + col + " AS " + type(next) + ")", old) + " <> " + col;
    }
    if (to == ColumnType.REAL && from == ColumnType.DOUBLE && significandBits(to) < significandBits(from)) {
      // A double that the smaller float rounds (0.1) reads back as another number.
      return "CAST(CAST(" + col + " AS " + type(next) + ") AS " + type(old) + ") <> " + col;
    }
    return null;
  }

  /**
   * {@code floatValue} (a DOUBLE or REAL expression) as the decimal column {@code decimal}'s type, every
   * digit the float holds kept, so that the narrowing check compares the value the float really holds.
   */
  protected String floatAsDecimal(String floatValue, ColumnDefinition decimal) {
    return "CAST(" + floatValue + " AS " + type(decimal) + ")";
  }

  /**
   * The significand bits of this dialect's floating-point type for {@code type} (DOUBLE or REAL): 53
   * for an 8-byte float, 24 for a 4-byte one. An integer of more bits is rounded when converted.
   */
  protected int significandBits(ColumnType type) {
    return type == ColumnType.REAL ? 24 : 53;
  }

  /**
   * True for an integer of type {@code from} that a float of {@code bits} significand bits cannot hold
   * exactly (BIGINT 9007199254740993 into DOUBLE, INTEGER 16777217 into REAL): between 2^e and 2^(e+1),
   * for e ≥ bits, only the multiples of 2^(e - bits + 1) are exact. Integer arithmetic only, so
   * nothing overflows and every database computes it alike; null when every value is exact.
   */
  private static String notExactInFloat(String col, ColumnType from, int bits) {
    int top = from == ColumnType.SMALLINT ? 14 : from == ColumnType.INTEGER ? 30 : 62; // the highest e with values
    List<String> ranges = new ArrayList<>();
    for (int e = bits; e <= top; e++) {
      long low = 1L << e;
      String range = e == top ? "(" + col + " >= " + low + " OR " + col + " <= -" + low + ")"
          : "(" + col + " >= " + low + " AND " + col + " < " + (low << 1) + " OR " + col + " <= -" + low + " AND "
              + col + " > -" + (low << 1) + ")";
      ranges.add("(" + range + " AND " + col + " % " + (1L << (e - bits + 1)) + " <> 0)");
    }
    return ranges.isEmpty() ? null : "(" + String.join(" OR ", ranges) + ")";
  }

  /**
   * Whether values of this type are numbers, or text that may hold them (text that is not a number
   * fails the check's CAST where the database enforces types, which fails the migration unchanged).
   */
  private static boolean numeric(ColumnType t) {
    return t.isInteger() || t == ColumnType.DECIMAL || t == ColumnType.DOUBLE || t == ColumnType.REAL
        || t == ColumnType.STRING;
  }

  /** The decimal digits every value of an integer type fits in. */
  private static int integerDigits(ColumnType t) {
    return t == ColumnType.SMALLINT ? 5 : t == ColumnType.INTEGER ? 10 : 19;
  }

  @Override
  public String quote(String identifier) {
    return q(identifier);
  }

  /** Type names as the drivers report them, to the column types they come from. */
  private static final Map<String, ColumnType> LIVE_TYPES = Map.ofEntries(
      Map.entry("INTEGER", ColumnType.INTEGER), Map.entry("INT4", ColumnType.INTEGER), Map.entry("SERIAL", ColumnType.INTEGER),
      Map.entry("BIGINT", ColumnType.BIGINT), Map.entry("INT8", ColumnType.BIGINT), Map.entry("BIGSERIAL", ColumnType.BIGINT),
      Map.entry("SMALLINT", ColumnType.SMALLINT), Map.entry("INT2", ColumnType.SMALLINT),
      Map.entry("BOOLEAN", ColumnType.BOOLEAN), Map.entry("BOOL", ColumnType.BOOLEAN),
      Map.entry("DOUBLE", ColumnType.DOUBLE), Map.entry("FLOAT8", ColumnType.DOUBLE),
      Map.entry("REAL", ColumnType.REAL), Map.entry("FLOAT4", ColumnType.REAL),
      Map.entry("DECIMAL", ColumnType.DECIMAL), Map.entry("NUMERIC", ColumnType.DECIMAL),
      Map.entry("VARCHAR", ColumnType.STRING), Map.entry("TEXT", ColumnType.STRING),
      Map.entry("DATE", ColumnType.DATE), Map.entry("TIME", ColumnType.TIME),
      Map.entry("TIMESTAMP", ColumnType.TIMESTAMP), Map.entry("TIMESTAMPTZ", ColumnType.TIMESTAMP_TZ),
      Map.entry("UUID", ColumnType.UUID), Map.entry("BLOB", ColumnType.BINARY), Map.entry("BYTEA", ColumnType.BINARY),
      Map.entry("OID", ColumnType.BLOB), Map.entry("CHAR", ColumnType.CHAR), Map.entry("BPCHAR", ColumnType.CHAR),
      Map.entry("CHARACTER", ColumnType.CHAR), Map.entry("JSON", ColumnType.JSON), Map.entry("JSONB", ColumnType.JSON),
      // PostgreSQL's array types are the element type's name after an underscore
      Map.entry("_VARCHAR", ColumnType.STRING_ARRAY), Map.entry("_TEXT", ColumnType.STRING_ARRAY),
      Map.entry("_INT4", ColumnType.INTEGER_ARRAY), Map.entry("_INT8", ColumnType.BIGINT_ARRAY));

  @Override
  public ColumnType liveType(String typeName) {
    return typeName == null ? null : LIVE_TYPES.get(typeName.toUpperCase(java.util.Locale.ROOT));
  }

  @Override
  public String columnTypeSql(TableDefinition table, ColumnDefinition column) {
    return type(column);
  }

  /** The SQL type of a column, e.g. {@code VARCHAR(200)}. */
  protected String type(ColumnDefinition c) {
    switch (c.type()) {
      case INTEGER:
        return "INTEGER";
      case BIGINT:
        return "BIGINT";
      case SMALLINT:
        return "SMALLINT";
      case BOOLEAN:
        return "BOOLEAN";
      case DOUBLE:
        return doubleType;
      case REAL:
        return "REAL";
      case DECIMAL:
        return c.precision() > 0 ? decimalType + "(" + c.precision() + "," + c.scale() + ")" : "NUMERIC";
      case STRING:
        return c.length() > 0 ? "VARCHAR(" + c.length() + ")" : "TEXT";
      case DATE:
        return "DATE";
      case TIME:
        return "TIME";
      case TIMESTAMP:
        return "TIMESTAMP";
      case TIMESTAMP_TZ:
        return "TIMESTAMPTZ";
      case UUID:
        return "UUID";
      case BINARY:
        return binaryType;
      case CLOB:
      case LONG_TEXT:
        return "CLOB";
      case BLOB:
        return "BLOB";
      case CHAR:
        return "CHAR(" + Math.max(c.length(), 1) + ")";
      case JSON:
        return "JSON";
      case STRING_ARRAY:
      case INTEGER_ARRAY:
      case BIGINT_ARRAY:
        return type(c.type(c.type().element())) + " ARRAY"; // the SQL standard's form, which PostgreSQL and H2 read
      case ENUM:
        throw noEnumTypes(c.enumType());
      case NATIVE:
        return nativeType(c);
      default:
        throw new IllegalArgumentException(c.type().name());
    }
  }

  /** The SQL type of a {@link ColumnType#NATIVE} column: as the model writes it, verbatim. */
  protected static String nativeType(ColumnDefinition c) {
    if (c.sqlType() == null) {
      throw new IllegalArgumentException("column " + c.name() + " is NATIVE but names no SQL type (.sqlType(\"…\"))");
    }
    return c.sqlType();
  }

  /** A literal default in this dialect's syntax: numbers as written, booleans spelled, the rest quoted. */
  protected String literal(ColumnDefinition c, String value) {
    switch (c.type()) {
      case BOOLEAN:
        return Boolean.parseBoolean(value) ? trueLiteral : falseLiteral;
      case INTEGER:
      case BIGINT:
      case SMALLINT:
      case DOUBLE:
      case REAL:
      case DECIMAL:
        return value;
      default:
        return quoteString(value);
    }
  }

  /** The column's definition inside CREATE TABLE or ADD COLUMN. */
  protected abstract String columnDefinition(TableDefinition table, ColumnDefinition c);

  /**
   * The {@code COLLATE} clause after a column's type, with a space before it; empty for a column without a
   * collation of its own ({@link ColumnDefinition#collation()}). The name as written (MariaDB, SQLite); PostgreSQL
   * quotes it, as its collation names are case-sensitive identifiers ({@code "C"}, {@code "en-x-icu"}).
   */
  protected String collateClause(ColumnDefinition c) {
    return c.collation() == null ? "" : " COLLATE " + c.collation();
  }

  /** The primary key's constraint name. */
  protected static String primaryKeyName(String table) {
    return Names.constraintName("pk", table, List.of());
  }

  protected List<String> createTable(TableDefinition t) {
    List<String> out = new ArrayList<>();
    out.add(createTableStatement(q(t.name()), t));
    for (IndexDefinition i : t.indexes()) {
      out.add(createIndex(t.name(), i));
    }
    for (ColumnDefinition c : t.columns()) {
      String comment = c.comment() == null ? null : commentOn(t.name(), c);
      if (comment != null) {
        out.add(comment);
      }
    }
    String tableComment = t.comment() == null ? null : tableCommentOn(t.name(), t.comment());
    if (tableComment != null) {
      out.add(tableComment);
    }
    return out;
  }

  /**
   * The statement that gives a column its comment, or removes it when it has none: the standard
   * {@code COMMENT ON COLUMN}. Null where a column has no comment of its own (SQLite) or where the comment
   * is part of the column's definition (MariaDB's {@code COMMENT '…'}, restated by {@code MODIFY}).
   */
  protected String commentOn(String table, ColumnDefinition c) {
    return "COMMENT ON COLUMN " + q(table) + "." + q(c.name()) + " IS "
        + (c.comment() == null ? "NULL" : quoteString(c.comment()));
  }

  protected String createTableStatement(String quotedName, TableDefinition t) {
    // One builder sized for a typical table, not a list joined (the runtime's concatenation starts small and grows).
    StringBuilder s = new StringBuilder(64 + 48 * t.columns().size()).append("CREATE TABLE ").append(quotedName)
        .append(" (\n  ");
    String separator = "";
    for (ColumnDefinition c : t.columns()) {
      s.append(separator).append(columnDefinition(t, c));
      separator = ",\n  ";
    }
    if (!t.primaryKey().isEmpty() && !inlinePrimaryKey(t)) {
      s.append(separator).append(primaryKeyClause(t));
      separator = ",\n  ";
    }
    for (ForeignKeyDefinition f : t.foreignKeys()) {
      s.append(separator).append(foreignKeyClause(f));
      separator = ",\n  ";
    }
    for (CheckDefinition c : t.checks()) {
      s.append(separator).append(checkClause(c));
      separator = ",\n  ";
    }
    return s.append("\n)").toString();
  }

  /** The table's primary key inside CREATE TABLE: {@code CONSTRAINT "pk_t" PRIMARY KEY (…)}. */
  protected String primaryKeyClause(TableDefinition t) {
    String name = q(t.primaryKeyConstraint());
    String columns = list(t.primaryKey());
    return new StringBuilder(name.length() + columns.length() + 26).append("CONSTRAINT ").append(name)
        .append(" PRIMARY KEY (").append(columns).append(')').toString();
  }

  /** Whether the key is written on the column itself (SQLite's rowid alias). */
  protected boolean inlinePrimaryKey(TableDefinition t) {
    return false;
  }

  protected String foreignKeyClause(ForeignKeyDefinition f) {
    StringBuilder s = new StringBuilder("CONSTRAINT ").append(q(f.name()))
        .append(" FOREIGN KEY (").append(list(f.columns())).append(") REFERENCES ")
        .append(q(f.refTable())).append(" (").append(list(f.refColumns())).append(')');
    if (f.onDelete() != ReferentialAction.NO_ACTION) {
      s.append(" ON DELETE ").append(f.onDelete().sql());
    }
    if (f.onUpdate() != ReferentialAction.NO_ACTION) {
      s.append(" ON UPDATE ").append(f.onUpdate().sql());
    }
    return s.toString();
  }

  protected String createIndex(String table, IndexDefinition i) {
    return "CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX " + q(i.name()) + " ON " + q(table)
        + " (" + list(i.columns()) + ")";
  }

  protected String defaultClause(ColumnDefinition c) {
    if (c.defaultValue() != null) {
      return " DEFAULT " + literal(c, c.defaultValue());
    }
    if (c.hasDefaultSql()) {
      return " DEFAULT (" + defaultSql(c) + ")";
    }
    return "";
  }

  /**
   * The column's SQL default on this dialect: its variant for {@link #name()}, else the common
   * expression. A column with variants for other dialects only has none here, which the
   * processor reports at compile time for the dialects a project names ({@code jmigrate.dialects}).
   */
  /**
   * Before a column becomes NOT NULL: gives its NULLs the new default (a literal or this dialect's
   * expression), so that the constraint can hold; without a default the processor refuses the change.
   */
  protected final void fillNullsWithDefault(String table, ColumnDefinition c, Sink out) throws SQLException {
    String fill = c.defaultValue() != null ? literal(c, c.defaultValue()) : defaultSql(c);
    if (fill != null) {
      out.execute("UPDATE " + q(table) + " SET " + q(c.name()) + " = " + fill + " WHERE " + q(c.name()) + " IS NULL");
    }
  }

  protected final String defaultSql(ColumnDefinition c) {
    String sql = c.defaultSqlFor(name());
    if (sql == null && c.hasDefaultSql()) {
      throw new IllegalStateException("column " + c.name() + " has a defaultSql for "
          + String.join(", ", c.defaultSqlByDialect().keySet()) + " but not for " + name()
          + ", the dialect of this database; add @DefaultSql(dialect = \"" + name() + "\", value = \"…\") or a defaultSql for every dialect");
    }
    return sql;
  }

  /**
   * Quotes an identifier, so that keywords such as {@code user} and {@code order} work as names
   * (standard double quotes; a dialect of a database that quotes otherwise overrides it).
   */
  protected String q(String identifier) {
    return '"' + (identifier.indexOf('"') < 0 ? identifier : identifier.replace("\"", "\"\"")) + '"';
  }

  protected String list(List<String> columns) {
    if (columns.size() == 1) {
      return q(columns.get(0));
    }
    StringBuilder s = new StringBuilder(columns.size() * 16);
    for (String c : columns) {
      if (s.length() > 0) {
        s.append(", ");
      }
      s.append(q(c));
    }
    return s.toString();
  }

  protected static String quoteString(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
