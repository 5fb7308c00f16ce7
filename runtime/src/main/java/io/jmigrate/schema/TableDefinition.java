package io.jmigrate.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One table: columns in declaration order, the primary key, and named indexes and foreign
 * keys (kept sorted by name, since their order carries no meaning).
 *
 * @param primaryKeyName the primary key's constraint name when it is not jmigrate's {@code pk_<table>}
 *     (a database adopted with {@code inspect} keeps its own, such as PostgreSQL's {@code album_pkey});
 *     null for the default
 * @param collation how MariaDB/MySQL compare and sort the table's text (other dialects ignore it): null
 *     for jmigrate's exact comparison ({@value #EXACT_COLLATION}, what every table had before this
 *     attribute), {@value #DATABASE_COLLATION} for the database's default (what Hibernate's
 *     {@code create table} gets, usually case-insensitive), or a collation's name
 * @param comment the table's comment (PostgreSQL/H2 {@code COMMENT ON TABLE}, MariaDB's {@code COMMENT}
 *     table option; SQLite keeps none), null for none
 */
public record TableDefinition(
    String name, List<ColumnDefinition> columns, List<String> primaryKey, List<IndexDefinition> indexes, List<ForeignKeyDefinition> foreignKeys,
    String primaryKeyName, String collation, List<CheckDefinition> checks, String comment) {

  /** jmigrate's own collation on MariaDB/MySQL: exact, as PostgreSQL and SQLite compare by default. */
  public static final String EXACT_COLLATION = "utf8mb4_bin";
  /** The database's default collation, read from the database when the table is made or converted. */
  public static final String DATABASE_COLLATION = "database";

  public TableDefinition {
    Objects.requireNonNull(name, "name");
    primaryKeyName = primaryKeyName == null || primaryKeyName.isEmpty() ? null : primaryKeyName;
    // jmigrate's exact comparison is spelt by leaving it out, so existing snapshots and checksums keep their bytes.
    collation = collation == null || collation.isEmpty() || collation.equals(EXACT_COLLATION) ? null : collation;
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    indexes = sortedByName(indexes, BY_INDEX_NAME);
    foreignKeys = sortedByName(foreignKeys, BY_FK_NAME);
    checks = checks == null ? List.of() : sortedByName(checks, BY_CHECK_NAME);
    comment = comment == null || comment.isEmpty() ? null : comment; // no comment: older snapshots keep their bytes
  }

  /** A table with no comment. */
  public TableDefinition(String name, List<ColumnDefinition> columns, List<String> primaryKey, List<IndexDefinition> indexes,
      List<ForeignKeyDefinition> foreignKeys, String primaryKeyName, String collation, List<CheckDefinition> checks) {
    this(name, columns, primaryKey, indexes, foreignKeys, primaryKeyName, collation, checks, null);
  }

  /** A table with no check constraints. */
  public TableDefinition(String name, List<ColumnDefinition> columns, List<String> primaryKey, List<IndexDefinition> indexes,
      List<ForeignKeyDefinition> foreignKeys, String primaryKeyName, String collation) {
    this(name, columns, primaryKey, indexes, foreignKeys, primaryKeyName, collation, List.of());
  }

  /** A table whose primary key (if any) has jmigrate's name {@code pk_<table>}. */
  public TableDefinition(String name, List<ColumnDefinition> columns, List<String> primaryKey, List<IndexDefinition> indexes,
      List<ForeignKeyDefinition> foreignKeys) {
    this(name, columns, primaryKey, indexes, foreignKeys, null, null);
  }

  /** A table with jmigrate's exact collation. */
  public TableDefinition(String name, List<ColumnDefinition> columns, List<String> primaryKey, List<IndexDefinition> indexes,
      List<ForeignKeyDefinition> foreignKeys, String primaryKeyName) {
    this(name, columns, primaryKey, indexes, foreignKeys, primaryKeyName, null);
  }

  /** The same table compared by {@code newCollation} on MariaDB/MySQL (see {@link #collation()}). */
  public TableDefinition collation(String newCollation) {
    return new TableDefinition(name, columns, primaryKey, indexes, foreignKeys, primaryKeyName, newCollation, checks, comment);
  }

  /** The same table with this comment (null or empty: none). */
  public TableDefinition comment(String newComment) {
    return new TableDefinition(name, columns, primaryKey, indexes, foreignKeys, primaryKeyName, collation, checks, newComment);
  }

  /** The collation's name as the DSL and messages show it: {@value #EXACT_COLLATION} for jmigrate's own. */
  public String collationShown() {
    return collation == null ? EXACT_COLLATION : collation;
  }

  private static final Comparator<IndexDefinition> BY_INDEX_NAME = Comparator.comparing(IndexDefinition::name);
  private static final Comparator<ForeignKeyDefinition> BY_FK_NAME = Comparator.comparing(ForeignKeyDefinition::name);
  private static final Comparator<CheckDefinition> BY_CHECK_NAME = Comparator.comparing(CheckDefinition::name);

  /** A loop, not a stream: tables are built for every migration at start-up, where streams cost. */
  private static <T> List<T> sortedByName(List<T> items, Comparator<T> order) {
    if (items.size() < 2) {
      return List.copyOf(items);
    }
    List<T> copy = new ArrayList<>(items);
    copy.sort(order);
    return List.copyOf(copy);
  }

  public static TableDefinition of(String name, ColumnDefinition... columns) {
    return new TableDefinition(name, List.of(columns), List.of(), List.of(), List.of());
  }

  public TableDefinition primaryKey(String... newKey) {
    return withPrimaryKey(List.of(newKey));
  }

  public TableDefinition withPrimaryKey(List<String> newKey) {
    return new TableDefinition(name, columns, newKey, indexes, foreignKeys, primaryKeyName, collation, checks, comment);
  }

  /** The same table whose primary key constraint has this name (null: jmigrate's {@code pk_<table>}). */
  public TableDefinition primaryKeyName(String constraintName) {
    return new TableDefinition(name, columns, primaryKey, indexes, foreignKeys, constraintName, collation, checks, comment);
  }

  /** The primary key's constraint name: the given one, else {@code pk_<table>}. */
  public String primaryKeyConstraint() {
    return primaryKeyName != null ? primaryKeyName : Names.constraintName("pk", name, List.of());
  }

  public TableDefinition index(IndexDefinition index) {
    List<IndexDefinition> list = new ArrayList<>(indexes);
    list.removeIf(i -> i.name().equals(index.name()));
    list.add(index);
    return new TableDefinition(name, columns, primaryKey, list, foreignKeys, primaryKeyName, collation, checks, comment);
  }

  public TableDefinition foreignKey(ForeignKeyDefinition fk) {
    List<ForeignKeyDefinition> list = new ArrayList<>(foreignKeys);
    list.removeIf(f -> f.name().equals(fk.name()));
    list.add(fk);
    return new TableDefinition(name, columns, primaryKey, indexes, list, primaryKeyName, collation, checks, comment);
  }

  /** The same table with this check constraint (replacing one of the same name). */
  public TableDefinition check(CheckDefinition check) {
    List<CheckDefinition> list = new ArrayList<>(checks);
    list.removeIf(c -> c.name().equals(check.name()));
    list.add(check);
    return new TableDefinition(name, columns, primaryKey, indexes, foreignKeys, primaryKeyName, collation, list, comment);
  }

  public TableDefinition withoutCheck(String checkName) {
    List<CheckDefinition> list = new ArrayList<>(checks);
    list.removeIf(c -> c.name().equals(checkName));
    return new TableDefinition(name, columns, primaryKey, indexes, foreignKeys, primaryKeyName, collation, list, comment);
  }

  public Optional<CheckDefinition> findCheck(String checkName) {
    return checks.stream().filter(c -> c.name().equals(checkName)).findFirst();
  }

  public Optional<ColumnDefinition> column(String columnName) {
    for (ColumnDefinition c : columns) { // a loop, not a stream: rendering asks this for every column of every table
      if (c.name().equals(columnName)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  public Optional<IndexDefinition> findIndex(String indexName) {
    return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
  }

  public Optional<ForeignKeyDefinition> findForeignKey(String fkName) {
    return foreignKeys.stream().filter(f -> f.name().equals(fkName)).findFirst();
  }

  public List<String> columnNames() {
    return columns.stream().map(ColumnDefinition::name).toList();
  }

  public TableDefinition rename(String newName) {
    return new TableDefinition(newName, columns, primaryKey, indexes, foreignKeys, primaryKeyName, collation, checks, comment);
  }

  public TableDefinition withColumn(ColumnDefinition column) {
    List<ColumnDefinition> list = new ArrayList<>(columns);
    list.add(column);
    return new TableDefinition(name, list, primaryKey, indexes, foreignKeys, primaryKeyName, collation, checks, comment);
  }

  /** Replaces the column of the same name, keeping its position. */
  public TableDefinition replaceColumn(ColumnDefinition column) {
    return mapColumns(c -> c.name().equals(column.name()) ? column : c);
  }

  public TableDefinition withoutColumn(String columnName) {
    List<ColumnDefinition> list = new ArrayList<>(columns);
    list.removeIf(c -> c.name().equals(columnName));
    return new TableDefinition(name, list, primaryKey, indexes, foreignKeys, primaryKeyName, collation, checks, comment);
  }

  public TableDefinition withoutIndex(String indexName) {
    List<IndexDefinition> list = new ArrayList<>(indexes);
    list.removeIf(i -> i.name().equals(indexName));
    return new TableDefinition(name, columns, primaryKey, list, foreignKeys, primaryKeyName, collation, checks, comment);
  }

  public TableDefinition withoutForeignKey(String fkName) {
    List<ForeignKeyDefinition> list = new ArrayList<>(foreignKeys);
    list.removeIf(f -> f.name().equals(fkName));
    return new TableDefinition(name, columns, primaryKey, indexes, list, primaryKeyName, collation, checks, comment);
  }

  public TableDefinition renameColumn(String from, String to) {
    TableDefinition t = mapColumns(c -> c.name().equals(from) ? c.name(to) : c);
    return new TableDefinition(
        name,
        t.columns,
        Names.replace(primaryKey, from, to),
        indexes.stream().map(i -> i.renameColumn(from, to)).toList(),
        foreignKeys.stream().map(f -> f.renameColumn(from, to)).toList(),
        primaryKeyName, collation, checks, comment);
  }

  TableDefinition mapForeignKeys(UnaryOperator<ForeignKeyDefinition> f) {
    return new TableDefinition(name, columns, primaryKey, indexes, foreignKeys.stream().map(f).toList(), primaryKeyName, collation, checks, comment);
  }

  private TableDefinition mapColumns(UnaryOperator<ColumnDefinition> f) {
    return new TableDefinition(name, columns.stream().map(f).toList(), primaryKey, indexes, foreignKeys, primaryKeyName, collation, checks, comment);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("table ").append(name).append(" (");
    for (int i = 0; i < columns.size(); i++) {
      s.append(i == 0 ? "" : ", ").append(columns.get(i));
    }
    if (!primaryKey.isEmpty()) {
      s.append(", ").append(primaryKeyName == null ? "" : "constraint " + primaryKeyName + " ")
          .append("primary key (").append(String.join(", ", primaryKey)).append(')');
    }
    s.append(')');
    for (IndexDefinition i : indexes) {
      s.append(", ").append(i);
    }
    for (ForeignKeyDefinition f : foreignKeys) {
      s.append(", ").append(f);
    }
    if (collation != null) {
      s.append(" collate ").append(collation);
    }
    for (CheckDefinition c : checks) {
      s.append(", ").append(c);
    }
    if (comment != null) {
      s.append(" comment '").append(comment.replace("'", "''")).append('\'');
    }
    return s.toString();
  }
}
