package io.jmigrate.schema;

import java.util.Collection;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

/** A whole database schema: tables by name. Immutable; every change returns a new schema. */
public final class Schema {
  private static final Schema EMPTY = new Schema(new TreeMap<>());

  private final TreeMap<String, TableDefinition> tables;

  private Schema(TreeMap<String, TableDefinition> tables) {
    this.tables = tables;
  }

  public static Schema empty() {
    return EMPTY;
  }

  public static Schema of(Collection<TableDefinition> tables) {
    TreeMap<String, TableDefinition> map = new TreeMap<>();
    for (TableDefinition t : tables) {
      if (map.put(t.name(), t) != null) {
        throw new IllegalArgumentException("two tables named " + t.name());
      }
    }
    return new Schema(map);
  }

  /** The tables, sorted by name. */
  public Collection<TableDefinition> tables() {
    return tables.values();
  }

  public Optional<TableDefinition> find(String name) {
    return Optional.ofNullable(tables.get(name));
  }

  public TableDefinition table(String name) {
    TableDefinition t = tables.get(name);
    if (t == null) {
      throw new NoSuchElementException("no table " + name + " in the schema");
    }
    return t;
  }

  public boolean has(String name) {
    return tables.containsKey(name);
  }

  public Schema with(TableDefinition table) {
    TreeMap<String, TableDefinition> map = new TreeMap<>(tables);
    map.put(table.name(), table);
    return new Schema(map);
  }

  public Schema without(String name) {
    TreeMap<String, TableDefinition> map = new TreeMap<>(tables);
    map.remove(name);
    return new Schema(map);
  }

  /** Renames a table and every foreign key that references it, as the databases do. */
  public Schema renameTable(String from, String to) {
    TreeMap<String, TableDefinition> map = new TreeMap<>();
    for (Map.Entry<String, TableDefinition> e : tables.entrySet()) {
      TableDefinition t = e.getValue().mapForeignKeys(f -> f.renameRefTable(from, to));
      if (t.name().equals(from)) {
        t = t.rename(to);
      }
      map.put(t.name(), t);
    }
    return new Schema(map);
  }

  /** Renames a column and every reference to it (indexes, keys, foreign keys of other tables). */
  public Schema renameColumn(String table, String from, String to) {
    TreeMap<String, TableDefinition> map = new TreeMap<>();
    for (TableDefinition t : tables.values()) {
      TableDefinition r = t.mapForeignKeys(f -> f.renameRefColumn(table, from, to));
      if (r.name().equals(table)) {
        r = r.renameColumn(from, to);
      }
      map.put(r.name(), r);
    }
    return new Schema(map);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schema s && s.tables.equals(tables);
  }

  @Override
  public int hashCode() {
    return tables.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("schema");
    for (TableDefinition t : tables.values()) {
      s.append("\n  ").append(t);
    }
    return s.toString();
  }
}
