package io.jmigrate.schema;

import java.util.Collection;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A whole database schema: tables, sequences and (PostgreSQL) enum types by name. Immutable; every change returns a new
 * schema, which shares all it did not change with the old one (a persistent map), so that folding
 * a history of N migrations costs O(N log N).
 */
public final class Schema {
  private static final Schema EMPTY = new Schema(PersistentSortedMap.empty(), PersistentSortedMap.empty(), PersistentSortedMap.empty());

  private final PersistentSortedMap<TableDefinition> tables;
  private final PersistentSortedMap<SequenceDefinition> sequences;
  private final PersistentSortedMap<EnumTypeDefinition> enumTypes;

  private Schema(PersistentSortedMap<TableDefinition> tables, PersistentSortedMap<SequenceDefinition> sequences,
      PersistentSortedMap<EnumTypeDefinition> enumTypes) {
    this.tables = tables;
    this.sequences = sequences;
    this.enumTypes = enumTypes;
  }

  public static Schema empty() {
    return EMPTY;
  }

  public static Schema of(Collection<TableDefinition> tables) {
    PersistentSortedMap<TableDefinition> map = PersistentSortedMap.empty();
    for (TableDefinition t : tables) {
      if (map.containsKey(t.name())) {
        throw new IllegalArgumentException("two tables named " + t.name());
      }
      map = map.put(t.name(), t);
    }
    return new Schema(map, PersistentSortedMap.empty(), PersistentSortedMap.empty());
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
    return new Schema(tables.put(table.name(), table), sequences, enumTypes);
  }

  public Schema without(String name) {
    return new Schema(tables.remove(name), sequences, enumTypes);
  }

  /** Renames a table and every foreign key that references it, as the databases do. */
  public Schema renameTable(String from, String to) {
    PersistentSortedMap<TableDefinition> map = tables;
    for (TableDefinition t : tables.values()) { // every table may reference it: O(N), but only the changed are copied
      TableDefinition r = t.mapForeignKeys(f -> f.renameRefTable(from, to));
      if (r.name().equals(from)) {
        map = map.remove(from).put(to, r.rename(to));
      } else if (!r.equals(t)) {
        map = map.put(r.name(), r);
      }
    }
    return new Schema(map, sequences, enumTypes);
  }

  /** Renames a column and every reference to it (indexes, keys, foreign keys of other tables). */
  public Schema renameColumn(String table, String from, String to) {
    PersistentSortedMap<TableDefinition> map = tables;
    for (TableDefinition t : tables.values()) {
      TableDefinition r = t.mapForeignKeys(f -> f.renameRefColumn(table, from, to));
      if (r.name().equals(table)) {
        r = r.renameColumn(from, to);
      }
      if (!r.equals(t)) {
        map = map.put(r.name(), r);
      }
    }
    return new Schema(map, sequences, enumTypes);
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
    return new Schema(tables, sequences.put(sequence.name(), sequence), enumTypes);
  }

  public Schema withoutSequence(String name) {
    return new Schema(tables, sequences.remove(name), enumTypes);
  }

  /** The enum types, sorted by name. */
  public Collection<EnumTypeDefinition> enumTypes() {
    return enumTypes.values();
  }

  public Optional<EnumTypeDefinition> findEnumType(String name) {
    return Optional.ofNullable(enumTypes.get(name));
  }

  public EnumTypeDefinition enumType(String name) {
    EnumTypeDefinition e = enumTypes.get(name);
    if (e == null) {
      throw new NoSuchElementException("no enum type " + name + " in the schema");
    }
    return e;
  }

  /** Adds the enum type, or replaces the one of its name. */
  public Schema withEnumType(EnumTypeDefinition type) {
    return new Schema(tables, sequences, enumTypes.put(type.name(), type));
  }

  public Schema withoutEnumType(String name) {
    return new Schema(tables, sequences, enumTypes.remove(name));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schema s && s.tables.equals(tables) && s.sequences.equals(sequences) && s.enumTypes.equals(enumTypes);
  }

  @Override
  public int hashCode() {
    return (tables.hashCode() * 31 + sequences.hashCode()) * 31 + enumTypes.hashCode();
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
    for (EnumTypeDefinition e : enumTypes.values()) {
      s.append("\n  ").append(e);
    }
    return s.toString();
  }
}
