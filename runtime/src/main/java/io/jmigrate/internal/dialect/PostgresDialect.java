package io.jmigrate.internal.dialect;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.dialect.LockWait;
import io.jmigrate.dialect.Sink;
import io.jmigrate.dialect.SqlDialect;

import io.jmigrate.migration.Operations.AddColumn;
import io.jmigrate.migration.Operation;
import io.jmigrate.migration.OperationVisitor;
import io.jmigrate.migration.Operations;
import io.jmigrate.migration.Operations.AddForeignKey;
import io.jmigrate.migration.Operations.AddIndex;
import io.jmigrate.migration.Operations.AlterColumn;
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
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.schema.ForeignKeyDefinition;
import io.jmigrate.schema.IndexDefinition;
import io.jmigrate.schema.Names;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.TableDefinition;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL: every change is a native ALTER, and DDL is transactional, so a failed migration
 * leaves nothing behind. A run holds a session-level advisory lock, which PostgreSQL releases
 * by itself when the session ends.
 */
public class PostgresDialect extends SqlDialect {
  /** The advisory lock key: "jmig" in ASCII. */
  static final long LOCK_KEY = 0x6A6D6967L;

  /** float8 -> numeric rounds to 15 digits; through text (the shortest exact form) the float's value is kept. */
  @Override
  protected String floatAsDecimal(String floatValue, ColumnDefinition decimal) {
    return "CAST(CAST(" + floatValue + " AS TEXT) AS " + type(decimal) + ")";
  }

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public io.jmigrate.dialect.LiveCatalog liveCatalog() {
    return new PostgresCatalog(this);
  }

  @Override
  public io.jmigrate.dialect.Costs costs() {
    return new PostgresCosts(name());
  }

  @Override
  public boolean accepts(String productNameOrUrl) {
    String n = databaseKind(productNameOrUrl);
    return n.contains("postgres") || n.equals("pg");
  }

  public PostgresDialect() {
    super("DOUBLE PRECISION", "NUMERIC", "BYTEA", "TRUE", "FALSE");
  }

  /** Dropping a key, changing a primary key and renaming a table name the constraints (pk_t, fk_…). */
  @Override
  public boolean keepsColumnComments() {
    return true;
  }

  @Override
  public boolean keepsTableComments() {
    return true;
  }

  @Override
  public boolean addressesKeysByName() {
    return true;
  }

  @Override
  public String primaryKeyConstraint(String table) {
    return primaryKeyName(table);
  }

  /**
   * PostgreSQL has no CLOB or BLOB: the JDBC driver's {@code Clob} and {@code Blob} (and Hibernate's
   * {@code @Lob}) store a large object and keep its {@code oid} in the column. Text and bytes of any
   * size without JDBC's LOB API are jmigrate's STRING ({@code text}) and BINARY ({@code bytea}).
   */
  /**
   * A text literal with a backslash is written {@code E'…'}, backslashes doubled: it reads the same
   * whether or not the session has {@code standard_conforming_strings} (without it, a plain
   * literal's backslash is an escape, and {@code 'C:\'} would not end).
   */
  @Override
  protected String literal(ColumnDefinition c, String value) {
    String quoted = super.literal(c, value);
    return quoted.startsWith("'") && value.indexOf('\\') >= 0 ? "E" + quoted.replace("\\", "\\\\") : quoted;
  }

  @Override
  protected String type(ColumnDefinition c) {
    if (c.type() == ColumnType.ENUM) {
      return q(c.enumType());
    }
    if (c.type() == ColumnType.JSON) {
      return "JSONB"; // the binary form Hibernate makes for SqlTypes.JSON: indexable, compared by value
    }
    if (c.type() == ColumnType.LONG_TEXT) {
      return "TEXT"; // Hibernate's type for LONG32VARCHAR here: text, not a large object
    }
    return c.type() == ColumnType.CLOB || c.type() == ColumnType.BLOB ? "OID" : super.type(c);
  }

  // ---- enum types ----

  /** PostgreSQL has named enum types; no limit the build checks. */
  @Override
  public io.jmigrate.dialect.BuildRules buildRules() {
    return new io.jmigrate.dialect.BuildRules() {
      @Override
      public boolean hasVirtualGeneratedColumns() {
        return false;
      }

      @Override
      public String databases() {
        return "PostgreSQL";
      }

      @Override
      public boolean hasEnumTypes() {
        return true;
      }
    };
  }

