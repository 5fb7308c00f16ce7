package io.jmigrate.engine;

import io.jmigrate.migration.Migration;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.SchemaFingerprint;
import io.jmigrate.schema.TableDefinition;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The migrations against the schema fingerprints they were generated with, before anything runs. */
final class FingerprintCheck {
  private FingerprintCheck() {}

  /**
   * Folds the schema through every migration and compares it with the fingerprint the generator
   * recorded in each (when it did): a hand edit of a generated migration that changes the schema
   * makes them differ, and the next generated diff would be wrong. Returns the schema after each
   * migration (in the order of {@code migrations}), so that the run that follows does not fold them again.
   */
  static List<Schema> check(List<Migration> migrations) {
    Schema schema = Schema.empty();
    Map<TableDefinition, byte[]> seen = new IdentityHashMap<>(); // each table rendered once, not once per migration
    List<Schema> after = new ArrayList<>(migrations.size());
    for (Migration m : migrations) {
      Schema before = schema;
      schema = m.applyTo(before);
      after.add(schema);
      String recorded = m.schemaFingerprint();
      if (recorded == null) {
        continue;
      }
      String actual = SchemaFingerprint.of(schema, seen);
      if (!actual.equals(recorded)) {
        StringBuilder changes = new StringBuilder();
        Set<String> was = lines(before);
        Set<String> now = lines(schema);
        was.stream().filter(l -> !now.contains(l)).forEach(l -> changes.append("\n  - ").append(l));
        now.stream().filter(l -> !was.contains(l)).forEach(l -> changes.append("\n  + ").append(l));
        throw new MigrationException("migration " + m + " does not produce the schema it was generated for: it"
            + " records the schema fingerprint " + recorded + ", its operations give " + actual + ". It was edited"
            + " by hand in a way that changes the schema, so the snapshot and the migrations disagree. As it is"
            + " now, it changes (- removed, + added):" + (changes.length() == 0 ? " nothing" : changes.toString())
            + "\nNothing was applied. Restore the migration as generated (from git), and make schema changes in"
            + " the models so that the next build generates them.");
      }
    }
    return after;
  }

  /** {@link SchemaFingerprint#canonicalText} lines, each qualified by its table so they can be compared as a set. */
  private static Set<String> lines(Schema schema) {
    Set<String> out = new LinkedHashSet<>();
    String table = "";
    for (String line : SchemaFingerprint.canonicalText(schema).split("\n")) {
      if (line.startsWith("table ")) {
        table = line.substring("table ".length());
        out.add(line);
      } else if (!line.isEmpty()) {
        out.add("table " + table + ": " + line.trim());
      }
    }
    return out;
  }
}
