package io.jmigrate.internal.dialect;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.dialect.LockWait;
import io.jmigrate.dialect.Sink;
import io.jmigrate.dialect.SqlDialect;

import io.jmigrate.migration.Operation;
import io.jmigrate.migration.OperationVisitor;
import io.jmigrate.migration.Operations.DropTable;
import io.jmigrate.migration.Operations.RunJava;
import io.jmigrate.migration.Operations.RunSql;
import io.jmigrate.migration.Operations.AddColumn;
import io.jmigrate.migration.Operations.AddForeignKey;
import io.jmigrate.migration.Operations.AddIndex;
import io.jmigrate.migration.Operations.CreateTable;
import io.jmigrate.migration.Operations.DropIndex;
import io.jmigrate.migration.Operations.RenameColumn;
import io.jmigrate.migration.Operations.AlterColumn;
import io.jmigrate.migration.Operations.DropColumn;
import io.jmigrate.migration.Operations.DropForeignKey;
import io.jmigrate.migration.Operations.RenameIndex;
import io.jmigrate.migration.Operations.RenameTable;
import io.jmigrate.migration.Operations.SetPrimaryKey;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.IndexDefinition;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.TableDefinition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import io.jmigrate.schema.ColumnType;

/**
 * SQLite. ALTER TABLE does only RENAME TABLE, RENAME COLUMN, ADD COLUMN and DROP COLUMN (with
 * limits); every other change is the table rebuild from SQLite's documentation ("Making Other
 * Kinds Of Table Schema Changes"), done inside the migration's transaction:
 *
 * <ol>
 *   <li>(the engine turns {@code PRAGMA foreign_keys} off before the transaction; it cannot
 *       change inside one, and with it on, DROP TABLE would cascade deletes);
 *   <li>read the table's triggers ({@link Sink#read}, so a preview with a database shows them);
 *   <li>{@code CREATE TABLE "_jm_new_t"} with the new definition;
 *   <li>{@code INSERT INTO "_jm_new_t" (…) SELECT … FROM "t"}: rows are copied by SQLite,
 *       never through the Java heap;
 *   <li>{@code DROP TABLE "t"}, then {@code ALTER TABLE "_jm_new_t" RENAME TO "t"} (this order,
 *       not rename-old-first, keeps other tables' foreign keys pointing at "t");
 *   <li>recreate the indexes and the triggers (and the indexes no migration made, such as an adopted
 *       database's expression or partial indexes); views that name the table are dropped before
 *       {@code DROP TABLE} and recreated last, as the procedure's step 9 says;
 *   <li>{@code PRAGMA foreign_key_check} before commit ({@link #afterOperations}); a violation
 *       fails the migration.
 * </ol>
 *
 * <p>The primary key is written without a constraint name: SQLite has no use for one, and
 * a named one would keep the table's old name after RENAME TO.
 */
public class SqliteDialect extends SqlDialect {
  static final String REBUILD_PREFIX = "_jm_new_";

  public SqliteDialect() {
    super("DOUBLE", "DECIMAL", "BLOB", "1", "0");
  }

  @Override
  public String name() {
    return "sqlite";
  }

  /** SQLite compares table and column names without case, and has no array type. */
  @Override
  public io.jmigrate.dialect.BuildRules buildRules() {
    return new io.jmigrate.dialect.BuildRules() {
      @Override
      public String databases() {
        return "SQLite";
      }

      @Override
      public boolean namesIgnoreCase() {
        return true;
      }

      @Override
      public java.util.Set<String> columnCollations() {
        return java.util.Set.of("BINARY", "NOCASE", "RTRIM"); // SQLite's built-in ones
      }

      @Override
      public boolean hasArrays() {
        return false;
      }
    };
  }

  @Override
  public io.jmigrate.dialect.LiveCatalog liveCatalog() {
    return new SqliteCatalog(this);
  }

  @Override
  public boolean accepts(String productNameOrUrl) {
    return databaseKind(productNameOrUrl).contains("sqlite");
  }