  @Override
  protected void createEnumType(Operations.CreateEnumType op, Schema before, Sink out) throws SQLException {
    out.execute("CREATE TYPE " + q(op.type().name()) + " AS ENUM ("
        + op.type().labels().stream().map(SqlDialect::quoteString).collect(java.util.stream.Collectors.joining(", ")) + ")");
  }

  @Override
  protected void dropEnumType(Operations.DropEnumType op, Schema before, Sink out) throws SQLException {
    out.execute("DROP TYPE " + q(op.type()));
  }

  /**
   * IF NOT EXISTS: where the type existed before the migration this runs outside its transaction
   * ({@link #online}), committing by itself so that later steps may use the value (PostgreSQL 12+
   * runs it in a transaction, but the value cannot be used before a commit; 11 refuses it there),
   * and so a migration resumed after a later failure finds it added.
   */
  @Override
  protected void addEnumValue(Operations.AddEnumValue op, Schema before, Sink out) throws SQLException {
    out.execute("ALTER TYPE " + q(op.type()) + " ADD VALUE IF NOT EXISTS " + quoteString(op.label())
        + (op.before() != null ? " BEFORE " + quoteString(op.before()) : "")
        + (op.after() != null ? " AFTER " + quoteString(op.after()) : ""));
  }

  @Override
  protected void renameEnumValue(Operations.RenameEnumValue op, Schema before, Sink out) throws SQLException {
    out.execute("ALTER TYPE " + q(op.type()) + " RENAME VALUE " + quoteString(op.from()) + " TO " + quoteString(op.to()));
  }

  /** Both large objects are an {@code oid}, which reads back as a BLOB; long text is text. */
  /**
   * jmigrate's JSON is {@code jsonb} here: a {@code json} column (text kept as written, keys in their order and
   * repeated) is another type, which inspect keeps as written ({@code @Column(sqlType = "json")}).
   */
  @Override
  public ColumnType liveType(String typeName) {
    return "json".equalsIgnoreCase(typeName) ? null : super.liveType(typeName);
  }

  @Override
  public ColumnType liveTypeOf(ColumnType type) {
    return type == ColumnType.CLOB ? ColumnType.BLOB : type == ColumnType.LONG_TEXT ? ColumnType.STRING : type;
  }

  @Override
  protected String columnDefinition(TableDefinition table, ColumnDefinition c) {
    if (c.computed()) { // stored only: PostgreSQL has no virtual generated column
      return q(c.name()) + " " + type(c) + collateClause(c) + " GENERATED ALWAYS AS (" + c.generatedAs() + ") STORED"
          + (c.nullable() ? "" : " NOT NULL");
    }
    String identity = c.generated() ? " GENERATED BY DEFAULT AS IDENTITY" : "";
    return q(c.name()) + " " + type(c) + collateClause(c) + identity + (c.nullable() ? "" : " NOT NULL") + defaultClause(c);
  }

  /** {@code COLLATE "C"}: PostgreSQL's collation names are identifiers, quoted to keep their case (as Hibernate writes them). */
  @Override
  protected String collateClause(ColumnDefinition c) {
    return c.collation() == null ? "" : " COLLATE " + q(c.collation());
  }

  @Override
  public boolean keepsColumnCollations() {
    return true;
  }

  /**
   * A foreign key of the table to its own unique (not primary) key is added after the table's
   * indexes: PostgreSQL checks at CREATE TABLE that the referenced columns are unique, and the
   * unique index comes after the table.
   */
  @Override
  protected List<String> createTable(TableDefinition t) {
    List<ForeignKeyDefinition> later = new ArrayList<>();
    TableDefinition first = t;
    for (ForeignKeyDefinition f : t.foreignKeys()) {
      if (f.refTable().equals(t.name()) && !f.refColumns().equals(t.primaryKey())) {
        later.add(f);
        first = first.withoutForeignKey(f.name());
      }
    }
    if (later.isEmpty()) {
      return super.createTable(t);
    }
    List<String> out = new ArrayList<>(super.createTable(first));
    for (ForeignKeyDefinition f : later) {
      out.add("ALTER TABLE " + q(t.name()) + " ADD " + foreignKeyClause(f));
    }
    return out;
  }

