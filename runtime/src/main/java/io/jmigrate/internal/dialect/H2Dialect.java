package io.jmigrate.internal.dialect;

import io.jmigrate.dialect.LockWait;
import io.jmigrate.dialect.Sink;
import io.jmigrate.dialect.SqlDialect;
import io.jmigrate.migration.Operations.AddForeignKey;
import io.jmigrate.migration.Operations.AddIndex;
import io.jmigrate.migration.Operations.AlterColumn;
import io.jmigrate.migration.Operations.DropForeignKey;
import io.jmigrate.migration.Operations.DropIndex;
import io.jmigrate.migration.Operations.RenameIndex;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.schema.ForeignKeyDefinition;
import io.jmigrate.schema.IndexDefinition;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.TableDefinition;
import java.lang.System.Logger.Level;
import io.jmigrate.dialect.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * H2 2.x, embedded ({@code jdbc:h2:file:…}, {@code jdbc:h2:~/…}) and in memory ({@code jdbc:h2:mem:…}).
 *
 * <p><b>Names.</b> jmigrate quotes every name, and writes it as the database folds unquoted names,
 * so that the application's own unquoted SQL and Hibernate find the tables: by default H2 folds to
 * upper case ({@code "BOOK"}, {@code "TITLE"}: Spring Boot's embedded test database is such), with
 * {@code DATABASE_TO_LOWER=TRUE} to lower case ({@code "book"}). {@link #forConnection} reads which
 * from the connection; the upper-case variant folds only the models' lower-case names (a name with
 * capitals of its own is kept) and reads the catalog through {@link H2UpperCaseCatalog}, so the
 * engine still sees the models' names. A database that jmigrate migrated before it followed the
 * folding (a lower-case {@code "jmigrate_history"} in an upper-folding database) keeps lower-case
 * names, and {@link #open} says once that unquoted SQL does not find them. The history's columns
 * are written unquoted in every statement (they fold alike wherever they are used), and
 * INFORMATION_SCHEMA is named unquoted.
 *
 * <p><b>DDL is not transactional.</b> Measured on 2.3.232: every DDL statement commits the open
 * transaction (rows inserted before a CREATE TABLE stay after a ROLLBACK, and so does the table).
 *
 * <p><b>Lock.</b> H2 has no advisory lock, and a row lock would not last: the first DDL statement of
 * a migration commits and releases it. An embedded database is open in one JVM at a time (H2 locks
 * its file; an in-memory database lives in its JVM), so a lock in this JVM per database serialises
 * every run that can reach it, and it dies with the process. Several processes sharing one H2
 * server ({@code jdbc:h2:tcp:}, {@code AUTO_SERVER=TRUE}) are not serialised: let one of them migrate.
 */
public class H2Dialect extends SqlDialect {
  private static final Map<String, RunLock> LOCKS = new ConcurrentHashMap<>();
  private static final Set<String> TOLD = ConcurrentHashMap.newKeySet();
  private static final H2Dialect UPPER_CASE = new H2Dialect(true);
  private static final H2Dialect LOWER_CASE = new H2Dialect(false);

  /** Whether names are written as H2 folds unquoted ones by default: upper case. */
  private final boolean upperCase;

  /** Names as written (lower case): a database with DATABASE_TO_LOWER, or no database (previews). */
  public H2Dialect() {
    this(false);
  }

  /** For {@link #withUpperCase}: names in upper case (H2's default folding) or as written. */
  protected H2Dialect(boolean upperCase) {
    super("DOUBLE PRECISION", "NUMERIC", "VARBINARY", "TRUE", "FALSE");
    this.upperCase = upperCase;
  }

  /**
   * This dialect with names in upper case or as written, as {@link #forConnection} needs it. A
   * subclass returns an instance of itself made with {@link #H2Dialect(boolean)}, so that its name
   * and overrides hold on every connection; one that does not is told so on the first connection
   * that folds differently, rather than silently becoming the built-in dialect.
   */
  protected H2Dialect withUpperCase(boolean upperCase) {
    if (getClass() != H2Dialect.class) {
      throw new UnsupportedOperationException(getClass().getName()
          + " extends H2Dialect: override withUpperCase(boolean) to return an instance of your class, made with super(upperCase)");
    }
    return upperCase ? UPPER_CASE : LOWER_CASE;
  }

  /**
   * The variant for the connection's identifier folding: upper case where H2 stores unquoted names
   * in upper case ({@link DatabaseMetaData#storesUpperCaseIdentifiers()}), unless jmigrate made this
   * database's history in lower case before it followed the folding.
   */
  @Override
  public Dialect forConnection(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    if (!"h2".equalsIgnoreCase(meta.getDatabaseProductName())) { // not accepts(): a subclass answers its own name
      return this;
    }
    boolean upper = meta.storesUpperCaseIdentifiers() && !hasLowerCaseHistory(connection);
    return upper == upperCase ? this : withUpperCase(upper);
  }

  private static boolean hasLowerCaseHistory(Connection connection) throws SQLException {
    try (ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), "jmigrate_history", null)) {
      while (rs.next()) {
        if ("jmigrate_history".equals(rs.getString("TABLE_NAME"))) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public DatabaseMetaData catalog(Connection connection) throws SQLException {
    return upperCase ? H2UpperCaseCatalog.of(connection.getMetaData()) : connection.getMetaData();
  }

  /** A lower-case name as H2 folds it, in the upper-case variant; quoted, so keywords stay names. */
  @Override
  protected String q(String identifier) {
    return super.q(folded(identifier));
  }

  private String folded(String name) {
    return upperCase ? H2UpperCaseCatalog.stored(name) : name;
  }

  @Override
  public String name() {
    return "h2";
  }

  @Override
  public io.jmigrate.dialect.LiveCatalog liveCatalog() {
    return new H2Catalog();
  }

  @Override
  public boolean accepts(String productNameOrUrl) {
    String n = productNameOrUrl.toLowerCase(Locale.ROOT);
    return n.equals("h2") || n.startsWith("jdbc:h2:");
  }

  @Override
  public boolean transactionalDdl() {
    return false;
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

  /** H2 names a check written without a name CONSTRAINT_<hex>, which the live catalog gives in lower case. */
  @Override
  public String renameCheck(io.jmigrate.schema.TableDefinition table, String from, io.jmigrate.schema.CheckDefinition to,
      boolean onColumn) {
    String live = from.matches("constraint_[0-9a-f]+") ? from.toUpperCase(java.util.Locale.ROOT) : from;
    return renameConstraint(table.name(), live, to.name());
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
   * Text without a length is {@code VARCHAR} (up to 10^9 characters, and unlike {@code CLOB} it
   * compares, indexes and takes a default); a decimal without precision is {@code DECFLOAT}, as H2's
   * bare {@code NUMERIC} has scale 0 and would round every fraction away.
   */
  @Override
  protected String type(ColumnDefinition c) {
    switch (c.type()) {
      case STRING:
        return c.length() > 0 ? "VARCHAR(" + c.length() + ")" : "VARCHAR";
      case DECIMAL:
        return c.precision() > 0 ? super.type(c) : "DECFLOAT";
      case TIMESTAMP_TZ:
        return "TIMESTAMP WITH TIME ZONE";
      default:
        return super.type(c);
    }
  }

  /** The fit check's numbers through {@code DECFLOAT}: {@code CAST(x AS NUMERIC)} is scale 0 in H2. */
  @Override
  protected String doesNotFit(String col, ColumnDefinition old, ColumnDefinition next) {
    String condition = super.doesNotFit(col, old, next);
    return condition == null ? null
        : condition.replace("CAST(" + col + " AS NUMERIC)", "CAST(" + col + " AS DECFLOAT)");
  }

  /** The type names H2 2.x reports (INFORMATION_SCHEMA.COLUMNS.DATA_TYPE, JDBC TYPE_NAME). */
  private static final Map<String, ColumnType> LIVE_TYPES = Map.ofEntries(
      Map.entry("INTEGER", ColumnType.INTEGER), Map.entry("BIGINT", ColumnType.BIGINT),
      Map.entry("SMALLINT", ColumnType.SMALLINT), Map.entry("BOOLEAN", ColumnType.BOOLEAN),
      Map.entry("DOUBLE PRECISION", ColumnType.DOUBLE), Map.entry("REAL", ColumnType.REAL),
      Map.entry("NUMERIC", ColumnType.DECIMAL), Map.entry("DECFLOAT", ColumnType.DECIMAL),
      Map.entry("CHARACTER VARYING", ColumnType.STRING), Map.entry("CHARACTER LARGE OBJECT", ColumnType.STRING),
      Map.entry("DATE", ColumnType.DATE), Map.entry("TIME", ColumnType.TIME),
      Map.entry("TIMESTAMP", ColumnType.TIMESTAMP), Map.entry("TIMESTAMP WITH TIME ZONE", ColumnType.TIMESTAMP_TZ),
      Map.entry("UUID", ColumnType.UUID), Map.entry("BINARY VARYING", ColumnType.BINARY),
      Map.entry("BINARY LARGE OBJECT", ColumnType.BINARY), Map.entry("CHARACTER", ColumnType.CHAR),
      Map.entry("JSON", ColumnType.JSON));

  @Override
  public ColumnType liveType(String typeName) {
    if (typeName != null && typeName.toUpperCase(Locale.ROOT).endsWith(" ARRAY")) {
      // "CHARACTER VARYING(20) ARRAY": the element's type, with its length
      ColumnType element = liveType(typeName.substring(0, typeName.length() - 6).replaceAll("\\(.*\\)", "").trim());
      return element == ColumnType.STRING ? ColumnType.STRING_ARRAY : element == ColumnType.INTEGER
          ? ColumnType.INTEGER_ARRAY : element == ColumnType.BIGINT ? ColumnType.BIGINT_ARRAY : null;
    }
    return typeName == null ? null : LIVE_TYPES.get(typeName.toUpperCase(Locale.ROOT));
  }

  /** CLOB (and long text, a CLOB here) and BLOB read back as the text and bytes H2 also reports under those names. */
  @Override
  public ColumnType liveTypeOf(ColumnType type) {
    return type == ColumnType.CLOB || type == ColumnType.LONG_TEXT ? ColumnType.STRING : type == ColumnType.BLOB ? ColumnType.BINARY : type;
  }

  /** H2 has no collation per column. */
  @Override
  public io.jmigrate.dialect.BuildRules buildRules() {
    return new io.jmigrate.dialect.BuildRules() {
      @Override
      public String databases() {
        return "H2";
      }

      @Override
      public boolean hasColumnCollations() {
        return false;
      }
    };
  }

  /** H2's order: type, then identity or default, then NOT NULL. */
  @Override
  protected String columnDefinition(TableDefinition table, ColumnDefinition c) {
    String generation = c.generated() ? " GENERATED BY DEFAULT AS IDENTITY"
        : c.computed() ? " GENERATED ALWAYS AS (" + c.generatedAs() + ")" : defaultClause(c); // H2 decides its storage
    return q(c.name()) + " " + type(c) + collateClause(c) + generation + (c.nullable() ? "" : " NOT NULL");
  }

  /**
   * H2 has no collation per column (only the database's, {@code SET COLLATION}), and refuses {@code COLLATE} in a
   * column's definition: a column with one is refused here, naming it; the build refuses it when h2 is a target dialect.
   */
  @Override
  protected String collateClause(ColumnDefinition c) {
    if (c.collation() != null) {
      throw new UnsupportedOperationException("column " + c.name() + " has the collation " + c.collation()
          + ", and H2 has no collation per column (only the database's, SET COLLATION). Give the column no collation"
          + " for H2, or run these migrations on a database that has one (PostgreSQL, MariaDB/MySQL, SQLite)");
    }
    return "";
  }

  /**
   * Native forms, one property at a time: identity, default, {@code SET DATA TYPE} (H2 converts the
   * values and keeps the rest of the column), nullability with a backfill from the default.
   */
  @Override
  protected void alterColumn(AlterColumn op, Schema before, Sink out) throws SQLException {
    ColumnDefinition old = before.table(op.table()).column(op.column().name()).orElseThrow();
    ColumnDefinition c = op.column();
    String alter = "ALTER TABLE " + q(op.table()) + " ALTER COLUMN " + q(c.name());
    boolean typeChanged = !type(old).equals(type(c));
    boolean defaultChanged = !defaultClause(old).equals(defaultClause(c));
    if (old.generated() && !c.generated()) {
      out.execute(alter + " DROP IDENTITY");
    }
    if (old.hasDefault() && (defaultChanged || typeChanged)) {
      out.execute(alter + " DROP DEFAULT");
    }
    if (typeChanged || !java.util.Objects.equals(old.collation(), c.collation())) {
      out.execute(alter + " SET DATA TYPE " + type(c) + collateClause(c));
    }
    if (c.hasDefault() && (defaultChanged || typeChanged)) {
      out.execute(alter + " SET" + defaultClause(c));
    }
    if (old.nullable() && !c.nullable()) {
      fillNullsWithDefault(op.table(), c, out);
      out.execute(alter + " SET NOT NULL");
    } else if (!old.nullable() && c.nullable()) {
      out.execute(alter + " DROP NOT NULL");
    }
    if (!old.generated() && c.generated()) {
      out.execute(alter + " SET GENERATED BY DEFAULT");
    }
    if (!java.util.Objects.equals(old.comment(), c.comment())) {
      out.execute(commentOn(op.table(), c));
    }
  }

  /*
   * Unique indexes. H2 lets a foreign key reference only columns with a PRIMARY KEY or UNIQUE
   * constraint; a unique index is not enough. So each unique index gets a UNIQUE constraint of the
   * same name over the same columns, which H2 builds on the index (no second index): the index keeps
   * its name for validate, and a foreign key may reference it as on PostgreSQL and SQLite.
   */

  @Override
  protected List<String> createTable(TableDefinition t) {
    List<String> out = new ArrayList<>(super.createTable(t));
    for (IndexDefinition i : t.indexes()) {
      if (i.unique()) {
        out.add(uniqueConstraint(t.name(), i));
      }
    }
    return out;
  }

  @Override
  protected void addIndex(AddIndex op, Schema before, Sink out) throws SQLException {
    super.addIndex(op, before, out);
    if (op.index().unique()) {
      out.execute(uniqueConstraint(op.table(), op.index()));
    }
  }

  @Override
  protected void dropIndex(DropIndex op, Schema before, Sink out) throws SQLException {
    boolean unique = before.has(op.table())
        && before.table(op.table()).findIndex(op.index()).map(IndexDefinition::unique).orElse(false);
    if (unique) {
      out.execute("ALTER TABLE " + q(op.table()) + " DROP CONSTRAINT IF EXISTS " + q(op.index()));
    }
    // A foreign key added after an index on its columns adopts that index instead of making its own,
    // and H2 then refuses to drop the index. Such keys are dropped first and added again after it,
    // when H2 gives them an index of their own. Which keys adopted it depends on the order they were
    // made in, so the live catalog says (a preview without a database shows the read).
    List<ForeignKeyDefinition> adopters = new ArrayList<>();
    if (before.has(op.table())) {
      for (String name : out.read("SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
          + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND upper(CONSTRAINT_TYPE) = 'FOREIGN KEY' AND INDEX_NAME = ?"
          + " ORDER BY CONSTRAINT_NAME", folded(op.index()))) {
        for (ForeignKeyDefinition f : before.table(op.table()).foreignKeys()) {
          if (folded(f.name()).equals(name)) {
            adopters.add(f);
            out.execute("ALTER TABLE " + q(op.table()) + " DROP CONSTRAINT " + q(f.name()));
          }
        }
      }
    }
    super.dropIndex(op, before, out);
    for (ForeignKeyDefinition f : adopters) {
      out.execute("ALTER TABLE " + q(op.table()) + " ADD " + foreignKeyClause(f));
    }
  }

  /** A unique index's UNIQUE constraint of the same name is renamed with it (both in place). */
  @Override
  protected void renameIndex(RenameIndex op, Schema before, Sink out) throws SQLException {
    if (before.table(op.table()).findIndex(op.from()).map(IndexDefinition::unique).orElse(false)) {
      out.execute("ALTER TABLE " + q(op.table()) + " RENAME CONSTRAINT " + q(op.from()) + " TO " + q(op.to()));
    }
    super.renameIndex(op, before, out);
  }

  private String uniqueConstraint(String table, IndexDefinition i) {
    return "ALTER TABLE " + q(table) + " ADD CONSTRAINT " + q(i.name()) + " UNIQUE (" + list(i.columns()) + ")";
  }

  @Override
  protected void addForeignKey(AddForeignKey op, Schema before, Sink out) throws SQLException {
    out.execute("ALTER TABLE " + q(op.table()) + " ADD " + foreignKeyClause(op.foreignKey()));
  }

  @Override
  protected void dropForeignKey(DropForeignKey op, Schema before, Sink out) throws SQLException {
    out.execute("ALTER TABLE " + q(op.table()) + " DROP CONSTRAINT " + q(op.foreignKey()));
  }

  /** Columns unquoted, as the engine names them in every statement: they fold alike everywhere. */
  @Override
  public String createHistoryTable(String table) {
    return "CREATE TABLE IF NOT EXISTS " + q(table) + " (\n"
        + "  version INTEGER PRIMARY KEY,\n"
        + "  description VARCHAR NOT NULL,\n"
        + "  checksum INTEGER NOT NULL,\n"
        + "  applied_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,\n"
        + "  execution_ms BIGINT NOT NULL,\n"
        + "  success BOOLEAN NOT NULL,\n"
        // Made with the progress columns: adding them later is an ALTER that H2 runs by copying the table,
        // which a concurrent reader of the history outside the run lock can trip over.
        + "  steps_done INTEGER,\n"
        + "  step_started INTEGER\n"
        + ")";
  }

  @Override
  public boolean locksPerRun() {
    return true;
  }

  @Override
  public Session open(Connection connection) throws SQLException {
    return open(connection, LockWait.defaults());
  }

  /**
   * Takes this JVM's lock for the connection's database (see the class comment for why that
   * suffices), waiting as {@code wait} says (by default until it is free) and naming the thread
   * that holds it.
   */
  @Override
  public Session open(Connection connection, LockWait wait) throws SQLException {
    String database = database(connection);
    RunLock lock = LOCKS.computeIfAbsent(database, k -> new RunLock());
    wait.acquire("jmigrate's lock in this JVM for the H2 database " + database, null, upTo -> {
      try {
        return lock.tryLock(upTo.toNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while waiting for the H2 run lock", e);
      }
    }, lock::holder);
    try {
      tellAboutCaseFolding(connection, database);
    } catch (SQLException | RuntimeException e) {
      lock.unlock();
      throw e;
    }
    return lock::unlock;
  }

  /** A lock that says which thread holds it. */
  private static final class RunLock extends ReentrantLock {
    String holder() {
      Thread owner = getOwner();
      return owner == null ? null : "thread \"" + owner.getName() + "\" of this JVM";
    }
  }

  /** The database's identity: its file's absolute path, or for an in-memory database its name. */
  private static String database(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT DATABASE_PATH(), DATABASE()")) {
      rs.next();
      String path = rs.getString(1);
      return path != null ? "file:" + path : "mem:" + rs.getString(2);
    }
  }

  /**
   * Once per database: in a database whose lower-case names jmigrate made before it followed H2's
   * folding, an application's unquoted SQL does not find jmigrate's tables without DATABASE_TO_LOWER.
   */
  private void tellAboutCaseFolding(Connection connection, String database) throws SQLException {
    if (upperCase || TOLD.contains(database)) {
      return;
    }
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
            + " WHERE SETTING_NAME = 'DATABASE_TO_LOWER'")) {
      if (rs.next() && !Boolean.parseBoolean(rs.getString(1))) {
        System.getLogger("io.jmigrate").log(Level.INFO, "H2 folds unquoted names to upper case in " + database
            + ", and jmigrate made this database's tables and columns with lower-case names (before it followed"
            + " H2's folding; a new database gets upper-case names): SQL that names them unquoted finds them only"
            + " with ;DATABASE_TO_LOWER=TRUE in the JDBC URL (see H2 in docs/databases.md)");
      }
    }
    TOLD.add(database);
  }

  // ---- sequences: H2 cannot rename one ----

  /**
   * H2 has no {@code ALTER SEQUENCE … RENAME}: the new sequence is created where the old one stands
   * (its next value read from the catalog; a preview without a database shows the start) and the
   * old one dropped, in the migration's run.
   */
  @Override
  protected void renameSequence(io.jmigrate.migration.Operations.RenameSequence op, Schema before, Sink out)
      throws SQLException {
    io.jmigrate.schema.SequenceDefinition q = before.sequence(op.from());
    List<String> next = out.read("SELECT CAST(BASE_VALUE AS VARCHAR) FROM INFORMATION_SCHEMA.SEQUENCES"
        + " WHERE SEQUENCE_SCHEMA = CURRENT_SCHEMA AND SEQUENCE_NAME = ?", op.from());
    out.execute("CREATE SEQUENCE " + q(op.to()) + " START WITH " + q.start() + " INCREMENT BY " + q.increment());
    if (!next.isEmpty() && Long.parseLong(next.get(0)) != q.start()) {
      out.execute("ALTER SEQUENCE " + q(op.to()) + " RESTART WITH " + next.get(0));
    }
    out.execute("DROP SEQUENCE " + q(op.from()));
  }

  /** Without the sequences H2 makes for identity columns. */
  @Override
  public java.util.Map<String, io.jmigrate.schema.SequenceDefinition> liveSequences(java.sql.Connection connection)
      throws SQLException {
    java.util.Map<String, io.jmigrate.schema.SequenceDefinition> live = super.liveSequences(connection);
    live.keySet().removeIf(name -> name.toUpperCase(java.util.Locale.ROOT).startsWith("SYSTEM_SEQUENCE_"));
    return live;
  }
}