  @Override
  public String currentSchema(Connection connection) {
    return null; // one database per file; the driver lists its tables with no schema
  }

  /**
   * Type names other tools declare (Chinook's NVARCHAR(160) and DATETIME), read by SQLite's own
   * affinity rules where they name one of jmigrate's types; jmigrate itself writes the canonical ones.
   */
  private static final Map<String, ColumnType> OTHER_TYPE_NAMES = Map.ofEntries(
      Map.entry("INT", ColumnType.INTEGER), Map.entry("MEDIUMINT", ColumnType.INTEGER),
      Map.entry("INT8", ColumnType.BIGINT), Map.entry("UNSIGNED BIG INT", ColumnType.BIGINT),
      Map.entry("NVARCHAR", ColumnType.STRING), Map.entry("NCHAR", ColumnType.STRING),
      Map.entry("VARYING CHARACTER", ColumnType.STRING), Map.entry("NATIVE CHARACTER", ColumnType.STRING),
      Map.entry("CHARACTER VARYING", ColumnType.STRING), Map.entry("CLOB", ColumnType.STRING),
      Map.entry("DOUBLE PRECISION", ColumnType.DOUBLE), Map.entry("FLOAT", ColumnType.DOUBLE),
      Map.entry("DATETIME", ColumnType.TIMESTAMP));

  @Override
  public ColumnType liveType(String typeName) {
    // jmigrate writes JSON as TEXT here; a column declared JSON has NUMERIC affinity, which no model describes
    ColumnType declared = super.liveType(typeName);
    ColumnType t = declared == ColumnType.JSON ? null : liveTypeOf(declared);
    return t != null || typeName == null ? t : OTHER_TYPE_NAMES.get(typeName.trim().toUpperCase(java.util.Locale.ROOT));
  }

  /**
   * SQLite has no large objects: a CLOB is TEXT and a BLOB is BLOB, as text and bytes are. Nor has it
   * JSON: a JSON document is TEXT, which its JSON functions read (a column declared {@code JSON}
   * would have NUMERIC affinity and turn the document {@code 12} into a number).
   */
  @Override
  protected String type(ColumnDefinition c) {
    if (c.type().element() != null) {
      throw new IllegalArgumentException("SQLite has no array type, for the column " + c.name() + " (" + c.type()
          + "); the build refuses it when sqlite is a target dialect (-Ajmigrate.dialects)");
    }
    return c.type() == ColumnType.CLOB || c.type() == ColumnType.LONG_TEXT || c.type() == ColumnType.JSON ? "TEXT"
        : super.type(c);
  }

  @Override
  public ColumnType liveTypeOf(ColumnType type) {
    return type == ColumnType.CLOB || type == ColumnType.LONG_TEXT || type == ColumnType.JSON ? ColumnType.STRING
        : type == ColumnType.BLOB ? ColumnType.BINARY : type;
  }

  @Override
  public boolean isSystemTable(String name) {
    return name.startsWith("sqlite_");
  }

  @Override
  protected boolean inlinePrimaryKey(TableDefinition t) {
    return t.primaryKey().size() == 1 && t.column(t.primaryKey().get(0)).map(ColumnDefinition::generated).orElse(false);
  }

  @Override
  protected String primaryKeyClause(TableDefinition t) {
    return "PRIMARY KEY (" + list(t.primaryKey()) + ")";
  }

  @Override
  protected String columnDefinition(TableDefinition table, ColumnDefinition c) {
    // As inlinePrimaryKey(table) for the key's own column, without looking the column up again for every column.
    if (c.generated() && table.primaryKey().size() == 1 && table.primaryKey().get(0).equals(c.name())) {
      // Exactly "INTEGER PRIMARY KEY": the rowid alias, which SQLite fills on insert.
      return q(c.name()) + " INTEGER PRIMARY KEY";
    }
    if (c.computed()) {
      return q(c.name()) + " " + type(c) + collateClause(c) + " GENERATED ALWAYS AS (" + c.generatedAs() + ")"
          + (c.stored() ? " STORED" : " VIRTUAL") + (c.nullable() ? "" : " NOT NULL");
    }
    return q(c.name()) + " " + type(c) + collateClause(c) + (c.nullable() ? "" : " NOT NULL") + defaultClause(c);
  }

