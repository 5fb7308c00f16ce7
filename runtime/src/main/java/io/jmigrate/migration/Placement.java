package io.jmigrate.migration;

import java.util.Set;

/**
 * Where the build's order stage puts an operation among a migration's others, as the operation says
 * ({@link Operation#placement}). The stage sorts by stage, then table by table by rank, and adds the
 * hard dependencies itself (a table before the keys that reference it, a cycle broken by adding keys
 * later); see the processor's {@code OperationOrder}.
 *
 * @param stage the part of the migration it goes in
 * @param rank its place among the same table's operations of the stage (lower first)
 * @param table the table it is about; empty for none (sequences, hand-written steps)
 * @param references the other tables it needs to exist first (a foreign key's target)
 * @param shapesKeys whether it changes what a foreign key to its table relies on (columns, primary key,
 *     unique indexes): a key added to or referencing the table waits for it
 */
public record Placement(Stage stage, int rank, String table, Set<String> references, boolean shapesKeys) {
  public Placement {
    references = Set.copyOf(references);
  }

  /** A placement with no references that shapes no keys. */
  public static Placement of(Stage stage, int rank, String table) {
    return new Placement(stage, rank, table, Set.of(), false);
  }

  /** The parts of a migration, in the order they run. */
  public enum Stage {
    /** Renames, as given: later operations use the new names. */
    RENAME,
    /** Dropped foreign keys and indexes, before the columns they use change. */
    DROP_KEYS,
    /** New tables (each followed by its indexes and keys) and sequences. */
    CREATE,
    /** Table by table: added, altered and dropped columns, primary key, new indexes and keys. */
    CHANGE,
    /** Dropped tables and sequences. */
    DROP_TABLES,
    /** Hand-written steps, last, in the order given. */
    HAND_WRITTEN
  }
}
