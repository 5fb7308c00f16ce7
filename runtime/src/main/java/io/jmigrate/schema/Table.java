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
 */
public record Table(
    String name, List<Column> columns, List<String> primaryKey, List<Index> indexes, List<ForeignKey> foreignKeys) {

  public Table {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    indexes = sortedByName(indexes, BY_INDEX_NAME);
    foreignKeys = sortedByName(foreignKeys, BY_FK_NAME);
  }

  private static final Comparator<Index> BY_INDEX_NAME = Comparator.comparing(Index::name);
  private static final Comparator<ForeignKey> BY_FK_NAME = Comparator.comparing(ForeignKey::name);

  /** A loop, not a stream: tables are built for every migration at start-up, where streams cost. */
  private static <T> List<T> sortedByName(List<T> items, Comparator<T> order) {
    if (items.size() < 2) {
      return List.copyOf(items);
    }
    List<T> copy = new ArrayList<>(items);
    copy.sort(order);
    return List.copyOf(copy);
  }

  public static Table of(String name, Column... columns) {
    return new Table(name, List.of(columns), List.of(), List.of(), List.of());
  }

  public Table primaryKey(String... newKey) {
    return withPrimaryKey(List.of(newKey));
  }

  public Table withPrimaryKey(List<String> newKey) {
    return new Table(name, columns, newKey, indexes, foreignKeys);
  }

  public Table index(Index index) {
    List<Index> list = new ArrayList<>(indexes);
    list.removeIf(i -> i.name().equals(index.name()));
    list.add(index);
    return new Table(name, columns, primaryKey, list, foreignKeys);
  }

  public Table foreignKey(ForeignKey fk) {
    List<ForeignKey> list = new ArrayList<>(foreignKeys);
    list.removeIf(f -> f.name().equals(fk.name()));
    list.add(fk);
    return new Table(name, columns, primaryKey, indexes, list);
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  public Optional<Index> findIndex(String indexName) {
    return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
  }

  public Optional<ForeignKey> findForeignKey(String fkName) {
    return foreignKeys.stream().filter(f -> f.name().equals(fkName)).findFirst();
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  public Table rename(String newName) {
    return new Table(newName, columns, primaryKey, indexes, foreignKeys);
  }

  public Table withColumn(Column column) {
    List<Column> list = new ArrayList<>(columns);
    list.add(column);
    return new Table(name, list, primaryKey, indexes, foreignKeys);
  }

  /** Replaces the column of the same name, keeping its position. */
  public Table replaceColumn(Column column) {
    return mapColumns(c -> c.name().equals(column.name()) ? column : c);
  }

  public Table withoutColumn(String columnName) {
    List<Column> list = new ArrayList<>(columns);
    list.removeIf(c -> c.name().equals(columnName));
    return new Table(name, list, primaryKey, indexes, foreignKeys);
  }

  public Table withoutIndex(String indexName) {
    List<Index> list = new ArrayList<>(indexes);
    list.removeIf(i -> i.name().equals(indexName));
    return new Table(name, columns, primaryKey, list, foreignKeys);
  }

  public Table withoutForeignKey(String fkName) {
    List<ForeignKey> list = new ArrayList<>(foreignKeys);
    list.removeIf(f -> f.name().equals(fkName));
    return new Table(name, columns, primaryKey, indexes, list);
  }

  public Table renameColumn(String from, String to) {
    Table t = mapColumns(c -> c.name().equals(from) ? c.name(to) : c);
    return new Table(
        name,
        t.columns,
        Names.replace(primaryKey, from, to),
        indexes.stream().map(i -> i.renameColumn(from, to)).toList(),
        foreignKeys.stream().map(f -> f.renameColumn(from, to)).toList());
  }

  Table mapForeignKeys(UnaryOperator<ForeignKey> f) {
    return new Table(name, columns, primaryKey, indexes, foreignKeys.stream().map(f).toList());
  }

  private Table mapColumns(UnaryOperator<Column> f) {
    return new Table(name, columns.stream().map(f).toList(), primaryKey, indexes, foreignKeys);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("table ").append(name).append(" (");
    for (int i = 0; i < columns.size(); i++) {
      s.append(i == 0 ? "" : ", ").append(columns.get(i));
    }
    if (!primaryKey.isEmpty()) {
      s.append(", primary key (").append(String.join(", ", primaryKey)).append(')');
    }
    s.append(')');
    for (Index i : indexes) {
      s.append(", ").append(i);
    }
    for (ForeignKey f : foreignKeys) {
      s.append(", ").append(f);
    }
    return s.toString();
  }
}