  /** {@code COLLATE NOCASE} in the column's definition; a change rebuilds the table with it. */
  @Override
  public boolean keepsColumnCollations() {
    return true;
  }

  @Override
  protected void renameTable(RenameTable op, Schema before, Sink out) throws SQLException {
    if (op.from().equalsIgnoreCase(op.to())) {
      // Table names compare without case here: "Account" to "account" goes through a name of its own.
      String aside = q("_jm_tmp_case_" + op.to());
      out.execute("ALTER TABLE " + q(op.from()) + " RENAME TO " + aside);
      out.execute("ALTER TABLE " + aside + " RENAME TO " + q(op.to()));
      return;
    }
    out.execute("ALTER TABLE " + q(op.from()) + " RENAME TO " + q(op.to()));
  }

  /**
   * SQLite cannot rename an index: it is dropped and created under the new name, a rebuild of
   * that index (never of the table). The name must change all the same: validate compares it
   * with the snapshot's, which every dialect shares.
   */
  @Override
  protected void renameIndex(RenameIndex op, Schema before, Sink out) throws SQLException {
    out.execute("DROP INDEX " + q(op.from()));
    out.execute(createIndex(op.table(), op.applyTo(before).table(op.table()).findIndex(op.to()).orElseThrow()));
  }

  /** ADD COLUMN takes no expression default, and NOT NULL only with a literal default; else the table is rebuilt. */
  static boolean addsInPlace(ColumnDefinition c) {
    // SQLite cannot ADD a STORED generated column (its values would have to be written): a rebuild computes them
    return !c.hasDefaultSql() && (c.nullable() || c.defaultValue() != null) && !c.generated() && !(c.computed() && c.stored());
  }

  /** DROP COLUMN refuses a column that a key, an index or another table's foreign key uses; then the table is rebuilt. */
  static boolean dropsInPlace(DropColumn op, Schema before) {
    TableDefinition t = before.table(op.table());
    String c = op.column();
    boolean referenced = t.primaryKey().contains(c)
        || t.indexes().stream().anyMatch(i -> i.columns().contains(c))
        || t.foreignKeys().stream().anyMatch(f -> f.columns().contains(c))
        // SQLite refuses DROP COLUMN under a CHECK naming it; the text is enough to choose the rebuild
        || t.checks().stream().anyMatch(k -> k.expression().contains(c))
        || before.tables().stream().flatMap(x -> x.foreignKeys().stream())
            .anyMatch(f -> f.refTable().equals(op.table()) && f.refColumns().contains(c));
    return !referenced;
  }

  /** Every column change is a rebuild, but one of MariaDB's storage of an instant only, which SQLite does not have. */
  static boolean rebuilds(AlterColumn op, Schema before) {
    ColumnDefinition old = before.table(op.table()).column(op.column().name()).orElse(null);
    ColumnDefinition next = op.column().comment(old == null ? null : old.comment()); // SQLite keeps no comment
    return !(old != null && (old.equals(next) || old.asUtcDatetime().equals(next) && next.utcDatetime()));
  }

  /** A rebuild computes a changed generated column afresh. */
  @Override
  protected boolean regenerates(ColumnDefinition was, ColumnDefinition next) {
    return false;
  }

  /** No place for a table's comment either. */
  @Override
  protected String tableCommentOn(String table, String comment) {
    return null;
  }

  /** SQLite has no place for a comment: the model keeps it, the database does not. */
  @Override
  protected String commentOn(String table, ColumnDefinition c) {
    return null;
  }

  @Override
  public io.jmigrate.dialect.Costs costs() {
    return new SqliteCosts();
  }