  @Override
  protected void alterColumn(AlterColumn op, Schema before, Sink out) throws SQLException {
    ColumnDefinition old = before.table(op.table()).column(op.column().name()).orElseThrow();
    ColumnDefinition c = op.column();
    String alter = "ALTER TABLE " + q(op.table()) + " ALTER COLUMN " + q(c.name());
    boolean typeChanged = !type(old).equals(type(c));
    boolean defaultChanged = !defaultClause(old).equals(defaultClause(c));
    if (old.generated() && !c.generated()) {
      out.execute(alter + " DROP IDENTITY IF EXISTS");
      // A baselined hand-written serial generates through DEFAULT nextval(…), not an identity.
      out.execute(alter + " DROP DEFAULT");
    }
    if (old.hasDefault() && (defaultChanged || typeChanged)) {
      out.execute(alter + " DROP DEFAULT");
    }
    if (typeChanged) {
      // float8 -> numeric rounds to 15 digits; through text (shortest exact form) it keeps the value.
      boolean floatToDecimal = (old.type() == ColumnType.DOUBLE || old.type() == ColumnType.REAL)
          && c.type() == ColumnType.DECIMAL;
      // The new type comes with the column's collation restated: without COLLATE it gets the type's default.
      out.execute(alter + " TYPE " + type(c) + collateClause(c) + " USING " + q(c.name()) + (floatToDecimal ? "::TEXT" : "")
          + "::" + type(c));
    } else if (!java.util.Objects.equals(old.collation(), c.collation())) {
      out.execute(alter + " TYPE " + type(c) + collateClause(c)); // the same type; no collation: the type's default
    }
    if (c.hasDefault() && (defaultChanged || typeChanged)) {
      out.execute(alter + " SET" + defaultClause(c));
    }
    if (old.nullable() && !c.nullable()) {
      if (out.outsideTransaction()) {
        fillNullsInBatches(op.table(), c, out);
        setNotNullOnline(op.table(), c.name(), out);
      } else {
        fillNullsWithDefault(op.table(), c, out);
        out.execute(alter + " SET NOT NULL");
      }
    } else if (!old.nullable() && c.nullable()) {
      out.execute(alter + " DROP NOT NULL");
    }
    if (!old.generated() && c.generated()) {
      out.execute(alter + " ADD GENERATED BY DEFAULT AS IDENTITY");
    }
    if (!java.util.Objects.equals(old.comment(), c.comment())) {
      out.execute(commentOn(op.table(), c));
    }
  }

  @Override
  protected void addForeignKey(AddForeignKey op, Schema before, Sink out) throws SQLException {
    if (!out.outsideTransaction()) {
      out.execute("ALTER TABLE " + q(op.table()) + " ADD " + foreignKeyClause(op.foreignKey()));
      return;
    }
    // NOT VALID holds its lock for a moment; VALIDATE then scans under a lock that lets writes through.
    String name = op.foreignKey().name();
    if (!constraintExists(op.table(), name, out)) {
      out.execute("ALTER TABLE " + q(op.table()) + " ADD " + foreignKeyClause(op.foreignKey()) + " NOT VALID");
    }
    out.executeWaiting("ALTER TABLE " + q(op.table()) + " VALIDATE CONSTRAINT " + q(name));
  }

  // ---- online forms: outside the migration's transaction, each statement committing by itself ----

  /**
   * An index is built {@code CONCURRENTLY} (writes go on during the build), a foreign key added
   * {@code NOT VALID} and then validated, a column made NOT NULL through a validated check; each
   * only where it is a step of its own (a type or identity change in the same step rewrites the
   * table anyway).
   */
  @Override
  public boolean online(Operation op, Schema before, Schema atStart) {
    return op.accept(new OnlineForms(before, atStart)) != null;
  }

  @Override
  public void abandon(Operation op, Schema before, Sink out) throws SQLException {
    Cleanup cleanup = op.accept(new OnlineForms(before, before));
    if (cleanup != null) {
      cleanup.write(out);
    }
  }

