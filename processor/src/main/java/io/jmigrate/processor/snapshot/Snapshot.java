package io.jmigrate.processor.snapshot;

import io.jmigrate.schema.Schema;
import java.util.Map;

/**
 * The committed state: the schema the migrations produce, which model class declares each
 * table (so a model missing from a partial compilation can be looked up rather than taken as
 * deleted), and the latest migration (so two branches that each add one conflict in git).
 *
 * @param latestVersion 0 before the first migration
 * @param latestClass the latest migration's class name, or null before the first
 */
public record Snapshot(Schema schema, Map<String, String> tableClasses, int latestVersion, String latestClass) {
  public static final Snapshot EMPTY = new Snapshot(Schema.empty(), Map.of(), 0, null);

  public Snapshot {
    tableClasses = Map.copyOf(tableClasses);
  }
}