  @Override
  protected void addColumn(AddColumn op, Schema before, Sink out) throws SQLException {
    ColumnDefinition c = op.column();
    if (addsInPlace(c)) {
      TableDefinition t = before.table(op.table());
      out.execute("ALTER TABLE " + q(op.table()) + " ADD COLUMN " + columnDefinition(t, c));
      return;
    }
    rebuild(before.table(op.table()), op.applyTo(before).table(op.table()), out);
  }

  @Override
  protected void dropColumn(DropColumn op, Schema before, Sink out) throws SQLException {
    TableDefinition t = before.table(op.table());
    if (dropsInPlace(op, before)) {
      out.execute("ALTER TABLE " + q(op.table()) + " DROP COLUMN " + q(op.column()));
      return;
    }
    rebuild(t, op.applyTo(before).table(op.table()), out);
  }

  @Override
  protected void alterColumn(AlterColumn op, Schema before, Sink out) throws SQLException {
    if (!rebuilds(op, before)) {
      return; // only MariaDB's storage of an instant or the comment changes: nothing to do here
    }
    rebuild(before.table(op.table()), op.applyTo(before).table(op.table()), out);
  }

  @Override
  protected void setPrimaryKey(SetPrimaryKey op, Schema before, Sink out) throws SQLException {
    rebuild(before.table(op.table()), op.applyTo(before).table(op.table()), out);
  }

  @Override
  protected void addForeignKey(AddForeignKey op, Schema before, Sink out) throws SQLException {
    rebuild(before.table(op.table()), op.applyTo(before).table(op.table()), out);
  }

  @Override
  protected void dropForeignKey(DropForeignKey op, Schema before, Sink out) throws SQLException {
    rebuild(before.table(op.table()), op.applyTo(before).table(op.table()), out);
  }

  /** SQLite's ALTER TABLE cannot add or drop a constraint: the table is rebuilt with its new checks. */
  @Override
  protected void addCheck(io.jmigrate.migration.Operations.AddCheck op, Schema before, Sink out) throws SQLException {
    rebuild(before.table(op.table()), op.applyTo(before).table(op.table()), out);
  }

  @Override
  protected void dropCheck(io.jmigrate.migration.Operations.DropCheck op, Schema before, Sink out) throws SQLException {
    rebuild(before.table(op.table()), op.applyTo(before).table(op.table()), out);
  }

  /** Steps 2 to 6 of the procedure in the class comment. */
  /** SQLite's REAL is an 8-byte float, as its DOUBLE. */
  @Override
  protected int significandBits(ColumnType type) {
    return 53;
  }

  /**
   * After the rebuild's copy, in its transaction: a column that becomes a number keeps, as text, a
   * value that is not a number ({@code 'abc'} into an INTEGER column: SQLite converts by the column's
   * affinity and keeps what does not convert). Such rows fail the migration, which is rolled back:
   * nothing was changed, as for the other values that do not fit.
   */
  /**
   * Whether SQLite gives both declared types the same affinity (INTEGER for every integer type, REAL for
   * DOUBLE and REAL), so that copying a value from one to the other converts nothing: a widening such as
   * INTEGER to BIGINT needs no scan of the rows.
   */
  private static boolean sameAffinity(ColumnType a, ColumnType b) {
    boolean realA = a == ColumnType.DOUBLE || a == ColumnType.REAL;
    boolean realB = b == ColumnType.DOUBLE || b == ColumnType.REAL;
    return a.isInteger() && b.isInteger() || realA && realB;
  }

