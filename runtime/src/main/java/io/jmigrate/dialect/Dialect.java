package io.jmigrate.dialect;

import io.jmigrate.migration.Operation;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.schema.Names;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.SequenceDefinition;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Everything that differs between databases: the SQL of each operation, the history table's SQL,
 * reading the catalog, locking, transactions, batch errors. The engine knows no database by name.
 *
 * <p>A new database is one subclass of {@link SqlDialect} (one overridable method per operation,
 * like EF Core's {@code MigrationsSqlGenerator}) listed in
 * {@code META-INF/services/io.jmigrate.dialect.Dialect}; {@link #of} and {@link #named} find it
 * through {@link java.util.ServiceLoader} by {@link #accepts}.
 */
public interface Dialect {

  /** {@code sqlite}, {@code postgresql}, … */
  String name();

  /** Whether this dialect serves the database that a product name or a JDBC URL names. */
  boolean accepts(String productNameOrUrl);

  /**
   * Writes what performs {@code op} on a database whose schema is {@code before} into {@code out}:
   * statements, checks that must pass first, catalog reads, Java steps.
   */
  void write(Operation op, Schema before, Sink out) throws SQLException;

  /**
   * The pre-flight of {@code op}: the checks it would fail on, written as queries that must return no
   * row ({@link Sink#check}), run on the data before anything of the migration has changed, so that a
   * migration that cannot succeed fails before its first statement (duplicates under a new unique
   * index or key, orphans under a new foreign key, NULLs under a NOT NULL without a fill, values that
   * do not fit a narrowing). The engine asks only for steps whose tables and columns are, when the
   * migration starts, as they are before the step (see {@code io.jmigrate.engine.Preflight}).
   */
  default void preflight(Operation op, Schema before, Sink out) throws SQLException {}

  /**
   * Checks after a migration's operations, before its commit (SQLite: the foreign key check that
   * its rebuilds need). Written into the same sink, so previews show them.
   */
  default void afterOperations(List<Operation> ops, Sink out) throws SQLException {}

  /** The statements of {@code op}, with no database to read (the preview of one operation). */
  default List<String> statements(Operation op, Schema before) {
    SqlRecorder recorder = new SqlRecorder(null);
    try {
      write(op, before, recorder);
    } catch (SQLException e) {
      throw new IllegalStateException("a recorder without a database does not fail", e);
    }
    return recorder.lines();
  }

  /**
   * This dialect as it serves {@code connection}'s database: itself, unless its SQL depends on a
   * setting of that database (H2's identifier folding), then its variant for it. {@link #of} applies it.
   */
  default Dialect forConnection(Connection connection) throws SQLException {
    return this;
  }

  /**
   * The catalog's metadata, which the engine reads by the names the migrations give (tables,
   * columns, keys, indexes): JDBC's own, unless the database stores those names otherwise than they
   * are written (H2 folding to upper case), then a view that translates both ways.
   */
  default DatabaseMetaData catalog(Connection connection) throws SQLException {
    return connection.getMetaData();
  }

  /**
   * What each operation costs here, for the warnings the build gives when it writes a migration
   * for this dialect; null where the dialect does not say (a test database such as H2), and the
   * build then names no cost for it.
   */
  default Costs costs() {
    return null;
  }

  /** What this dialect's database cannot hold, which the build checks when it is a target dialect. */
  default BuildRules buildRules() {
    return BuildRules.NONE;
  }

  /** What this dialect reads from the catalog beyond JDBC's metadata (kept attributes, objects, partitions). */
  default LiveCatalog liveCatalog() {
    return LiveCatalog.NONE;
  }

  /** Quotes an identifier as this database needs it (always, so case and keywords are kept). */
  String quote(String identifier);

  /** {@code CREATE TABLE IF NOT EXISTS <quoted table> (…)} for the history. */
  String createHistoryTable(String table);

  /** The schema whose tables are the application's: the connection's current one. Null where there are none. */
  default String currentSchema(Connection connection) throws SQLException {
    return connection.getSchema();
  }

  /**
   * The catalog whose tables are the application's, for JDBC metadata reads: null where catalogs do
   * not narrow them; MariaDB/MySQL's current database (its drivers call a database a catalog).
   */
  default String currentCatalog(Connection connection) throws SQLException {
    return null;
  }

  /** Whether a table that the catalog lists belongs to the database itself, not to the application. */
  default boolean isSystemTable(String name) {
    return false;
  }

  /**
   * Whether the database keeps a collation per column ({@code ColumnDefinition#collation}), which its catalog
   * reports as a column's {@code collation} attribute ({@link LiveCatalog#attributes}), so that validate compares
   * it and inspect reads it into the model. False (H2, and a dialect that does not say) leaves them unchecked.
   */
  default boolean keepsColumnCollations() {
    return false;
  }

  /**
   * The collation a column's catalog {@code collation} attribute names, as a model gives it: the value itself
   * (MariaDB's catalog gives {@code "utf8mb4 utf8mb4_unicode_ci"}, character set first: the collation is the last word).
   */
  default String collationOf(String attributeValue) {
    String v = attributeValue.strip();
    return v.substring(v.lastIndexOf(' ') + 1);
  }

  /**
   * Whether the database keeps a column's comment ({@code ColumnDefinition#comment}), so that validate
   * compares it with the migrations'. False (SQLite, and a dialect that does not say) leaves comments unchecked.
   */
  default boolean keepsColumnComments() {
    return false;
  }

  /**
   * Whether the database keeps a table's comment ({@code TableDefinition#comment}), so that validate
   * compares it and inspect reads it. False (SQLite, and a dialect that does not say) leaves them unchecked.
   */
  default boolean keepsTableComments() {
    return false;
  }

  /**
   * The live table's comment (JDBC's {@code REMARKS}); null when it has none or the dialect keeps none.
   */
  default String liveTableComment(Connection connection, String table) throws SQLException {
    if (!keepsTableComments()) {
      return null;
    }
    try (java.sql.ResultSet rs = catalog(connection).getTables(currentCatalog(connection), currentSchema(connection),
        table, null)) {
      while (rs.next()) {
        if (table.equals(rs.getString("TABLE_NAME"))) { // the name is a pattern: '_' matches any character
          String remarks = rs.getString("REMARKS");
          return remarks == null || remarks.isEmpty() ? null : remarks;
        }
      }
    }
    return null;
  }

  /**
   * Whether later migrations address primary and foreign keys by their constraint names (DROP
   * CONSTRAINT, RENAME CONSTRAINT). Then validate compares the live names with the migrations'
   * (a hand-written schema has the database's own names, such as PostgreSQL's {@code author_pkey}),
   * and offers {@link #renameConstraint} statements. False where a key change rebuilds the table
   * from its definition and no name is ever looked up (SQLite).
   */
  default boolean addressesKeysByName() {
    return false;
  }

  /** The constraint name the migrations give {@code table}'s primary key. */
  default String primaryKeyConstraint(String table) {
    return Names.constraintName("pk", table, List.of());
  }

  /** The statement that renames a constraint of {@code table} (standard SQL; metadata only where the database allows). */
  default String renameConstraint(String table, String from, String to) {
    return "ALTER TABLE " + quote(table) + " RENAME CONSTRAINT " + quote(from) + " TO " + quote(to);
  }

  /**
   * The statement that gives a check of {@code table} the name the migrations use ({@code to}'s), where the
   * database named it {@code from} ({@code ALTER TABLE … RENAME CONSTRAINT}; a dialect without it drops and adds
   * the check). {@code onColumn}: the check is written on the column {@code from} names (MariaDB's column checks).
   */
  default String renameCheck(io.jmigrate.schema.TableDefinition table, String from, io.jmigrate.schema.CheckDefinition to,
      boolean onColumn) {
    return renameConstraint(table.name(), from, to.name());
  }

  /**
   * The enum types of the current schema by name, each with its labels in their order (PostgreSQL's
   * {@code pg_enum}); empty where the database has none.
   */
  default java.util.Map<String, io.jmigrate.schema.EnumTypeDefinition> liveEnumTypes(Connection connection) throws SQLException {
    return java.util.Map.of();
  }

  /**
   * The application's sequences in the current schema, by name, for {@code validate} (not those a
   * serial or identity column owns): by default from the standard {@code information_schema.sequences}.
   * Null where the database has no sequences and the dialect makes each a one-row table of that
   * name instead (SQLite).
   */
  default java.util.Map<String, SequenceDefinition> liveSequences(Connection connection) throws SQLException {
    java.util.Map<String, SequenceDefinition> live = new java.util.TreeMap<>();
    try (java.sql.PreparedStatement s = connection.prepareStatement("SELECT sequence_name, start_value, increment"
        + " FROM information_schema.sequences WHERE sequence_schema = ?")) {
      s.setString(1, currentSchema(connection));
      try (java.sql.ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          live.put(rs.getString(1), new SequenceDefinition(rs.getString(1), Long.parseLong(rs.getString(2).trim()),
              Long.parseLong(rs.getString(3).trim())));
        }
      }
    }
    return live;
  }

  /** The column type a live column with this catalog type name holds, or null if none. */
  ColumnType liveType(String typeName);

  /**
   * The SQL type this dialect gives {@code column} of {@code table} ({@code VARCHAR(40)}), which
   * validate compares with the live column's length, precision and scale; null when unknown.
   */
  default String columnTypeSql(io.jmigrate.schema.TableDefinition table, io.jmigrate.schema.ColumnDefinition column) {
    return null;
  }

  /**
   * The column type {@link #liveType} reads back for a column made as {@code type}: itself, but
   * where the database has no type of its own for it (a CLOB that is MariaDB's LONGTEXT, text
   * as any other; a CLOB and a BLOB that are both PostgreSQL's oid).
   */
  default ColumnType liveTypeOf(ColumnType type) {
    return type;
  }

  /**
   * How the live table's collation differs from {@code table}'s ({@link TableDefinition#collation()}),
   * as a line of {@code validate}'s report; null when it does not, or where the dialect keeps no
   * per-table collation.
   */
  default String collationDrift(java.sql.Connection connection, io.jmigrate.schema.TableDefinition table)
      throws SQLException {
    return null;
  }

  /**
   * The live table's collation as a model gives it ({@link io.jmigrate.schema.TableDefinition#collation()}):
   * null for jmigrate's exact one or where the dialect keeps no per-table collation, {@code "database"}
   * when it is the database's default, else its name. {@code inspect} reads it.
   */
  default String liveCollation(Connection connection, String table) throws SQLException {
    return null;
  }

  /** As {@link #liveTypeOf(ColumnType)}, for a column whose storage also depends on its flags. */
  default ColumnType liveTypeOf(io.jmigrate.schema.ColumnDefinition column) {
    return liveTypeOf(column.type());
  }

  /**
   * Prepares the session for a migration run and takes the lock that lets one process at a
   * time migrate, where the dialect locks per run. Closing it releases the lock and restores
   * the session; the database releases it too when the session ends, so a killed process
   * never leaves the database locked.
   */
  Session open(Connection connection) throws SQLException;

  /**
   * {@link #open(Connection)}, waiting for the lock as {@code wait} says: how long at most, and
   * logging that it waits and for whom (see {@link LockWait#acquire}). A dialect that locks per
   * transaction waits in {@link #begin} instead, as this run's wait says. By default, as
   * {@link #open(Connection)}, for dialects written before lock waits could be configured.
   */
  default Session open(Connection connection, LockWait wait) throws SQLException {
    return open(connection);
  }

  /**
   * Whether DDL runs inside a transaction that a rollback undoes (SQLite, PostgreSQL). Where it
   * does not (MySQL/MariaDB and H2 commit each DDL statement), the engine cannot roll a failed
   * migration back and instead reverts the steps that already ran, using their reverse operations.
   */
  default boolean transactionalDdl() {
    return true;
  }

  /**
   * Whether {@code op} has an online form here that runs outside the migration's transaction, each
   * of its statements committing by itself, so that no lock that stops writes is held for long
   * (PostgreSQL: {@code CREATE INDEX CONCURRENTLY}, a foreign key or NOT NULL validated after a
   * {@code NOT VALID} constraint). A migration with such steps is split into parts where DDL is
   * transactional, its progress recorded as where DDL commits by itself. An online form reads the
   * catalog and does only what is missing, so that running it again after a crash part way through
   * completes it. {@code atStart} is the schema before the migration: a table it does not have is
   * new, unused, and needs no online form.
   */
  default boolean online(Operation op, Schema before, Schema atStart) {
    return false;
  }

  /**
   * After the online form of {@code op} failed part way (outside a transaction), writes what removes
   * what it left behind (an invalid index, a NOT VALID constraint), so that the schema is
   * {@code before} again.
   */
  default void abandon(Operation op, Schema before, Sink out) throws SQLException {}

  /**
   * Makes each statement on {@code connection} wait at most {@code timeout} for a lock, where the
   * database can (so that DDL queued behind a long query never queues every later query behind
   * itself for longer); closing it restores the setting. Null where there is no such setting.
   */
  default Session limitLockWaits(Connection connection, java.time.Duration timeout) throws SQLException {
    return null;
  }

  /** Whether {@code e} (or what it wraps) is a statement that gave up waiting for a lock ({@link #limitLockWaits}). */
  default boolean lockTimedOut(SQLException e) {
    return false;
  }

  /**
   * What to do about a statement the database refused because of an object the models leave to it (a view or a
   * generated column that reads a column whose type changes), naming that object; null when there is nothing to add.
   * It ends without a period: the caller goes on.
   */
  default String wayForward(SQLException refused) {
    return null;
  }

  /** Starts one migration's transaction (write-locking where the dialect locks that way). */
  void begin(Connection connection) throws SQLException;

  void commit(Connection connection) throws SQLException;

  void rollback(Connection connection) throws SQLException;

  /**
   * Whether {@link #open} holds a lock for the whole run. If not, the lock comes with each
   * migration's transaction, and the engine re-checks the history inside it.
   */
  boolean locksPerRun();

  /**
   * A query of one number that changes whenever another connection commits to the database and stays the same
   * for this connection's own commits (SQLite's {@code PRAGMA data_version}); null (the default) where the
   * database has none. Where the lock comes with each transaction ({@link #locksPerRun} false), a run reads it
   * before it reads the history, and re-checks the history inside a migration's transaction only once the number
   * has changed: while it has not, no other connection can have applied or reverted anything.
   */
  default String dataVersionQuery() {
    return null;
  }

  /**
   * Whether a migration's statements may go to the database as one JDBC batch (one round trip)
   * together with its history row; then {@link #transactionMillisSql} must be given.
   */
  default boolean batchesStatements() {
    return false;
  }

  /** An SQL expression for the milliseconds since the current transaction began. */
  default String transactionMillisSql() {
    throw new UnsupportedOperationException(name() + " does not batch");
  }

  /** Which entry of a failed batch failed (0-based); by default from the update counts. */
  default int failedBatchEntry(BatchUpdateException e) {
    int[] counts = e.getUpdateCounts();
    if (counts == null) {
      return 0;
    }
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == Statement.EXECUTE_FAILED) {
        return i;
      }
    }
    return counts.length;
  }

  /**
   * What a statement about to run will do, measured first where that is cheap and a long wait is
   * likely (SQLite: the rows a table rebuild copies), for the progress log; null when nothing is
   * worth saying. Runs on the migration's connection, inside its transaction.
   */
  default String workAhead(Connection connection, String statement) throws SQLException {
    return null;
  }

  /**
   * The migration session's id for {@link #progress} (PostgreSQL: its backend pid), read once per
   * run before anything runs; null where the database cannot report a statement's progress.
   */
  default String sessionId(Connection connection) throws SQLException {
    return null;
  }

  /**
   * How far the statement that session {@code sessionId} is running has got ("building index:
   * scanning table, 1200 of 44250 blocks"), asked on another connection to the same database while
   * the migration's is busy; null when the database does not say.
   */
  default String progress(Connection observer, String sessionId) throws SQLException {
    return null;
  }

  /** What {@link #open} changed, undone by {@link #close}. */
  interface Session extends AutoCloseable {
    @Override
    void close() throws SQLException;
  }

  /**
   * The dialect for a connection, from its JDBC URL (or else its database product name): the URL names
   * the driver, which says more than the product a compatible server reports (one that speaks
   * PostgreSQL's protocol says it is PostgreSQL).
   */
  static Dialect of(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String product = meta.getDatabaseProductName();
    String url = meta.getURL();
    Dialect d = url == null ? null : Dialects.find(url);
    if (d == null) {
      d = Dialects.find(product);
    }
    if (d == null) {
      throw new UnsupportedDatabaseException(product);
    }
    return d.forConnection(connection);
  }

  /**
   * Whether one of jmigrate's own dialects serves {@code url} by its driver part alone ({@code jdbc:h2:},
   * {@code jdbc:sqlite:}, {@code jdbc:postgresql:}, {@code jdbc:mariadb:}, {@code jdbc:mysql:}), decided with
   * no dialect class loaded. Each of them writes a name as its database folds unquoted ones, so there a
   * lower-case name that is no keyword, written unquoted, finds the table the dialect made (but for an H2
   * history made in lower case before H2's dialect followed the folding, which it does not find). False for
   * any other URL, and for null: then ask {@link #of}.
   */
  static boolean foldsUnquotedNames(String url) {
    return url != null && Dialects.builtInUrl(url);
  }

  /**
   * The names of the dialects on the class path ({@code META-INF/services/io.jmigrate.dialect.Dialect}),
   * in class path order: what {@code -Ajmigrate.dialects} and {@code @DefaultSql} accept.
   */
  static List<String> names() {
    return Dialects.names();
  }

  /** The dialect a name, product name or JDBC URL names: {@code sqlite}, {@code postgresql} ({@code postgres}, {@code pg}), … */
  static Dialect named(String name) {
    Dialect d = Dialects.find(name);
    if (d == null) {
      throw new UnsupportedDatabaseException(name);
    }
    return d;
  }
}