  /** What removes the leftovers of an online form that failed part way. */
  @FunctionalInterface
  private interface Cleanup {
    void write(Sink out) throws SQLException;
  }

  /** For each operation: null when it has no online form, else how to clean up after its online form. */
  private final class OnlineForms implements OperationVisitor<Cleanup> {
    private final Schema before;
    private final Schema atStart; // a table made in the same migration is new and unused: no online form

    OnlineForms(Schema before, Schema atStart) {
      this.before = before;
      this.atStart = atStart;
    }

    @Override
    public Cleanup addIndex(AddIndex op) {
      return atStart.find(op.table()).isEmpty() ? null : out -> out.executeWaiting("DROP INDEX CONCURRENTLY IF EXISTS " + q(op.index().name()));
    }

    @Override
    public Cleanup addForeignKey(AddForeignKey op) {
      return atStart.find(op.table()).isEmpty() ? null : out -> out.execute("ALTER TABLE " + q(op.table()) + " DROP CONSTRAINT IF EXISTS " + q(op.foreignKey().name()));
    }

    @Override
    public Cleanup alterColumn(AlterColumn op) {
      ColumnDefinition old = before.table(op.table()).column(op.column().name()).orElseThrow();
      ColumnDefinition c = op.column();
      boolean onlyNotNull = old.nullable() && !c.nullable() && type(old).equals(type(c))
          && old.generated() == c.generated() && doesNotFit(q(old.name()), old, c) == null;
      if (!onlyNotNull || atStart.find(op.table()).isEmpty()) {
        return null;
      }
      String t = "ALTER TABLE " + q(op.table());
      return out -> {
        out.execute(t + " DROP CONSTRAINT IF EXISTS " + q(notNullCheckName(op.table(), old.name())));
        out.execute(t + " ALTER COLUMN " + q(old.name()) + " DROP NOT NULL");
        out.execute(t + " ALTER COLUMN " + q(old.name()) + (old.hasDefault() ? " SET" + defaultClause(old) : " DROP DEFAULT"));
      };
    }

    @Override
    public Cleanup createTable(CreateTable op) {
      return null;
    }

    @Override
    public Cleanup dropTable(DropTable op) {
      return null;
    }

    @Override
    public Cleanup renameTable(RenameTable op) {
      return null;
    }

    @Override
    public Cleanup addColumn(AddColumn op) {
      return null;
    }

    @Override
    public Cleanup dropColumn(DropColumn op) {
      return null;
    }

    @Override
    public Cleanup renameColumn(RenameColumn op) {
      return null;
    }

    @Override
    public Cleanup setPrimaryKey(SetPrimaryKey op) {
      return null;
    }

    @Override
    public Cleanup dropIndex(DropIndex op) {
      return null;
    }

    @Override
    public Cleanup renameIndex(RenameIndex op) {
      return null; // in place already: a moment's lock on the index, no build
    }

    @Override
    public Cleanup dropForeignKey(DropForeignKey op) {
      return null;
    }

    @Override
    public Cleanup runSql(RunSql op) {
      return null;
    }

    @Override
    public Cleanup runJava(RunJava op) {
      return null;
    }

    @Override
    public Cleanup custom(io.jmigrate.migration.CustomOperation op) {
      return null; // like hand-written SQL: no online form
    }

    @Override
    public Cleanup createSequence(io.jmigrate.migration.Operations.CreateSequence op) {
      return null;
    }

    @Override
    public Cleanup dropSequence(io.jmigrate.migration.Operations.DropSequence op) {
      return null;
    }

    @Override
    public Cleanup renameSequence(io.jmigrate.migration.Operations.RenameSequence op) {
      return null;
    }

    @Override
    public Cleanup alterSequence(io.jmigrate.migration.Operations.AlterSequence op) {
      return null; // catalog only
    }

    @Override
    public Cleanup addCheck(io.jmigrate.migration.Operations.AddCheck op) {
      return null; // ADD CONSTRAINT … CHECK scans the table under its lock, as every dialect does here
    }

    @Override
    public Cleanup dropCheck(io.jmigrate.migration.Operations.DropCheck op) {
      return null;
    }

