package io.jmigrate.processor.diff;

import io.jmigrate.migration.Operation;
import io.jmigrate.migration.Operations.AddColumn;
import io.jmigrate.migration.Operations.AddForeignKey;
import io.jmigrate.migration.Operations.AddIndex;
import io.jmigrate.migration.Operations.AlterColumn;
import io.jmigrate.migration.Operations.DropColumn;
import io.jmigrate.migration.Operations.DropForeignKey;
import io.jmigrate.migration.Operations.DropIndex;
import io.jmigrate.migration.Operations.RenameColumn;
import io.jmigrate.migration.Operations.RenameIndex;
import io.jmigrate.migration.Operations.SetPrimaryKey;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.TableDefinition;

/**
 * SQLite, as SqliteDialect runs each operation: RENAME TABLE, RENAME COLUMN and ADD COLUMN (without
 * an expression default, NOT NULL only with a literal default) change only the schema text; DROP
 * COLUMN rewrites every row to remove the value (and is a rebuild when the column is keyed or
 * indexed); everything else is the documented table rebuild, which copies every row and rebuilds
 * every index. A migration holds SQLite's write lock throughout, so other writers wait.
 */
final class SqliteCosts implements DialectCosts {
  private static final Cost REBUILD = Cost.heavy("rebuilds the table (copies every row and rebuilds its indexes) "
      + "while other writers wait");

  @Override
  public String dialect() {
    return "sqlite";
  }

  @Override
  public String displayName() {
    return "SQLite";
  }

  @Override
  public Cost cost(Operation op, Schema before) {
    return op.accept(new CostVisitor() {
      @Override
      public Cost addColumn(AddColumn o) {
        ColumnDefinition c = o.column();
        boolean nativeAdd = !c.hasDefaultSql() && (c.nullable() || c.defaultValue() != null) && !c.generated();
        return nativeAdd ? Cost.CATALOG : REBUILD;
      }

      @Override
      public Cost dropColumn(DropColumn o) {
        TableDefinition t = before.table(o.table());
        String c = o.column();
        boolean referenced = t.primaryKey().contains(c)
            || t.indexes().stream().anyMatch(i -> i.columns().contains(c))
            || t.foreignKeys().stream().anyMatch(f -> f.columns().contains(c))
            || before.tables().stream().flatMap(x -> x.foreignKeys().stream())
                .anyMatch(f -> f.refTable().equals(o.table()) && f.refColumns().contains(c));
        return referenced ? REBUILD : Cost.heavy("rewrites every row to remove the value (DROP COLUMN) while other "
            + "writers wait");
      }

      @Override
      public Cost renameColumn(RenameColumn o) {
        return Cost.CATALOG;
      }

      @Override
      public Cost alterColumn(AlterColumn o) {
        return REBUILD;
      }

      @Override
      public Cost setPrimaryKey(SetPrimaryKey o) {
        return REBUILD;
      }

      @Override
      public Cost addIndex(AddIndex o) {
        return Cost.light("builds the index");
      }

      @Override
      public Cost dropIndex(DropIndex o) {
        return Cost.CATALOG;
      }

      @Override
      public Cost renameIndex(RenameIndex o) {
        return Cost.light("drops the index and builds it again under the new name (SQLite cannot rename one)");
      }

      @Override
      public Cost addForeignKey(AddForeignKey o) {
        return REBUILD;
      }

      @Override
      public Cost dropForeignKey(DropForeignKey o) {
        return REBUILD;
      }

      @Override
      public Cost addCheck(io.jmigrate.migration.Operations.AddCheck o) {
        return REBUILD;
      }

      @Override
      public Cost dropCheck(io.jmigrate.migration.Operations.DropCheck o) {
        return REBUILD;
      }
    });
  }
}