  private void checkConverted(TableDefinition old, TableDefinition next, String temp, Sink out) throws SQLException {
    for (ColumnDefinition c : next.columns()) {
      ColumnDefinition was = old.column(c.name()).orElse(null);
      boolean toNumber = c.type().isInteger() || c.type() == ColumnType.DECIMAL || c.type() == ColumnType.DOUBLE
          || c.type() == ColumnType.REAL;
      if (was == null || !toNumber || was.type() == c.type() || sameAffinity(was.type(), c.type())) {
        continue; // nothing is converted: a value that is not a number was kept as it is before, and still is
      }
      String kept = c.type().isInteger() ? "'integer'" : "'integer', 'real'";
      out.check("SELECT n FROM (SELECT count(*) AS n FROM " + temp + " WHERE typeof(" + q(c.name()) + ") NOT IN ("
          + kept + ", 'null')) AS misfits WHERE n > 0",
          "{1} row(s) of table " + old.name() + " do not fit the new definition of column " + c.name() + " ("
              + type(was) + " to " + type(c) + "): their values are not numbers of that type and would stay as they"
              + " are; nothing was changed. Convert or delete those values in a step before this change (an sql(...)"
              + " step in the migration), or keep the old definition");
    }
  }

  void rebuild(TableDefinition old, TableDefinition next, Sink out) throws SQLException {
    List<String> triggers = out.read(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY name", old.name());
    // Indexes no migration made (an adopted database's expression or partial ones) are kept, like triggers.
    List<String> unmodelledIndexes = new ArrayList<>();
    if (old.name().equals(next.name())) {
      for (String row : out.read("SELECT name || char(10) || sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"
          + " AND sql IS NOT NULL ORDER BY name", old.name())) {
        String name = row.substring(0, row.indexOf('\n'));
        if (old.findIndex(name).isEmpty() && next.findIndex(name).isEmpty()) {
          unmodelledIndexes.add(row.substring(row.indexOf('\n') + 1));
        }
      }
    }
    // Views that name the table (an adopted database's): SQLite checks them at RENAME TO and fails
    // ("error in view …: no such table"), so, as its procedure says, they are dropped and recreated.
    List<String> views = new ArrayList<>();
    List<String> viewNames = new ArrayList<>();
    for (String row : out.read("SELECT name || char(10) || sql FROM sqlite_master WHERE type = 'view'"
        + " AND instr(lower(sql), lower(?)) > 0 ORDER BY rowid", old.name())) {
      viewNames.add(row.substring(0, row.indexOf('\n')));
      views.add(row.substring(row.indexOf('\n') + 1));
    }
    String temp = q(REBUILD_PREFIX + next.name());
    List<String> into = new ArrayList<>();
    List<String> select = new ArrayList<>();
    for (ColumnDefinition c : next.columns()) {
      ColumnDefinition was = old.column(c.name()).orElse(null);
      if (was == null || c.computed()) {
        continue; // a new column takes its default; a generated one is computed by SQLite
      }
      into.add(q(c.name()));
      if (was.nullable() && !c.nullable() && c.defaultValue() != null) {
        select.add("COALESCE(" + q(c.name()) + ", " + literal(c, c.defaultValue()) + ")");
      } else if (was.nullable() && !c.nullable() && c.hasDefaultSql()) {
        select.add("COALESCE(" + q(c.name()) + ", " + defaultSql(c) + ")");
      } else {
        select.add(q(c.name()));
      }
    }
    out.execute(createTableStatement(temp, next));
    if (!into.isEmpty()) {
      out.execute("INSERT INTO " + temp + " (" + String.join(", ", into) + ") SELECT "
          + String.join(", ", select) + " FROM " + q(old.name()));
      checkConverted(old, next, temp, out);
    }
    for (String view : viewNames) {
      out.execute("DROP VIEW " + q(view));
    }
    out.execute("DROP TABLE " + q(old.name()));
    out.execute("ALTER TABLE " + temp + " RENAME TO " + q(next.name()));
    for (IndexDefinition i : next.indexes()) {
      out.execute(createIndex(next.name(), i));
    }
    for (String index : unmodelledIndexes) {
      out.execute(index);
    }
    for (String view : views) {
      out.execute(view);
    }
    for (String trigger : triggers) {
      out.execute(trigger);
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

  @Override
  public Session open(Connection connection) throws SQLException {
    return open(connection, LockWait.defaults());
  }

  /**
   * SQLite locks per transaction ({@link #begin} takes the write lock with BEGIN IMMEDIATE, waiting
   * as {@code wait} says: two minutes unless it says otherwise), so the run waits for other writers
   * instead of failing at once; the other statements of the run wait as long, silently, through the
   * busy timeout. Turns foreign key enforcement off for the rebuilds (restored afterwards; checked
   * by {@link #verify}).
   */
  @Override
  public Session open(Connection connection, LockWait wait) throws SQLException {
    int foreignKeys = pragma(connection, "foreign_keys");
    int busyTimeout = pragma(connection, "busy_timeout");
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA foreign_keys = OFF");
    }
    Run run = new Run(wait, SqliteBusyTimeout.of(connection));
    run.busyTimeout.set(run.fullWait);
    RUNS.put(connection, run);
    return () -> {
      RUNS.remove(connection);
      try {
        run.busyTimeout.set(busyTimeout);
      } finally {
        try {
          run.close();
        } finally {
          try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA foreign_keys = " + foreignKeys);
          }
        }
      }
    };
  }

  /** A rebuild's copy counts its rows first, so that the progress log can say how many it copies. */
  @Override
  public String workAhead(Connection connection, String statement) throws SQLException {
    if (!statement.startsWith("INSERT INTO \"" + REBUILD_PREFIX)) {
      return null;
    }
    String table = statement.substring(statement.lastIndexOf(" FROM ") + " FROM ".length());
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return "copies " + rs.getLong(1) + " rows of " + table + " into the rebuilt table";
    }
  }