    @Override
    public Cleanup createEnumType(Operations.CreateEnumType op) {
      return null;
    }

    @Override
    public Cleanup dropEnumType(Operations.DropEnumType op) {
      return null;
    }

    /**
     * A value added to a type that existed before the migration commits by itself, so that later
     * steps can use it (in the transaction that adds it, PostgreSQL refuses its use: "unsafe use of
     * new value"). Nothing to clean up: it is added whole or not at all, and is kept on a failure
     * (PostgreSQL drops no value), so a rerun finds it (IF NOT EXISTS). A type made in the same
     * migration needs no commit: PostgreSQL lets its new values be used at once.
     */
    @Override
    public Cleanup addEnumValue(Operations.AddEnumValue op) {
      return atStart.findEnumType(op.type()).isEmpty() ? null : out -> {};
    }

    @Override
    public Cleanup renameEnumValue(Operations.RenameEnumValue op) {
      return null;
    }

    @Override
    public Cleanup alterCollation(io.jmigrate.migration.Operations.AlterCollation op) {
      return null; // nothing runs here
    }

    @Override
    public Cleanup alterTableComment(io.jmigrate.migration.Operations.AlterTableComment op) {
      return null; // a catalog change, online as it is
    }
  }

  @Override
  protected void addIndex(AddIndex op, Schema before, Sink out) throws SQLException {
    if (!out.outsideTransaction()) {
      super.addIndex(op, before, out);
      return;
    }
    IndexDefinition i = op.index();
    // A concurrent build that failed or was killed leaves the index behind, invalid: drop it, build again.
    if (!out.read(INVALID_INDEX, i.name()).isEmpty()) {
      out.executeWaiting("DROP INDEX CONCURRENTLY IF EXISTS " + q(i.name()));
    }
    out.executeWaiting("CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX CONCURRENTLY IF NOT EXISTS " + q(i.name())
        + " ON " + q(op.table()) + " (" + list(i.columns()) + ")");
  }

  /** An invalid index of this name in the current schema (pg_index.indisvalid false). */
  private static final String INVALID_INDEX = "SELECT c.relname FROM pg_catalog.pg_index i"
      + " JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid"
      + " WHERE c.relname = ? AND NOT i.indisvalid AND c.relnamespace = pg_catalog.to_regnamespace(current_schema())";

  /** Table blocks per batch of an online fill: at most a few ten thousand rows locked at once, for tens of ms. */
  static final int FILL_BATCH_BLOCKS = 100;

  /**
   * Before an online NOT NULL: gives the column's NULLs the default in batches of
   * {@link #FILL_BATCH_BLOCKS} table blocks (a TID range scan, PostgreSQL 14+), each statement its own
   * transaction, so that a writer waits at most for one batch's row locks, never for the whole fill
   * (one UPDATE of 200,000 rows blocked writers for seconds). A last UPDATE catches rows in blocks
   * added meanwhile. Run again after a crash, it finds only the NULLs left. Before PostgreSQL 14 (no
   * TID range scan, each batch would scan the table) it is one UPDATE, as in a transaction.
   */
  private void fillNullsInBatches(String table, ColumnDefinition c, Sink out) throws SQLException {
    String fill = c.defaultValue() != null ? literal(c, c.defaultValue()) : defaultSql(c);
    if (fill == null) {
      return;
    }
    List<String> size = out.read("SELECT CASE WHEN current_setting('server_version_num')::int >= 140000 THEN"
        + " (pg_catalog.pg_relation_size(pg_catalog.to_regclass(?)) / current_setting('block_size')::int)::text END",
        q(table));
    long blocks = size.isEmpty() || size.get(0) == null ? 0 : Long.parseLong(size.get(0));
    String update = "UPDATE " + q(table) + " SET " + q(c.name()) + " = " + fill + " WHERE ";
    for (long b = 0; b < blocks; b += FILL_BATCH_BLOCKS) {
      out.execute(update + "ctid >= '(" + b + ",0)'::tid AND ctid < '(" + (b + FILL_BATCH_BLOCKS) + ",0)'::tid AND "
          + q(c.name()) + " IS NULL");
    }
    out.execute(update + q(c.name()) + " IS NULL");
  }

