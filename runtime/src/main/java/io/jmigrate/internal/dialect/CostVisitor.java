package io.jmigrate.internal.dialect;

import io.jmigrate.dialect.Cost;
import io.jmigrate.migration.OperationVisitor;
import io.jmigrate.migration.Operations.AlterSequence;
import io.jmigrate.migration.Operations.CreateSequence;
import io.jmigrate.migration.Operations.DropSequence;
import io.jmigrate.migration.Operations.RenameSequence;
import io.jmigrate.migration.Operations.CreateTable;
import io.jmigrate.migration.Operations.DropTable;
import io.jmigrate.migration.Operations.RenameTable;
import io.jmigrate.migration.Operations.RunJava;
import io.jmigrate.migration.Operations.RunSql;

/**
 * What every dialect's costs share: a new, dropped or renamed table, and every sequence change, touch only
 * the catalog, and a
 * hand-written step costs what it runs. Every other operation each dialect prices itself, so a new
 * operation still does not compile until every dialect says what it costs.
 */
abstract class CostVisitor implements OperationVisitor<Cost> {
  @Override
  public Cost createTable(CreateTable o) {
    return Cost.CATALOG;
  }

  @Override
  public Cost dropTable(DropTable o) {
    return Cost.CATALOG;
  }

  @Override
  public Cost renameTable(RenameTable o) {
    return Cost.CATALOG;
  }

  @Override
  public Cost runSql(RunSql o) {
    return Cost.light("runs the hand-written SQL");
  }

  @Override
  public Cost runJava(RunJava o) {
    return Cost.light("runs the Java step");
  }

  @Override
  public Cost custom(io.jmigrate.migration.CustomOperation o) {
    return Cost.light("runs the custom operation's SQL");
  }

  @Override
  public Cost createSequence(CreateSequence o) {
    return Cost.CATALOG;
  }

  @Override
  public Cost dropSequence(DropSequence o) {
    return Cost.CATALOG;
  }

  @Override
  public Cost renameSequence(RenameSequence o) {
    return Cost.CATALOG;
  }

  @Override
  public Cost alterSequence(AlterSequence o) {
    return Cost.CATALOG;
  }

  // Checks: alike on PostgreSQL, MariaDB and H2 (SQLite rebuilds the table, and says so itself).

  @Override
  public Cost addCheck(io.jmigrate.migration.Operations.AddCheck o) {
    return Cost.heavy("reads every row to check it, while writes to the table wait");
  }

  @Override
  public Cost dropCheck(io.jmigrate.migration.Operations.DropCheck o) {
    return Cost.CATALOG;
  }

  @Override
  public Cost createEnumType(io.jmigrate.migration.Operations.CreateEnumType o) {
    return Cost.CATALOG;
  }

  @Override
  public Cost dropEnumType(io.jmigrate.migration.Operations.DropEnumType o) {
    return Cost.CATALOG;
  }

  @Override
  public Cost addEnumValue(io.jmigrate.migration.Operations.AddEnumValue o) {
    return Cost.CATALOG;
  }

  @Override
  public Cost renameEnumValue(io.jmigrate.migration.Operations.RenameEnumValue o) {
    return Cost.CATALOG; // the label, not the stored values (they hold its position)
  }

  /** Only MariaDB/MySQL keep a table's collation ({@link MariaDbCosts}); elsewhere nothing runs. */
  @Override
  public Cost alterCollation(io.jmigrate.migration.Operations.AlterCollation o) {
    return Cost.light("runs nothing on this database");
  }

  /** A comment is catalog-only everywhere (MariaDB changes it in place, SQLite runs nothing). */
  @Override
  public Cost alterTableComment(io.jmigrate.migration.Operations.AlterTableComment o) {
    return Cost.light("changes only the catalog's comment");
  }
}