  /** How long a migration waits for the write lock unless told otherwise (as it always did). */
  static final Duration WRITE_LOCK_TIMEOUT = Duration.ofMinutes(2);

  /** Each connection's run ({@link #open} to its close), for {@link #begin} and {@link #commit}. */
  private static final Map<Connection, Run> RUNS = Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * A run on one connection: how it waits for the write lock, and the statements that {@link #begin} and
   * {@link #commit} repeat for every migration, made at the first migration and kept for the run (four statements
   * prepared again per migration showed when applying many small migrations). {@code BEGIN IMMEDIATE} and
   * {@code COMMIT} are prepared once; the busy timeout is set around {@code BEGIN IMMEDIATE} through the driver
   * ({@link SqliteBusyTimeout}).
   */
  private static final class Run {
    final LockWait wait;
    final long fullWait; // the busy timeout of every statement of the run but BEGIN IMMEDIATE's first try
    final SqliteBusyTimeout busyTimeout;
    private PreparedStatement beginImmediate;
    private PreparedStatement commit;

    Run(LockWait wait, SqliteBusyTimeout busyTimeout) {
      this.wait = wait;
      this.fullWait = wait.timeoutOr(WRITE_LOCK_TIMEOUT).toMillis();
      this.busyTimeout = busyTimeout;
    }

    /** BEGIN IMMEDIATE without waiting; false when another connection holds the write lock. */
    boolean beginAtOnce(Connection c) throws SQLException {
      if (beginImmediate == null) {
        beginImmediate = c.prepareStatement("BEGIN IMMEDIATE");
      }
      busyTimeout.set(0);
      try {
        beginImmediate.execute();
        return true;
      } catch (SQLException e) {
        if (busy(e)) {
          return false;
        }
        throw e;
      } finally {
        busyTimeout.set(fullWait);
      }
    }

    void commit(Connection c) throws SQLException {
      if (commit == null) {
        commit = c.prepareStatement("COMMIT");
      }
      commit.execute();
    }

    void close() throws SQLException {
      try (busyTimeout) {
        for (Statement s : new Statement[] {beginImmediate, commit}) {
          if (s != null) {
            s.close();
          }
        }
      }
    }
  }

  private static int pragma(Connection connection, String name) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /**
   * BEGIN IMMEDIATE: the write lock. In a run, tried under a busy timeout of one report interval at
   * a time, so that a wait for another writer is logged (SQLite cannot say which connection writes).
   */
  @Override
  public void begin(Connection connection) throws SQLException {
    Run run = RUNS.get(connection);
    if (run == null) {
      try (Statement s = connection.createStatement()) {
        s.execute("BEGIN IMMEDIATE");
      }
      return;
    }
    if (run.beginAtOnce(connection)) { // once per migration: the run's prepared statements
      return;
    }
    LockWait wait = run.wait;
    // Another connection writes: one statement for the whole wait.
    try (Statement s = connection.createStatement()) {
      LockWait.Attempt attempt = upTo -> {
        run.busyTimeout.set(upTo.toMillis());
        try {
          s.execute("BEGIN IMMEDIATE");
          return true;
        } catch (SQLException e) {
          if (busy(e)) {
            return false;
          }
          throw e;
        }
      };
      try {
        // the file's name is read only when there is a wait to tell of
        wait.acquire("the SQLite write lock on " + file(connection), WRITE_LOCK_TIMEOUT, attempt,
            () -> "another connection (SQLite does not say which)");
      } finally {
        run.busyTimeout.set(run.fullWait);
      }
    }
  }

  /** SQLITE_BUSY (5) or SQLITE_LOCKED (6), in the primary result code or the driver's message. */
  private static boolean busy(SQLException e) {
    int code = e.getErrorCode() & 0xff;
    String message = String.valueOf(e.getMessage());
    return code == 5 || code == 6 || message.contains("SQLITE_BUSY") || message.contains("database is locked");
  }

  /** The main database's file, or "an in-memory database". */
  private static String file(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA database_list")) {
      while (rs.next()) {
        if ("main".equals(rs.getString(2))) {
          String file = rs.getString(3);
          return file == null || file.isEmpty() ? "an in-memory database" : file;
        }
      }
    }
    return "the database";
  }