  /**
   * NOT NULL without holding the table's exclusive lock for a scan: a {@code CHECK (… IS NOT NULL)
   * NOT VALID} (a moment's lock), {@code VALIDATE} (scans while writes go on), then {@code SET NOT
   * NULL}, which PostgreSQL 12 and later prove from the validated check without scanning, and the
   * check dropped.
   */
  private void setNotNullOnline(String table, String column, Sink out) throws SQLException {
    String check = notNullCheckName(table, column);
    String t = "ALTER TABLE " + q(table);
    if (!constraintExists(table, check, out)) {
      out.execute(t + " ADD CONSTRAINT " + q(check) + " CHECK (" + q(column) + " IS NOT NULL) NOT VALID");
    }
    out.executeWaiting(t + " VALIDATE CONSTRAINT " + q(check));
    out.execute(t + " ALTER COLUMN " + q(column) + " SET NOT NULL");
    out.execute(t + " DROP CONSTRAINT IF EXISTS " + q(check));
  }

  private static String notNullCheckName(String table, String column) {
    return Names.constraintName("nn", table, List.of(column));
  }

  private boolean constraintExists(String table, String name, Sink out) throws SQLException {
    return !out.read("SELECT conname FROM pg_catalog.pg_constraint WHERE conname = ? AND conrelid = pg_catalog.to_regclass("
        + quoteString(q(table)) + ")", name).isEmpty();
  }

