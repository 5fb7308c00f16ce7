package io.jmigrate.migration;

import io.jmigrate.schema.Schema;

/**
 * One schema change, as a value. Generated migrations build lists of these; a dialect turns
 * each into SQL at run time. Checksums come from {@link Checksum}'s canonical text, not from
 * {@code toString()}, which is free to change.
 */
public sealed interface Operation
    permits Operations.CreateTable, Operations.DropTable, Operations.RenameTable,
        Operations.AddColumn, Operations.DropColumn, Operations.RenameColumn, Operations.AlterColumn,
        Operations.SetPrimaryKey, Operations.AddIndex, Operations.DropIndex, Operations.RenameIndex,
        Operations.AddForeignKey, Operations.DropForeignKey, Operations.RunSql, Operations.RunJava,
        Operations.CreateSequence, Operations.DropSequence, Operations.RenameSequence, Operations.AlterSequence,
        Operations.AddCheck, Operations.DropCheck {

  /** The schema after this operation, given the schema before it. */
  Schema applyTo(Schema before);

  /**
   * The operation that undoes this one, given the schema before this one ran.
   *
   * @throws IrreversibleException for a hand-written step that has no reverse
   */
  Operation reverse(Schema before);

  /** Dispatches to the visitor's method for this operation (see {@link OperationVisitor}). */
  <R> R accept(OperationVisitor<R> visitor);
}
