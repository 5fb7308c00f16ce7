package io.jmigrate.migration;

import io.jmigrate.schema.Schema;
import java.util.List;
import java.util.Set;

/**
 * An operation defined outside jmigrate, for hand-written migrations (Django's custom {@code Operation}
 * subclasses). Everything about it is on the operation, as for the built-in ones ({@link Operation}): the
 * schema after it, its reverse, its description, its checksum line, how a migration writes it and what a
 * reviewer is told; and its SQL, per dialect, from {@link #sql}. jmigrate treats it as it treats a
 * hand-written SQL step: it runs where it stands, in the migration's transaction where the dialect has
 * one, may touch any table (no later step is moved before it), is priced as a light step, and is shown by
 * the {@code sql} preview exactly as it runs.
 *
 * <p>Its checksum line is part of every history that applied it: never change it once deployed, and make it
 * unlike the built-in operations' lines (start it with the operation's own name).
 */
public non-sealed interface CustomOperation extends Operation {
  /**
   * The statements that carry out this operation on the dialect named {@code dialect} (its
   * {@code Dialect.name()}: {@code "sqlite"}, {@code "postgresql"}, {@code "h2"}, {@code "mariadb"}, or a
   * third party's), given the schema before it; empty when the dialect needs none.
   */
  List<String> sql(String dialect, Schema before);

  /** Where the build would put it: with the hand-written steps, in the order given. */
  @Override
  default Placement placement(Schema before, Set<String> tablesCreated) {
    return Placement.of(Placement.Stage.HAND_WRITTEN, 0, "");
  }

  @Override
  default <R> R accept(OperationVisitor<R> visitor) {
    return visitor.custom(this);
  }
}