  /** The session's lock_timeout, restored on close (a SET in autocommit outlives no transaction). */
  @Override
  public Session limitLockWaits(Connection connection, Duration timeout) throws SQLException {
    String was;
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SHOW lock_timeout")) {
      rs.next();
      was = rs.getString(1);
    }
    try (Statement s = connection.createStatement()) {
      // 0 (no limit) is PostgreSQL's "wait as long as it takes"; below 1 ms would round to it too.
      s.execute("SET lock_timeout = " + (timeout.isZero() ? 0 : Math.max(1, timeout.toMillis())));
    }
    return () -> {
      try (Statement s = connection.createStatement()) {
        s.execute("SET lock_timeout = " + quoteString(was));
      }
    };
  }

  /** PostgreSQL's detail of an ALTER COLUMN … TYPE refused under a view (its first one) or a generated column. */
  private static final java.util.regex.Pattern VIEW_DEPENDS = java.util.regex.Pattern.compile(
      "rule \\S+ on (?:materialized )?view (\\S+) depends on column \"([^\"]+)\"");
  private static final java.util.regex.Pattern GENERATED_DEPENDS = java.util.regex.Pattern.compile(
      "(?i)column \"([^\"]+)\" is used by generated column \"([^\"]+)\"");

  /**
   * A type change PostgreSQL refuses because a view or a generated column reads the column (SQLSTATE 0A000,
   * {@code cannot alter type of a column used by a view or rule} / {@code … by a generated column}): the object
   * named, and how to make the change around it.
   */
  @Override
  public String wayForward(SQLException refused) {
    for (Throwable t = refused; t != null; t = t.getCause()) {
      if (!(t instanceof SQLException s)) {
        continue;
      }
      for (SQLException n = s; n != null; n = n.getNextException()) {
        String message = String.valueOf(n.getMessage());
        java.util.regex.Matcher view = VIEW_DEPENDS.matcher(message);
        if (message.contains("used by a view or rule") && view.find()) {
          return "PostgreSQL changes no type of a column a view reads: the view " + view.group(1) + " reads "
              + view.group(2) + " (PostgreSQL names the first such view; others may read it too, and views on them)."
              + " Write this change with the views around it, in one migration: sql(\"DROP VIEW " + view.group(1)
              + "\") before it and sql(\"CREATE VIEW " + view.group(1) + " AS …\") after it (pg_get_viewdef('"
              + view.group(1) + "') gives the definition); the views are the database's (" + io.jmigrate.catalog.Unmanaged.RESOURCE
              + "), so jmigrate does not recreate them itself";
        }
        java.util.regex.Matcher generated = GENERATED_DEPENDS.matcher(message);
        if (message.contains("used by a generated column") && generated.find()) {
          return "PostgreSQL changes no type of a column a generated column reads: the generated column "
              + generated.group(2) + " reads " + generated.group(1) + ". Drop " + generated.group(2) + " before this"
              + " change and add it back after it (in the models: remove the field and build, then change the type and"
              + " put the field back and build; or one migration of sql steps: ALTER TABLE … DROP COLUMN "
              + generated.group(2) + ", this change, ALTER TABLE … ADD COLUMN " + generated.group(2)
              + " … GENERATED ALWAYS AS (…) STORED); its values are computed again, nothing is lost";
        }
      }
    }
    return null;
  }

  /** SQLSTATE 55P03, lock_not_available, anywhere in the chain (a batch wraps it). */
  @Override
  public boolean lockTimedOut(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        for (SQLException n = s; n != null; n = n.getNextException()) {
          if ("55P03".equals(n.getSQLState())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  @Override
  protected void dropForeignKey(DropForeignKey op, Schema before, Sink out) throws SQLException {
    out.execute("ALTER TABLE " + q(op.table()) + " DROP CONSTRAINT " + q(op.foreignKey()));
  }

  @Override
  public String createHistoryTable(String table) {
    return "CREATE TABLE IF NOT EXISTS " + q(table) + " (\n"
        + "  version INTEGER PRIMARY KEY,\n"
        + "  description TEXT NOT NULL,\n"
        + "  checksum INTEGER NOT NULL,\n"
        + "  applied_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
        + "  execution_ms BIGINT NOT NULL,\n"
        + "  success BOOLEAN NOT NULL\n"
        + ")";
  }

  /** The driver names the failed entry ("Batch entry N …"); the update counts do not. */
  @Override
  public int failedBatchEntry(BatchUpdateException e) {
    Matcher m = BATCH_ENTRY.matcher(String.valueOf(e.getMessage()));
    return m.find() ? Integer.parseInt(m.group(1)) : super.failedBatchEntry(e);
  }

  private static final Pattern BATCH_ENTRY = Pattern.compile("Batch entry (\\d+)");

  @Override
  public boolean locksPerRun() {
    return true;
  }

  @Override
  public boolean batchesStatements() {
    return true;
  }

  @Override
  public String transactionMillisSql() {
    return "CAST(EXTRACT(EPOCH FROM clock_timestamp() - transaction_timestamp()) * 1000 AS BIGINT)";
  }

  /**
   * Polls {@code pg_try_advisory_lock} rather than waiting in {@code pg_advisory_lock}: a session
   * waiting inside a statement holds a snapshot, and {@code CREATE INDEX CONCURRENTLY} in the
   * holder's split migration waits for every older snapshot to go, a deadlock. Between polls a
   * waiting instance is idle and holds none. Uncontended, it is the same one query.
   */
  @Override
  public Session open(Connection connection) throws SQLException {
    return open(connection, LockWait.defaults());
  }

  /**
   * Takes the advisory lock; while another session holds it, polls {@code pg_try_advisory_lock}
   * (waiting for ever unless the wait has a timeout, as {@code pg_advisory_lock} did) and names the
   * holder from {@code pg_locks} and {@code pg_stat_activity}.
   */
  @Override
  public Session open(Connection connection, LockWait wait) throws SQLException {
    wait.acquire("the PostgreSQL advisory lock " + LOCK_KEY + " (jmigrate's) of database " + connection.getCatalog(), null,
        LockWait.polling(LOCK_POLL_MILLIS, () -> tryLock(connection)), () -> holder(connection));
    return () -> {
      try (Statement s = connection.createStatement()) {
        s.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
      }
    };
  }

  @Override
  public String sessionId(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  /**
   * An index build's phase, blocks and tuples ({@code pg_stat_progress_create_index}, PostgreSQL
   * 12+) or a table rewrite's ({@code pg_stat_progress_cluster}: CLUSTER, VACUUM FULL); an ALTER
   * that rewrites a table reports nowhere.
   */
  @Override
  public String progress(Connection observer, String sessionId) throws SQLException {
    try (PreparedStatement ps = observer.prepareStatement("""
        SELECT COALESCE('index ' || i.relname, 'an index') || ' on ' || COALESCE(t.relname, 'a new table') || ': ' || p.phase
            || CASE WHEN p.blocks_total > 0 THEN ', ' || p.blocks_done || ' of ' || p.blocks_total || ' blocks' ELSE '' END
            || CASE WHEN p.tuples_total > 0 THEN ', ' || p.tuples_done || ' of ' || p.tuples_total || ' rows' ELSE '' END
        FROM pg_stat_progress_create_index p
        LEFT JOIN pg_class i ON i.oid = p.index_relid LEFT JOIN pg_class t ON t.oid = p.relid
        WHERE p.pid = ?
        UNION ALL
        SELECT p.command || ' ' || COALESCE(t.relname, 'a new table') || ': ' || p.phase
            || ', ' || p.heap_tuples_scanned || ' rows scanned, ' || p.heap_tuples_written || ' written'
        FROM pg_stat_progress_cluster p LEFT JOIN pg_class t ON t.oid = p.relid
        WHERE p.pid = ?""")) {
      ps.setInt(1, Integer.parseInt(sessionId));
      ps.setInt(2, Integer.parseInt(sessionId));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static final long LOCK_POLL_MILLIS = 200;

  private static boolean tryLock(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  /**
   * The session holding the lock: a bigint advisory key is {@code classid} (high 32 bits) and
   * {@code objid} (low 32 bits) with {@code objsubid} 1, in the current database. Without the
   * privilege to see another user's sessions, PostgreSQL shows their pid and hides the rest.
   */
  private static String holder(Connection connection) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("""
        SELECT a.pid, a.application_name, host(a.client_addr), a.client_port, a.usename,
            to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS'), a.state
        FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ? AND l.objid = ? AND l.objsubid = 1
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND l.pid <> pg_backend_pid()""")) {
      ps.setLong(1, LOCK_KEY >>> 32);
      ps.setLong(2, LOCK_KEY & 0xFFFFFFFFL);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        List<String> about = new ArrayList<>();
        if (rs.getString(2) != null && !rs.getString(2).isEmpty()) {
          about.add("application \"" + rs.getString(2) + "\"");
        }
        if (rs.getString(3) != null) {
          about.add("client " + rs.getString(3) + (rs.getInt(4) > 0 ? ":" + rs.getInt(4) : ""));
        }
        if (rs.getString(5) != null) {
          about.add("user " + rs.getString(5));
        }
        if (rs.getString(6) != null) {
          about.add("connected since " + rs.getString(6));
        }
        if (rs.getString(7) != null) {
          about.add(rs.getString(7));
        }
        return "pid " + rs.getInt(1) + (about.isEmpty() ? "" : " (" + String.join(", ", about) + ")");
      }
    }
  }

  // ---- sequences: the standard SQL of SqlDialect; validate reads them without those columns own ----

  @Override
  public java.util.Map<String, io.jmigrate.schema.SequenceDefinition> liveSequences(Connection connection)
      throws SQLException {
    java.util.Map<String, io.jmigrate.schema.SequenceDefinition> live = new java.util.TreeMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT c.relname, q.seqstart, q.seqincrement FROM pg_catalog.pg_class c"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace JOIN pg_catalog.pg_sequence q ON q.seqrelid = c.oid"
            + " WHERE c.relkind = 'S' AND n.nspname = current_schema() AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d"
            + " WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))")) {
      while (rs.next()) {
        live.put(rs.getString(1), new io.jmigrate.schema.SequenceDefinition(rs.getString(1), rs.getLong(2), rs.getLong(3)));
      }
    }
    return live;
  }

  @Override
  public java.util.Map<String, io.jmigrate.schema.EnumTypeDefinition> liveEnumTypes(Connection connection) throws SQLException {
    java.util.Map<String, List<String>> labels = new java.util.TreeMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT t.typname, e.enumlabel FROM pg_catalog.pg_type t"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid"
            + " WHERE n.nspname = current_schema() ORDER BY t.typname, e.enumsortorder")) {
      while (rs.next()) {
        labels.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
      }
    }
    java.util.Map<String, io.jmigrate.schema.EnumTypeDefinition> live = new java.util.TreeMap<>();
    labels.forEach((name, l) -> live.put(name, new io.jmigrate.schema.EnumTypeDefinition(name, l)));
    return live;
  }
}
