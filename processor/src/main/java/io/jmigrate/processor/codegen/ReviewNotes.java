package io.jmigrate.processor.codegen;

import io.jmigrate.migration.Operation;
import io.jmigrate.schema.Schema;

/**
 * What a reviewer needs beside each generated operation (compare Alembic's {@code existing_type},
 * EF Core's {@code OldColumn}): the definition an alter or drop replaces. Whether a database rebuilds
 * the table for it is its dialect's to say ({@code Costs.rebuilds}).
 */
final class ReviewNotes {
  private ReviewNotes() {}

  /** The header line of one operation, with the new definition where it is short. */
  static String line(Operation op) {
    return op.reviewLine();
  }

  /** The old definition this operation replaces or removes, or null when it replaces nothing. */
  static String was(Operation op, Schema before) {
    return op.replaced(before);
  }
}
