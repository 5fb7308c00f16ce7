package io.jmigrate.schema;

import java.util.Collection;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

/** A whole database schema: tables by name. Immutable; every change returns a new schema. */
public final class Schema {
  private static final Schema EMPTY = new Schema(new TreeMap<>());

  private final TreeMap<String, Table> tables;

  private Schema(TreeMap<String, Table> tables) {
    this.tables = tables;
  }

  public static Schema empty() {
    return EMPTY;
  }

  public static Schema of(Collection<Table> tables) {
    TreeMap<String, Table> map = new TreeMap<>();
    for (Table t : tables) {
      if (map.put(t.name(), t) != null) {
        throw new IllegalArgumentException("two tables named " + t.name());
      }
    }
    return new Schema(map);
  }

  /** The tables, sorted by name. */
  public Collection<Table> tables() {
    return tables.values();
  }

  public Optional<Table> find(String name) {
    return Optional.ofNullable(tables.get(name));
  }

  public Table table(String name) {
    Table t = tables.get(name);
    if (t == null) {
      throw new NoSuchElementException("no table " + name + " in the schema");
    }
    return t;
  }

  public boolean has(String name) {
    return tables.containsKey(name);
  }

  public Schema with(Table table) {
    TreeMap<String, Table> map = new TreeMap<>(tables);
    map.put(table.name(), table);
    return new Schema(map);
  }

  public Schema without(String name) {
    TreeMap<String, Table> map = new TreeMap<>(tables);
    map.remove(name);
    return new Schema(map);
  }

  /** Renames a table and every foreign key that references it, as the databases do. */
  public Schema renameTable(String from, String to) {
    TreeMap<String, Table> map = new TreeMap<>();
    for (Map.Entry<String, Table> e : tables.entrySet()) {
      Table t = e.getValue().mapForeignKeys(f -> f.renameRefTable(from, to));
      if (t.name().equals(from)) {
        t = t.rename(to);
      }
      map.put(t.name(), t);
    }
    return new Schema(map);
  }

  /** Renames a column and every reference to it (indexes, keys, foreign keys of other tables). */
  public Schema renameColumn(String table, String from, String to) {
    TreeMap<String, Table> map = new TreeMap<>();
    for (Table t : tables.values()) {
      Table r = t.mapForeignKeys(f -> f.renameRefColumn(table, from, to));
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
    for (Table t : tables.values()) {
      s.append("\n  ").append(t);
    }
    return s.toString();
  }
}
