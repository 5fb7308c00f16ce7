package io.jmigrate.internal.dialect;

import io.jmigrate.dialect.LockWait;
import io.jmigrate.dialect.Sink;
import io.jmigrate.dialect.SqlDialect;
import io.jmigrate.migration.Operation;
import io.jmigrate.migration.Operations.AddColumn;
import io.jmigrate.migration.Operations.AddForeignKey;
import io.jmigrate.migration.Operations.AddIndex;
import io.jmigrate.migration.Operations.AlterCollation;
import io.jmigrate.migration.Operations.AlterColumn;
import io.jmigrate.migration.Operations.DropColumn;
import io.jmigrate.migration.Operations.DropForeignKey;
import io.jmigrate.migration.Operations.DropIndex;
import io.jmigrate.migration.Operations.RenameIndex;
import io.jmigrate.migration.Operations.RenameTable;
import io.jmigrate.migration.Operations.SetPrimaryKey;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.schema.ForeignKeyDefinition;
import io.jmigrate.schema.IndexDefinition;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.TableDefinition;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MariaDB and MySQL: native ALTERs (MODIFY COLUMN, RENAME COLUMN, DROP/ADD PRIMARY KEY, DROP
 * FOREIGN KEY), InnoDB tables in utf8mb4 with exact (binary) comparison, as PostgreSQL and SQLite
 * compare. Every DDL statement commits by itself ({@link #transactionalDdl} is false): the engine
 * reverts the steps of a failed migration instead of rolling back. A run holds {@code GET_LOCK},
 * which the server releases by itself when the session ends.
 *
 * <p>Types: an unbounded string is {@code TEXT}, except while it is in a primary key, a foreign
 * key or an index, which TEXT cannot be without a prefix length: there it is {@code VARCHAR(255)}
 * (a key change converts it, and fails if a value is longer). {@code TIMESTAMP} is
 * {@code DATETIME(6)} (no time zone, as everywhere); {@code TIMESTAMP_TZ} is {@code TIMESTAMP(6)},
 * stored in UTC and shown in the session's time zone (1970–2038 only), except a JPA column
 * ({@link ColumnDefinition#utcDatetime()}), which is {@code DATETIME(6)} as Hibernate makes it. UUIDs are {@code CHAR(36)},
 * which MySQL and every MariaDB version read alike.
 */
public class MariaDbDialect extends SqlDialect {
  private static final String TABLE_OPTIONS = " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";

  private static final MariaDbDialect ESCAPING = new MariaDbDialect(true);
  private static final MariaDbDialect AS_WRITTEN = new MariaDbDialect(false);

  /** Whether a backslash in a literal is an escape; null: as the session's sql_mode says. */
  private final Boolean backslashEscapes;

  public MariaDbDialect() {
    this(null);
  }

  /** For {@link #withBackslashEscapes}: literals for a session where a backslash is an escape, or not. */
  protected MariaDbDialect(boolean backslashEscapes) {
    this(Boolean.valueOf(backslashEscapes));
  }

  private MariaDbDialect(Boolean backslashEscapes) {
    super("DOUBLE", "DECIMAL", "LONGBLOB", "TRUE", "FALSE");
    this.backslashEscapes = backslashEscapes;
  }

  /**
   * This dialect for a session that reads backslashes as escapes or as written, as
   * {@link #forSession} needs it. A subclass returns an instance of itself made with
   * {@link #MariaDbDialect(boolean)}, so that its overrides write every statement; one that does
   * not is told so at its first statement, rather than silently becoming the built-in dialect.
   */
  protected MariaDbDialect withBackslashEscapes(boolean backslashEscapes) {
    if (getClass() != MariaDbDialect.class) {
      throw new UnsupportedOperationException(getClass().getName() + " extends MariaDbDialect: override"
          + " withBackslashEscapes(boolean) to return an instance of your class, made with super(backslashEscapes)");
    }
    return backslashEscapes ? ESCAPING : AS_WRITTEN;
  }

  @Override
  public String name() {
    return "mariadb";
  }

  @Override
  public io.jmigrate.dialect.BuildRules buildRules() {
    return new MariaDbBuildRules();
  }

  @Override
  public io.jmigrate.dialect.LiveCatalog liveCatalog() {
    return new MariaDbCatalog(this);
  }

  @Override
  public boolean accepts(String productNameOrUrl) {
    String n = databaseKind(productNameOrUrl);
    return n.contains("mariadb") || n.contains("mysql");
  }

  @Override
  protected String q(String identifier) {
    return '`' + identifier.replace("`", "``") + '`';
  }

  /**
   * MariaDB renames no check: the check goes and comes back under the migrations' name, in one statement (the rows
   * are checked again). A check written on its column is part of the column's definition: the column is restated
   * without it ({@code MODIFY COLUMN}, as the migrations define it).
   */
  @Override
  public String renameCheck(TableDefinition table, String from, io.jmigrate.schema.CheckDefinition to, boolean onColumn) {
    ColumnDefinition column = onColumn
        ? table.columns().stream().filter(c -> c.name().equalsIgnoreCase(from)).findFirst().orElse(null) : null;
    return "ALTER TABLE " + q(table.name()) + (column != null ? " MODIFY COLUMN " + columnDefinition(table, column)
        : " DROP CONSTRAINT " + q(from)) + ", ADD " + checkClause(to);
  }

  /** The drivers call a database a catalog; the application's tables are the current one's. */
  @Override
  public String currentCatalog(Connection connection) throws SQLException {
    return connection.getCatalog();
  }

  @Override
  public String currentSchema(Connection connection) {
    return null;
  }

  @Override
  public boolean transactionalDdl() {
    return false;
  }

  @Override
  protected String type(ColumnDefinition c) {
    switch (c.type()) {
      case INTEGER:
        return "INT";
      case REAL:
        return "FLOAT";
      case DECIMAL:
        return c.precision() > 0 ? "DECIMAL(" + c.precision() + "," + c.scale() + ")" : "DECIMAL(65,30)";
      case STRING:
        return c.length() > 0 ? "VARCHAR(" + c.length() + ")" : "TEXT";
      case TIMESTAMP:
        return "DATETIME(6)";
      case TIMESTAMP_TZ:
        // A JPA column follows Hibernate: DATETIME(6) holds UTC instants past 2038.
        return c.utcDatetime() ? "DATETIME(6)" : "TIMESTAMP(6)";
      case TIME:
        return "TIME(6)";
      case UUID:
        return "CHAR(36)";
      case STRING_ARRAY:
      case INTEGER_ARRAY:
      case BIGINT_ARRAY:
        return "JSON"; // no array type: a JSON array, as Hibernate stores one here
      case CHAR:
        // MariaDB's CHAR drops trailing spaces when read; Hibernate makes a VARCHAR(n) for CHAR(n) here too.
        return "VARCHAR(" + Math.max(c.length(), 1) + ")";
      case CLOB:
      case LONG_TEXT:
        return lobType(c.length()) + "TEXT";
      case BLOB:
        return lobType(c.length()) + "BLOB";
      default:
        return super.type(c);
    }
  }

  /**
   * A text literal for the session's sql_mode: a backslash is an escape unless the mode has
   * NO_BACKSLASH_ESCAPES ({@code 'C:\'} would not even end), so it is doubled unless the session
   * reads it as itself ({@link #forSession}). (The server-side alternative, a hex string with the
   * utf8mb4 introducer, is printed back unescaped into a TEXT column's default and then fails to parse.)
   */
  @Override
  protected String literal(ColumnDefinition c, String value) {
    String quoted = super.literal(c, value);
    return !Boolean.FALSE.equals(backslashEscapes) && quoted.startsWith("'") ? quoted.replace("\\", "\\\\") : quoted;
  }

  /**
   * This dialect as the session reads backslashes: an operation whose statements are the same
   * either way (no literal holds one) is written without asking; otherwise {@code @@sql_mode} is
   * read (a preview without a database assumes the server's default, backslash escapes, and says
   * that it would read it).
   */
  @Override
  protected SqlDialect forSession(Operation op, Schema before, Sink out) throws SQLException {
    if (backslashEscapes != null) {
      return this;
    }
    MariaDbDialect escaping = withBackslashEscapes(true);
    MariaDbDialect asWritten = withBackslashEscapes(false);
    if (escaping.statements(op, before).equals(asWritten.statements(op, before))) {
      return escaping;
    }
    return out.read("SELECT 'as written' FROM DUAL WHERE FIND_IN_SET(?, @@SESSION.sql_mode) > 0", "NO_BACKSLASH_ESCAPES")
        .isEmpty() ? escaping : asWritten;
  }

  /** Hibernate's choice by capacity: TINY up to 255, plain up to 65535, MEDIUM up to 16777215, else (or unsized) LONG. */
  private static String lobType(int length) {
    return length == 0 || length > 16_777_215 ? "LONG" : length <= 255 ? "TINY" : length <= 65_535 ? "" : "MEDIUM";
  }

  @Override
  public boolean keepsColumnComments() {
    return true;
  }

  @Override
  public boolean keepsTableComments() {
    return true;
  }

  @Override
  public io.jmigrate.dialect.Costs costs() {
    return new MariaDbCosts(this);
  }

  @Override
  public String columnTypeSql(TableDefinition table, ColumnDefinition column) {
    return type(table, column);
  }

  /** The type of {@code c} in {@code table}: a key or indexed column cannot be TEXT. */
  private String type(TableDefinition table, ColumnDefinition c) {
    if (c.type() == ColumnType.STRING && c.length() == 0 && keyColumn(table, c.name())) {
      return "VARCHAR(255)";
    }
    return type(c);
  }

  static boolean keyColumn(TableDefinition table, String column) {
    if (table == null) {
      return false;
    }
    if (table.primaryKey().contains(column)) {
      return true;
    }
    for (ForeignKeyDefinition f : table.foreignKeys()) {
      if (f.columns().contains(column)) {
        return true;
      }
    }
    for (IndexDefinition i : table.indexes()) {
      if (i.columns().contains(column)) {
        return true;
      }
    }
    return false;
  }

  /** A key change in one table: the unbounded strings it keys become VARCHAR first, those it frees TEXT after. */
  private void keyChange(TableDefinition from, TableDefinition to, Sink out, String statement) throws SQLException {
    retype(from, to, out, true);
    out.execute(statement);
    retype(from, to, out, false);
  }

  private void retype(TableDefinition from, TableDefinition to, Sink out, boolean keyed) throws SQLException {
    for (ColumnDefinition c : to.columns()) {
      if (c.type() == ColumnType.STRING && c.length() == 0 && from.column(c.name()).isPresent()
          && keyColumn(from, c.name()) != keyed && keyColumn(to, c.name()) == keyed) {
        out.execute("ALTER TABLE " + q(to.name()) + " MODIFY COLUMN " + columnDefinition(to, c));
      }
    }
  }

  @Override
  protected String columnDefinition(TableDefinition table, ColumnDefinition c) {
    String comment = c.comment() == null ? "" : " COMMENT " + literal(ColumnDefinition.of(c.name(), ColumnType.STRING), c.comment());
    if (c.computed()) { // no NULL/NOT NULL nor default on a generated column here
      return q(c.name()) + " " + type(table, c) + collateClause(c) + " AS (" + c.generatedAs() + ")" + (c.stored() ? " STORED" : " VIRTUAL")
          + comment;
    }
    String identity = c.generated() ? " AUTO_INCREMENT" : "";
    return q(c.name()) + " " + type(table, c) + collateClause(c) + (c.nullable() ? " NULL" : " NOT NULL") + identity
        + defaultClause(c)
        + (c.comment() == null ? "" : " COMMENT " + literal(ColumnDefinition.of(c.name(), ColumnType.STRING), c.comment()));
  }

  /** The comment is part of the column's definition, which {@code MODIFY COLUMN} restates. */
  @Override
  protected String commentOn(String table, ColumnDefinition c) {
    return null;
  }

  /**
   * One statement with the indexes inside: DDL commits statement by statement here, and a table
   * whose index failed must not be left behind half made.
   */
  @Override
  protected String createTableStatement(String quotedName, TableDefinition t) {
    String statement = super.createTableStatement(quotedName, t);
    StringBuilder indexes = new StringBuilder();
    for (IndexDefinition i : t.indexes()) {
      indexes.append(",\n  ").append(i.unique() ? "UNIQUE KEY " : "KEY ").append(q(i.name()))
          .append(" (").append(list(i.columns())).append(')');
    }
    for (ForeignKeyDefinition f : t.foreignKeys()) {
      if (!covered(t, f.columns())) {
        indexes.append(",\n  KEY ").append(q(f.name())).append(" (").append(list(f.columns())).append(')');
      }
    }
    return statement.substring(0, statement.length() - 2) + indexes + "\n)" + tableOptions(t);
  }

  /**
   * The table's options: jmigrate's exact comparison as before; with the database's collation, no
   * character set or collation at all, as Hibernate's {@code create table … engine=InnoDB}; else the
   * named collation (its character set follows from it).
   */
  private String tableOptions(TableDefinition t) {
    String comment = t.comment() == null ? "" : " COMMENT=" + quoteString(t.comment());
    if (t.collation() == null) {
      return TABLE_OPTIONS + comment;
    }
    return (t.collation().equals(TableDefinition.DATABASE_COLLATION) ? " ENGINE=InnoDB"
        : " ENGINE=InnoDB COLLATE=" + t.collation()) + comment;
  }

  /** The comment is a table option, given in {@code CREATE TABLE} and changed by {@code ALTER TABLE}. */
  @Override
  protected String tableCommentOn(String table, String comment) {
    return "ALTER TABLE " + q(table) + " COMMENT = " + quoteString(comment == null ? "" : comment);
  }

  // ---- a table's collation ----

  @Override
  public String liveCollation(Connection connection, String table) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT TABLE_COLLATION, @@collation_database"
        + " FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getString(1) == null || rs.getString(1).equalsIgnoreCase(TableDefinition.EXACT_COLLATION)) {
          return null;
        }
        return rs.getString(1).equalsIgnoreCase(rs.getString(2)) ? TableDefinition.DATABASE_COLLATION : rs.getString(1);
      }
    }
  }

  /** information_schema.TABLES.TABLE_COLLATION against the table's, the database's default for {@code database}. */
  @Override
  public String collationDrift(Connection connection, TableDefinition t) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT TABLE_COLLATION, @@collation_database"
        + " FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
      ps.setString(1, t.name());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getString(1) == null) {
          return null;
        }
        String live = rs.getString(1);
        boolean byDatabase = TableDefinition.DATABASE_COLLATION.equals(t.collation());
        String expected = byDatabase ? rs.getString(2) : t.collationShown();
        return live.equalsIgnoreCase(expected) ? null : "table " + t.name() + " has the collation " + live
            + " but the migrations make it " + expected + (byDatabase ? " (the database's default)" : "");
      }
    }
  }

  /**
   * {@code ALTER TABLE … CONVERT TO CHARACTER SET … COLLATE …}: the table's default and every text
   * column change, and the table is copied. The database's collation and a named collation's
   * character set are read from the server (a preview without one shows placeholders). A unique
   * key over text that would hold two values the new collation calls equal ('Alice' and 'alice')
   * fails the step before the table is touched, naming them.
   */
  @Override
  protected void alterCollation(AlterCollation op, Schema before, Sink out) throws SQLException {
    String[] target = collationOf(op, out);
    caseDuplicates(before.table(op.table()), target[1], out);
    out.execute("ALTER TABLE " + q(op.table()) + " CONVERT TO CHARACTER SET " + target[0] + " COLLATE " + target[1]);
    // CONVERT gives every text column the table's collation: a column with one of its own gets it back.
    TableDefinition t = before.table(op.table()).collation(op.collation());
    for (ColumnDefinition c : t.columns()) {
      if (c.collation() != null && !c.collation().equalsIgnoreCase(target[1])) {
        out.execute("ALTER TABLE " + q(op.table()) + " MODIFY COLUMN " + columnDefinition(t, c));
      }
    }
  }

  /** A column's collation is part of its definition, which {@code MODIFY COLUMN} restates. */
  @Override
  public boolean keepsColumnCollations() {
    return true;
  }

  @Override
  public void preflight(Operation op, Schema before, Sink out) throws SQLException {
    if (op instanceof AlterCollation a) {
      caseDuplicates(before.table(a.table()), collationOf(a, out)[1], out);
      return;
    }
    super.preflight(op, before, out);
  }

  /** The character set and collation {@code op} converts to, as the server names them. */
  private static String[] collationOf(AlterCollation op, Sink out) throws SQLException {
    String name = op.collationShown();
    if (name.equals(TableDefinition.DATABASE_COLLATION)) {
      List<String> read = out.read("SELECT CONCAT(@@character_set_database, ' ', @@collation_database) FROM DUAL"
          + " WHERE ? IS NOT NULL", "database");
      return read.isEmpty() ? new String[] {"database_charset", "database_collation"} : read.get(0).split(" ");
    }
    List<String> charset = out.read("SELECT CHARACTER_SET_NAME FROM information_schema.COLLATIONS"
        + " WHERE COLLATION_NAME = ?", name);
    return new String[] {charset.isEmpty() ? "utf8mb4" : charset.get(0), name};
  }

  /**
   * Fails when a primary key or unique index of {@code t} over text holds values that differ only in
   * case or accents (or anything else {@code collation} calls equal): the key would refuse them.
   * The first such group's values are shown.
   */
  private void caseDuplicates(TableDefinition t, String collation, Sink out) throws SQLException {
    List<List<String>> keys = new ArrayList<>();
    if (!t.primaryKey().isEmpty()) {
      keys.add(t.primaryKey());
    }
    for (IndexDefinition i : t.indexes()) {
      if (i.unique()) {
        keys.add(i.columns());
      }
    }
    for (List<String> key : keys) {
      List<String> grouped = new ArrayList<>();
      List<String> notNull = new ArrayList<>();
      boolean text = false;
      for (String name : key) {
        ColumnType type = t.column(name).map(ColumnDefinition::type).orElse(ColumnType.BIGINT);
        boolean isText = type == ColumnType.STRING || type == ColumnType.CHAR || type == ColumnType.CLOB
            || type == ColumnType.LONG_TEXT;
        text |= isText;
        grouped.add(isText ? q(name) + " COLLATE " + collation : q(name));
        notNull.add(q(name) + " IS NOT NULL");
      }
      if (!text) {
        continue;
      }
      String shown = key.size() == 1 ? "QUOTE(" + q(key.get(0)) + ")"
          : "CONCAT('(', CONCAT_WS(', ', " + key.stream().map(c -> "QUOTE(" + q(c) + ")").collect(java.util.stream.Collectors.joining(", ")) + "), ')')";
      out.check("SELECT n, example FROM (SELECT count(*) AS n, MIN(example) AS example FROM (SELECT GROUP_CONCAT("
          + shown + " ORDER BY " + shown + " SEPARATOR ' and ') AS example FROM " + q(t.name()) + " WHERE "
          + String.join(" AND ", notNull) + " GROUP BY " + String.join(", ", grouped)
          + " HAVING count(*) > 1) AS repeated) AS misfits WHERE n > 0",
          "{1} value(s) of " + t.name() + " (" + String.join(", ", key) + ") would be equal to another under the"
              + " collation " + collation + " (they differ only in case or accents), e.g. {2}, so the key over them"
              + " would refuse them; nothing was changed. Make them distinct (or delete the extra rows) in a step"
              + " before this change, or keep the exact collation (" + TableDefinition.EXACT_COLLATION
              + ", see docs/databases.md), then migrate again");
    }
  }

  @Override
  protected List<String> createTable(TableDefinition t) {
    return List.of(createTableStatement(q(t.name()), t)); // the table's comment is among its options
  }

  /** The key has no name of its own: it is always {@code PRIMARY}. */
  @Override
  protected String primaryKeyClause(TableDefinition t) {
    return "PRIMARY KEY (" + list(t.primaryKey()) + ")";
  }

  @Override
  public String primaryKeyConstraint(String table) {
    return "PRIMARY";
  }

  private String createIndex(TableDefinition t, IndexDefinition i) {
    return "CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX " + q(i.name()) + " ON " + q(t.name())
        + " (" + list(i.columns()) + ")";
  }

  /**
   * A new index that starts with a foreign key's columns serves that key: the key's own index, made
   * while nothing else served it (a table is created before its indexes are added), goes in the same
   * statement, as InnoDB would have made none.
   */
  @Override
  protected void addIndex(AddIndex op, Schema before, Sink out) throws SQLException {
    TableDefinition t = before.table(op.table());
    IndexDefinition i = op.index();
    StringBuilder drops = new StringBuilder();
    for (ForeignKeyDefinition f : t.foreignKeys()) {
      if (startsWith(i.columns(), f.columns()) && !covered(t, f.columns())
          && out.read("SELECT 'own' FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = "
              + quoteString(t.name()) + " AND INDEX_NAME = ? LIMIT 1", f.name()).size() == 1) {
        drops.append(", DROP INDEX ").append(q(f.name()));
      }
    }
    keyChange(t, op.applyTo(before).table(op.table()), out, drops.isEmpty() ? createIndex(t, i)
        : "ALTER TABLE " + q(t.name()) + " ADD " + (i.unique() ? "UNIQUE " : "") + "INDEX " + q(i.name()) + " ("
            + list(i.columns()) + ")" + drops);
  }

  @Override
  protected void dropIndex(DropIndex op, Schema before, Sink out) throws SQLException {
    TableDefinition after = op.applyTo(before).table(op.table());
    String ownIndexes = ownIndexesNowUncovered(after, out);
    keyChange(before.table(op.table()), after, out, ownIndexes.isEmpty()
        ? "DROP INDEX " + q(op.index()) + " ON " + q(op.table())
        : "ALTER TABLE " + q(op.table()) + ownIndexes + " DROP INDEX " + q(op.index()));
  }

  /**
   * Whether InnoDB has an index for a foreign key over {@code columns} in {@code t} without one of the
   * key's own: the primary key or a declared index whose first columns are those, in that order. Then
   * jmigrate makes none (as InnoDB and Hibernate do): it would be a second index over the same columns.
   */
  static boolean covered(TableDefinition t, List<String> columns) {
    if (startsWith(t.primaryKey(), columns)) {
      return true;
    }
    for (IndexDefinition i : t.indexes()) {
      if (startsWith(i.columns(), columns)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(List<String> index, List<String> columns) {
    return !columns.isEmpty() && index.size() >= columns.size() && index.subList(0, columns.size()).equals(columns);
  }

  /**
   * {@code " ADD INDEX fk (…),"} for each foreign key of {@code after} that the change leaves without an
   * index (its own was never made, since the primary key or an index covered it): InnoDB refuses to drop the
   * index a key uses, unless the same statement gives it another.
   */
  private String ownIndexesNowUncovered(TableDefinition after, Sink out) throws SQLException {
    StringBuilder s = new StringBuilder();
    for (ForeignKeyDefinition f : after.foreignKeys()) {
      if (!covered(after, f.columns()) && out.read("SELECT 'none' FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM "
          + "information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = " + quoteString(after.name())
          + " AND INDEX_NAME = ?)", f.name()).size() == 1) {
        s.append(" ADD INDEX ").append(q(f.name())).append(" (").append(list(f.columns())).append("),");
      }
    }
    return s.toString();
  }

  /** In place (MariaDB 10.5.2 and later): no column changes type, so no keyChange around it. */
  @Override
  protected void renameIndex(RenameIndex op, Schema before, Sink out) throws SQLException {
    out.execute("ALTER TABLE " + q(op.table()) + " RENAME INDEX " + q(op.from()) + " TO " + q(op.to()));
  }

  /**
   * Where table names compare without case (lower_case_table_names on Windows and macOS), "Account"
   * to "account" goes through a name of its own, in the one (atomic) statement.
   */
  @Override
  protected void renameTable(RenameTable op, Schema before, Sink out) throws SQLException {
    if (op.from().equalsIgnoreCase(op.to())) {
      String aside = q("_jm_tmp_case_" + op.to());
      out.execute("RENAME TABLE " + q(op.from()) + " TO " + aside + ", " + aside + " TO " + q(op.to()));
      return;
    }
    out.execute("RENAME TABLE " + q(op.from()) + " TO " + q(op.to()));
  }

  @Override
  protected void addColumn(AddColumn op, Schema before, Sink out) throws SQLException {
    out.execute("ALTER TABLE " + q(op.table()) + " ADD COLUMN " + columnDefinition(before.table(op.table()), op.column()));
  }

  @Override
  protected void dropColumn(DropColumn op, Schema before, Sink out) throws SQLException {
    out.execute("ALTER TABLE " + q(op.table()) + " DROP COLUMN " + q(op.column()));
  }

  @Override
  protected void alterColumn(AlterColumn op, Schema before, Sink out) throws SQLException {
    TableDefinition table = before.table(op.table());
    ColumnDefinition old = table.column(op.column().name()).orElseThrow();
    ColumnDefinition c = op.column();
    if (old.nullable() && !c.nullable()) {
      fillNullsWithDefault(op.table(), c, out);
    }
    // MODIFY restates the whole column: type, nullability, identity and default at once.
    out.execute("ALTER TABLE " + q(op.table()) + " MODIFY COLUMN " + columnDefinition(table, c));
  }

  @Override
  protected void setPrimaryKey(SetPrimaryKey op, Schema before, Sink out) throws SQLException {
    List<String> parts = new ArrayList<>();
    if (!before.table(op.table()).primaryKey().isEmpty()) {
      parts.add("DROP PRIMARY KEY");
    }
    if (!op.columns().isEmpty()) {
      parts.add("ADD PRIMARY KEY (" + list(op.columns()) + ")");
    }
    String ownIndexes = parts.isEmpty() ? "" : ownIndexesNowUncovered(op.applyTo(before).table(op.table()), out);
    if (!ownIndexes.isEmpty()) {
      parts.add(0, ownIndexes.substring(1, ownIndexes.length() - 1)); // a key the old primary key served
    }
    if (!parts.isEmpty()) {
      // One statement: an AUTO_INCREMENT column is never left without its key in between.
      keyChange(before.table(op.table()), op.applyTo(before).table(op.table()), out,
          "ALTER TABLE " + q(op.table()) + " " + String.join(", ", parts));
    }
  }

  /**
   * A foreign key comes with an index of its own, named as the key, unless the primary key or a declared
   * index starts with its columns (see {@link #covered}). InnoDB would make one anyway, but drops the one
   * it made when a later index covers the columns, and then refuses to drop that later index: the key's
   * own index (or, when an index that served the key is dropped, one added in the same statement) keeps
   * every index droppable. Databases made before keep their keys' own indexes; nothing depends on them.
   */
  @Override
  protected void addForeignKey(AddForeignKey op, Schema before, Sink out) throws SQLException {
    ForeignKeyDefinition f = op.foreignKey();
    TableDefinition after = op.applyTo(before).table(op.table());
    keyChange(before.table(op.table()), after, out, "ALTER TABLE " + q(op.table())
        + (covered(after, f.columns()) ? "" : " ADD INDEX " + q(f.name()) + " (" + list(f.columns()) + "),")
        + " ADD " + super.foreignKeyClause(f));
  }

  /**
   * The key's own index goes with it. A key of a database jmigrate did not make (adopted with
   * {@code inspect}) may have none: InnoDB drops the index it made for a key once another index
   * covers the columns (Chinook's {@code IFK_…}), and that other index is the model's and stays.
   */
  @Override
  protected void dropForeignKey(DropForeignKey op, Schema before, Sink out) throws SQLException {
    boolean noOwnIndex = !out.read("SELECT 'none' FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS"
        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = " + quoteString(op.table()) + " AND INDEX_NAME = ?)",
        op.foreignKey()).isEmpty();
    keyChange(before.table(op.table()), op.applyTo(before).table(op.table()), out,
        "ALTER TABLE " + q(op.table()) + " DROP FOREIGN KEY " + q(op.foreignKey())
            + (noOwnIndex ? "" : ", DROP INDEX " + q(op.foreignKey())));
  }

  /** The narrowing check in MariaDB's spelling: CAST to CHAR and DECIMAL, length in characters. */
  @Override
  protected String doesNotFit(String col, ColumnDefinition old, ColumnDefinition next) {
    String condition = super.doesNotFit(col, old, next);
    return condition == null ? null
        : condition.replace(" AS TEXT)", " AS CHAR)").replace(" AS NUMERIC)", " AS DECIMAL(65,30))")
            .replace("length(", "char_length(");
  }

  @Override
  public String createHistoryTable(String table) {
    return "CREATE TABLE IF NOT EXISTS " + q(table) + " (\n"
        + "  version INT PRIMARY KEY,\n"
        + "  description TEXT NOT NULL,\n"
        + "  checksum INT NOT NULL,\n"
        + "  applied_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),\n"
        + "  execution_ms BIGINT NOT NULL,\n"
        + "  success BOOLEAN NOT NULL,\n"
        + "  steps_done INT,\n" // progress of a migration run step by step (DDL commits by itself here)
        + "  step_started INT\n"
        + ")" + TABLE_OPTIONS;
  }

  /** Type names as the drivers report them. */
  private static final Map<String, ColumnType> LIVE_TYPES = Map.ofEntries(
      Map.entry("INT", ColumnType.INTEGER), Map.entry("INTEGER", ColumnType.INTEGER), Map.entry("MEDIUMINT", ColumnType.INTEGER),
      Map.entry("BIGINT", ColumnType.BIGINT), Map.entry("SMALLINT", ColumnType.SMALLINT),
      Map.entry("BOOLEAN", ColumnType.BOOLEAN), Map.entry("TINYINT", ColumnType.BOOLEAN), Map.entry("BIT", ColumnType.BOOLEAN),
      Map.entry("DOUBLE", ColumnType.DOUBLE), Map.entry("FLOAT", ColumnType.REAL),
      Map.entry("DECIMAL", ColumnType.DECIMAL),
      Map.entry("VARCHAR", ColumnType.STRING), Map.entry("TEXT", ColumnType.STRING),
      Map.entry("MEDIUMTEXT", ColumnType.STRING), Map.entry("LONGTEXT", ColumnType.STRING),
      Map.entry("CHAR", ColumnType.UUID), Map.entry("UUID", ColumnType.UUID),
      Map.entry("DATE", ColumnType.DATE), Map.entry("TIME", ColumnType.TIME),
      Map.entry("DATETIME", ColumnType.TIMESTAMP), Map.entry("TIMESTAMP", ColumnType.TIMESTAMP_TZ),
      Map.entry("LONGBLOB", ColumnType.BINARY), Map.entry("BLOB", ColumnType.BINARY),
      Map.entry("TINYTEXT", ColumnType.STRING), Map.entry("TINYBLOB", ColumnType.BINARY),
      Map.entry("MEDIUMBLOB", ColumnType.BINARY), Map.entry("JSON", ColumnType.JSON));

  @Override
  public ColumnType liveType(String typeName) {
    if (typeName == null) {
      return null;
    }
    String t = typeName.toUpperCase(Locale.ROOT);
    int space = t.indexOf(' '); // "INT UNSIGNED"
    return LIVE_TYPES.get(space < 0 ? t : t.substring(0, space));
  }

  /**
   * A CLOB is one of the TEXT types and a BLOB one of the BLOB types, as text and bytes are; a CHAR(n)
   * is a VARCHAR(n) here; JSON is MariaDB's alias of LONGTEXT.
   */
  @Override
  public ColumnType liveTypeOf(ColumnType type) {
    return switch (type) {
      case CLOB, LONG_TEXT, JSON, STRING_ARRAY, INTEGER_ARRAY, BIGINT_ARRAY -> ColumnType.STRING;
      case BLOB -> ColumnType.BINARY;
      case CHAR -> ColumnType.STRING;
      default -> type;
    };
  }

  /** A JPA instant column is a DATETIME, which reads back as a TIMESTAMP. */
  @Override
  public ColumnType liveTypeOf(ColumnDefinition column) {
    return column.utcDatetime() ? ColumnType.TIMESTAMP : liveTypeOf(column.type());
  }

  @Override
  public boolean locksPerRun() {
    return true;
  }

  /**
   * Takes the run's lock, named after the database ({@code GET_LOCK} is server-wide), and makes
   * TIMESTAMP columns behave as declared (no implicit default or ON UPDATE, MariaDB's old rule).
   */
  @Override
  public Session open(Connection connection) throws SQLException {
    return open(connection, LockWait.defaults());
  }

  /**
   * As {@link #open(Connection)}, waiting as {@code wait} says: {@code GET_LOCK} with a timeout of
   * one report interval at a time (fractions of a second are MariaDB's since 10.1.2), so the wait
   * survives network timeouts and is logged with its holder ({@code IS_USED_LOCK}, then the
   * process list). Without a timeout it waits until the lock is free, as before.
   */
  @Override
  public Session open(Connection connection, LockWait wait) throws SQLException {
    String lock;
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT CONCAT('jmigrate:', COALESCE(DATABASE(), ''))")) {
      rs.next();
      lock = rs.getString(1);
    }
    wait.acquire("the MariaDB lock GET_LOCK('" + lock + "')", null, upTo -> getLock(connection, lock, upTo),
        () -> lockHolder(connection, lock));
    try (Statement s = connection.createStatement()) {
      s.execute("SET SESSION explicit_defaults_for_timestamp = ON");
    }
    return () -> {
      try (PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
        ps.setString(1, lock);
        ps.execute();
      }
    };
  }

  private static boolean getLock(Connection connection, String lock, Duration upTo) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
      ps.setString(1, lock);
      ps.setBigDecimal(2, BigDecimal.valueOf(upTo.toMillis(), 3));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1) == 1;
      }
    }
  }

  /** The connection holding the lock, from the server's process list (what SHOW PROCESSLIST shows). */
  private static String lockHolder(Connection connection, String lock) throws SQLException {
    long id;
    try (PreparedStatement ps = connection.prepareStatement("SELECT IS_USED_LOCK(?)")) {
      ps.setString(1, lock);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
        if (rs.wasNull()) {
          return null;
        }
      }
    }
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT USER, HOST, COMMAND, TIME FROM information_schema.PROCESSLIST WHERE ID = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return "connection " + id;
        }
        String host = rs.getString(2);
        return "connection " + id + " (user " + rs.getString(1) + (host == null || host.isEmpty() ? "" : ", from " + host)
            + ", " + rs.getString(3).toLowerCase(Locale.ROOT) + " for " + rs.getLong(4) + " s)";
      }
    }
  }

  // ---- sequences (MariaDB 10.3+): a sequence is a table to RENAME TABLE and to read ----

  @Override
  protected void renameSequence(io.jmigrate.migration.Operations.RenameSequence op, Schema before, Sink out)
      throws SQLException {
    out.execute("RENAME TABLE " + q(op.from()) + " TO " + q(op.to()));
  }

  /** MariaDB has no {@code information_schema.sequences} before 11.5: each sequence reads as a one-row table. */
  @Override
  public java.util.Map<String, io.jmigrate.schema.SequenceDefinition> liveSequences(Connection connection)
      throws SQLException {
    List<String> names = new java.util.ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM information_schema.TABLES"
            + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'SEQUENCE'")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    java.util.Map<String, io.jmigrate.schema.SequenceDefinition> live = new java.util.TreeMap<>();
    for (String name : names) {
      try (Statement s = connection.createStatement();
          ResultSet rs = s.executeQuery("SELECT start_value, increment FROM " + q(name))) {
        rs.next();
        live.put(name, new io.jmigrate.schema.SequenceDefinition(name, rs.getLong(1), rs.getLong(2)));
      }
    }
    return live;
  }
}
