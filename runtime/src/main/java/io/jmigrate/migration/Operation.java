package io.jmigrate.migration;

import io.jmigrate.schema.DslCall;
import io.jmigrate.schema.Schema;
import java.util.Set;

/**
 * One schema change, as a value. Generated migrations build lists of these; a dialect turns
 * each into SQL at run time.
 *
 * <p>Everything an operation means outside a database is here, on the operation (as Django keeps
 * {@code describe}, {@code state_forwards} and {@code deconstruct} on its operations): the schema after it,
 * its reverse, its description, its checksum line, how a generated migration writes it, the word it gives
 * the migration's class name, what the reviewer is told, and where it goes in a migration. What differs per database (its SQL, what it
 * costs, its online forms) is dispatched through {@link OperationVisitor}. A new operation is a record in
 * {@link Operations}: the compiler asks for each of these methods, and every dialect's visitor asks for its
 * SQL. An operation of an application's own implements {@link CustomOperation}, which brings its SQL with it.
 */
public sealed interface Operation
    permits Operations.CreateTable, Operations.DropTable, Operations.RenameTable,
        Operations.AddColumn, Operations.DropColumn, Operations.RenameColumn, Operations.AlterColumn,
        Operations.SetPrimaryKey, Operations.AddIndex, Operations.DropIndex, Operations.RenameIndex,
        Operations.AddForeignKey, Operations.DropForeignKey, Operations.RunSql, Operations.RunJava,
        Operations.CreateSequence, Operations.DropSequence, Operations.RenameSequence, Operations.AlterSequence,
        Operations.AddCheck, Operations.DropCheck,
        Operations.CreateEnumType, Operations.DropEnumType, Operations.AddEnumValue, Operations.RenameEnumValue,
        Operations.AlterCollation, Operations.AlterTableComment, CustomOperation {

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

  /** A short line without column details, for the history table and the migration's header: {@code add column user.email}. */
  String describe();

  /**
   * The canonical text {@link Checksum} (format 1) adds up. Deployed histories hold checksums of it:
   * never change an existing operation's text; a new operation has a line of its own.
   */
  String checksumText();

  /**
   * How a generated migration builds this operation: {@code addColumn("user", column("email", STRING))}.
   *
   * @throws IllegalArgumentException for a hand-written Java step, which the build never writes
   */
  DslCall toJava();

  /**
   * The word this operation gives a generated migration's class name ({@code AddUserEmail}), or null to
   * leave it out (one that follows from the others, such as the indexes of a new table).
   */
  String nameWord(Naming naming);

  /** The reviewer's line for the migration's header: {@link #describe()} with the new definition where it is short. */
  String reviewLine();

  /** The definition this operation replaces or removes, as the reviewer reads it; null when it replaces nothing. */
  String replaced(Schema before);

  /**
   * Where the build puts this operation among a migration's others ({@link Placement}), given the schema
   * before the migration with its renames applied, and the tables the migration creates.
   */
  Placement placement(Schema before, Set<String> tablesCreated);

  /**
   * What a migration's other operations tell one operation's name word.
   *
   * @param tablesCreated the tables the migration creates
   * @param renames whether the migration renames a table or a column
   */
  record Naming(Set<String> tablesCreated, boolean renames) {
    public Naming {
      tablesCreated = Set.copyOf(tablesCreated);
    }
  }
}