  @Override
  public void commit(Connection connection) throws SQLException {
    Run run = RUNS.get(connection);
    if (run != null) {
      run.commit(connection);
      return;
    }
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

  /** Changes when another connection commits to the main database (read in a transaction: as of its lock). */
  @Override
  public String dataVersionQuery() {
    return "PRAGMA data_version";
  }

  /**
   * Runs {@code PRAGMA foreign_key_check} unless every operation is one that cannot break a
   * foreign key while enforcement is off (the check reads every table, so it is not free).
   */
  @Override
  public void afterOperations(List<Operation> ops, Sink out) throws SQLException {
    for (Operation op : ops) {
      if (op.accept(MAY_BREAK_FOREIGN_KEYS)) {
        out.check("PRAGMA foreign_key_check", "foreign key violation after the migration: row {2} of table {1}"
            + " references a missing row of {3} (PRAGMA foreign_key_check); fix or delete such rows in a step"
            + " before this change");
        return;
      }
    }
  }

  /** Whether an operation may leave a foreign key violated while enforcement is off (a rebuild may). */
  private static final OperationVisitor<Boolean> MAY_BREAK_FOREIGN_KEYS = new OperationVisitor<>() {
    @Override
    public Boolean createTable(CreateTable op) {
      return false;
    }

    @Override
    public Boolean dropTable(DropTable op) {
      return true;
    }

    @Override
    public Boolean renameTable(RenameTable op) {
      return false;
    }

    @Override
    public Boolean addColumn(AddColumn op) {
      return op.column().hasDefaultSql() || op.column().computed() && op.column().stored();
    }

    @Override
    public Boolean dropColumn(DropColumn op) {
      return true;
    }

    @Override
    public Boolean renameColumn(RenameColumn op) {
      return false;
    }

    @Override
    public Boolean alterColumn(AlterColumn op) {
      return true;
    }

    @Override
    public Boolean setPrimaryKey(SetPrimaryKey op) {
      return true;
    }

    @Override
    public Boolean addIndex(AddIndex op) {
      return false;
    }

    @Override
    public Boolean dropIndex(DropIndex op) {
      return false;
    }

    @Override
    public Boolean renameIndex(RenameIndex op) {
      return false;
    }

    @Override
    public Boolean addForeignKey(AddForeignKey op) {
      return true;
    }

    @Override
    public Boolean dropForeignKey(DropForeignKey op) {
      return true;
    }

    @Override
    public Boolean runSql(RunSql op) {
      return true;
    }

    @Override
    public Boolean runJava(RunJava op) {
      return true;
    }

    @Override
    public Boolean custom(io.jmigrate.migration.CustomOperation op) {
      return true; // like hand-written SQL
    }

    @Override
    public Boolean createSequence(io.jmigrate.migration.Operations.CreateSequence op) {
      return false;
    }

    @Override
    public Boolean dropSequence(io.jmigrate.migration.Operations.DropSequence op) {
      return false;
    }

    @Override
    public Boolean renameSequence(io.jmigrate.migration.Operations.RenameSequence op) {
      return false;
    }

    @Override
    public Boolean alterSequence(io.jmigrate.migration.Operations.AlterSequence op) {
      return false;
    }

    @Override
    public Boolean addCheck(io.jmigrate.migration.Operations.AddCheck op) {
      return true; // a rebuild
    }

    @Override
    public Boolean dropCheck(io.jmigrate.migration.Operations.DropCheck op) {
      return true;
    }

    @Override
    public Boolean createEnumType(io.jmigrate.migration.Operations.CreateEnumType op) {
      return false;
    }

    @Override
    public Boolean dropEnumType(io.jmigrate.migration.Operations.DropEnumType op) {
      return false;
    }

    @Override
    public Boolean addEnumValue(io.jmigrate.migration.Operations.AddEnumValue op) {
      return false;
    }

    @Override
    public Boolean renameEnumValue(io.jmigrate.migration.Operations.RenameEnumValue op) {
      return false;
    }

    @Override
    public Boolean alterCollation(io.jmigrate.migration.Operations.AlterCollation op) {
      return false;
    }

    @Override
    public Boolean alterTableComment(io.jmigrate.migration.Operations.AlterTableComment op) {
      return false;
    }
  };

  // ---- sequences: SQLite has none; each is a one-row table, as Hibernate makes one where sequences are missing ----

  /**
   * {@code CREATE TABLE "<name>" ("next_val" BIGINT)} holding the next value: the table Hibernate's
   * {@code SEQUENCE} and {@code AUTO} ids read and advance on a database without sequences (its
   * {@code TableStructure}), so the same entities run on SQLite. The increment stays in the schema
   * (Hibernate advances the row by its allocation size).
   */
  @Override
  protected void createSequence(io.jmigrate.migration.Operations.CreateSequence op, Schema before, Sink out)
      throws SQLException {
    out.execute("CREATE TABLE " + q(op.sequence().name()) + " (\"next_val\" BIGINT)");
    out.execute("INSERT INTO " + q(op.sequence().name()) + " (\"next_val\") VALUES (" + op.sequence().start() + ")");
  }

  @Override
  protected void dropSequence(io.jmigrate.migration.Operations.DropSequence op, Schema before, Sink out)
      throws SQLException {
    out.execute("DROP TABLE " + q(op.sequence()));
  }

  @Override
  protected void renameSequence(io.jmigrate.migration.Operations.RenameSequence op, Schema before, Sink out)
      throws SQLException {
    out.execute("ALTER TABLE " + q(op.from()) + " RENAME TO " + q(op.to()));
  }

  /** Nothing to run: the next value stays, and the increment is the application's to apply. */
  @Override
  protected void alterSequence(io.jmigrate.migration.Operations.AlterSequence op, Schema before, Sink out) {}

  @Override
  public java.util.Map<String, io.jmigrate.schema.SequenceDefinition> liveSequences(Connection connection) {
    return null;
  }
}
