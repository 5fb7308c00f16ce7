package io.jmigrate.schema;

import java.util.Collection;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

/** A whole database schema: tables and sequences by name. Immutable; every change returns a new schema. */
public final class Schema {
  private static final Schema EMPTY = new Schema(new TreeMap<>());

  private final TreeMap<String, TableDefinition> tables;
  private final TreeMap<String, SequenceDefinition> sequences;

  private Schema(TreeMap<String, TableDefinition> tables) {
    this(tables, new TreeMap<>());
  }

  private Schema(TreeMap<String, TableDefinition> tables, TreeMap<String, SequenceDefinition> sequences) {
    this.tables = tables;
    this.sequences = sequences;
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

  /** These tables and sequences. */
  public static Schema of(Collection<TableDefinition> tables, Collection<SequenceDefinition> sequences) {
    Schema s = of(tables);
    for (SequenceDefinition q : sequences) {
      if (s.sequences.containsKey(q.name())) {
        throw new IllegalArgumentException("two sequences named " + q.name());
      }
      s = s.withSequence(q);
    }
    return s;
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
    return new Schema(map, sequences);
  }

  public Schema without(String name) {
    TreeMap<String, TableDefinition> map = new TreeMap<>(tables);
    map.remove(name);
    return new Schema(map, sequences);
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
    return new Schema(map, sequences);
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
    return new Schema(map, sequences);
  }

  /** The sequences, sorted by name. */
  public Collection<SequenceDefinition> sequences() {
    return sequences.values();
  }

  public Optional<SequenceDefinition> findSequence(String name) {
    return Optional.ofNullable(sequences.get(name));
  }

  public SequenceDefinition sequence(String name) {
    SequenceDefinition q = sequences.get(name);
    if (q == null) {
      throw new NoSuchElementException("no sequence " + name + " in the schema");
    }
    return q;
  }

  /** Adds the sequence, or replaces the one of its name. */
  public Schema withSequence(SequenceDefinition sequence) {
    TreeMap<String, SequenceDefinition> map = new TreeMap<>(sequences);
    map.put(sequence.name(), sequence);
    return new Schema(tables, map);
  }

  public Schema withoutSequence(String name) {
    TreeMap<String, SequenceDefinition> map = new TreeMap<>(sequences);
    map.remove(name);
    return new Schema(tables, map);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schema s && s.tables.equals(tables) && s.sequences.equals(sequences);
  }

  @Override
  public int hashCode() {
    return tables.hashCode() * 31 + sequences.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("schema");
    for (TableDefinition t : tables.values()) {
      s.append("\n  ").append(t);
    }
    for (SequenceDefinition q : sequences.values()) {
      s.append("\n  ").append(q);
    }
    return s.toString();
  }
}
