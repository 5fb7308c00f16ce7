package io.jmigrate.migration;

import io.jmigrate.migration.Operations.AddCheck;
import io.jmigrate.migration.Operations.AddColumn;
import io.jmigrate.migration.Operations.AddForeignKey;
import io.jmigrate.migration.Operations.AddIndex;
import io.jmigrate.migration.Operations.AlterColumn;
import io.jmigrate.migration.Operations.AlterSequence;
import io.jmigrate.migration.Operations.CreateSequence;
import io.jmigrate.migration.Operations.DropSequence;
import io.jmigrate.migration.Operations.RenameSequence;
import io.jmigrate.migration.Operations.CreateTable;
import io.jmigrate.migration.Operations.DropCheck;
import io.jmigrate.migration.Operations.DropColumn;
import io.jmigrate.migration.Operations.DropForeignKey;
import io.jmigrate.migration.Operations.DropIndex;
import io.jmigrate.migration.Operations.DropTable;
import io.jmigrate.migration.Operations.RenameColumn;
import io.jmigrate.migration.Operations.RenameIndex;
import io.jmigrate.migration.Operations.RenameTable;
import io.jmigrate.migration.Operations.RunJava;
import io.jmigrate.migration.Operations.RunSql;
import io.jmigrate.migration.Operations.SetPrimaryKey;

/**
 * What differs per database for each operation (its SQL, what it costs, its online form, what an
 * engine step may touch) dispatches through this interface: a new operation adds one method here, and
 * every consumer that does not handle it stops compiling. What an operation means everywhere else
 * (description, checksum line, Java form, review notes) is on the operation itself ({@link Operation}).
 * Java 17 does not check {@code instanceof} ladders over the sealed {@link Operation} for
 * exhaustiveness; this does.
 */
public interface OperationVisitor<R> {
  R createTable(CreateTable op);

  R dropTable(DropTable op);

  R renameTable(RenameTable op);

  R addColumn(AddColumn op);

  R dropColumn(DropColumn op);

  R renameColumn(RenameColumn op);

  R alterColumn(AlterColumn op);

  R setPrimaryKey(SetPrimaryKey op);

  R addIndex(AddIndex op);

  R dropIndex(DropIndex op);

  R renameIndex(RenameIndex op);

  R addForeignKey(AddForeignKey op);

  R dropForeignKey(DropForeignKey op);

  R runSql(RunSql op);

  R runJava(RunJava op);

  R createSequence(CreateSequence op);

  R dropSequence(DropSequence op);

  R renameSequence(RenameSequence op);

  R alterSequence(AlterSequence op);

  R addCheck(AddCheck op);

  R dropCheck(DropCheck op);

  R createEnumType(Operations.CreateEnumType op);

  R dropEnumType(Operations.DropEnumType op);

  R addEnumValue(Operations.AddEnumValue op);

  R renameEnumValue(Operations.RenameEnumValue op);

  R alterCollation(Operations.AlterCollation op);

  R alterTableComment(Operations.AlterTableComment op);

  /**
   * An operation of an application's own. A visitor written before custom operations existed does not
   * handle one; every visitor of jmigrate's does.
   */
  default R custom(CustomOperation op) {
    throw new UnsupportedOperationException(getClass().getName() + " does not handle the custom operation "
        + op.describe());
  }
}
