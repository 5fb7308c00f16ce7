package io.jmigrate.internal.dialect;

import io.jmigrate.dialect.Cost;
import io.jmigrate.dialect.Costs;
import io.jmigrate.migration.Operation;
import io.jmigrate.migration.OperationVisitor;
import io.jmigrate.migration.Operations.AlterSequence;
import io.jmigrate.migration.Operations.CreateSequence;
import io.jmigrate.migration.Operations.CreateTable;
import io.jmigrate.migration.Operations.DropSequence;
import io.jmigrate.migration.Operations.DropTable;
import io.jmigrate.migration.Operations.RenameSequence;
import io.jmigrate.migration.Operations.RenameTable;
import io.jmigrate.migration.Operations.RunJava;
import io.jmigrate.migration.Operations.RunSql;
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
import io.jmigrate.schema.Schema;

/**
 * SQLite, as {@link SqliteDialect} runs each operation (the same rules decide both): RENAME TABLE, RENAME COLUMN and ADD COLUMN (without
 * an expression default, NOT NULL only with a literal default) change only the schema text; DROP
 * COLUMN rewrites every row to remove the value (and is a rebuild when the column is keyed or
 * indexed); everything else is the documented table rebuild, which copies every row and rebuilds
 * every index. A migration holds SQLite's write lock throughout, so other writers wait.
 */
final class SqliteCosts implements Costs {
  private static final Cost REBUILD = Cost.heavy("rebuilds the table (copies every row and rebuilds its indexes) "
      + "while other writers wait");

  @Override
  public String displayName() {
    return "SQLite";
  }

  @Override
  public Cost cost(Operation op, Schema before) {
    return op.accept(new CostVisitor() {
      @Override
      public Cost addColumn(AddColumn o) {
        return SqliteDialect.addsInPlace(o.column()) ? Cost.CATALOG : REBUILD;
      }

      @Override
      public Cost dropColumn(DropColumn o) {
        return !SqliteDialect.dropsInPlace(o, before) ? REBUILD : Cost.heavy("rewrites every row to remove the value (DROP COLUMN) while other "
            + "writers wait");
      }

      @Override
      public Cost renameColumn(RenameColumn o) {
        return Cost.CATALOG;
      }

      @Override
      public Cost alterColumn(AlterColumn o) {
        return SqliteDialect.rebuilds(o, before) ? REBUILD : Cost.CATALOG;
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

  /** The table the operation rebuilds, as {@link SqliteDialect} decides it; null when its ALTER TABLE does it. */
  @Override
  public String rebuilds(Operation op, Schema before) {
    return op.accept(new Rebuilt(before));
  }

  private static final class Rebuilt implements OperationVisitor<String> {
    private final Schema before;

    Rebuilt(Schema before) {
      this.before = before;
    }

    @Override
    public String createTable(CreateTable o) {
      return null;
    }

    @Override
    public String dropTable(DropTable o) {
      return null;
    }

    @Override
    public String renameTable(RenameTable o) {
      return null;
    }

    @Override
    public String addColumn(AddColumn o) {
      return SqliteDialect.addsInPlace(o.column()) ? null : o.table();
    }

    @Override
    public String dropColumn(DropColumn o) {
      return before.find(o.table()).isEmpty() || SqliteDialect.dropsInPlace(o, before) ? null : o.table();
    }

    @Override
    public String renameColumn(RenameColumn o) {
      return null;
    }

    @Override
    public String alterColumn(AlterColumn o) {
      return before.find(o.table()).isEmpty() || SqliteDialect.rebuilds(o, before) ? o.table() : null;
    }

    @Override
    public String setPrimaryKey(SetPrimaryKey o) {
      return o.table();
    }

    @Override
    public String addIndex(AddIndex o) {
      return null;
    }

    @Override
    public String dropIndex(DropIndex o) {
      return null;
    }

    @Override
    public String renameIndex(RenameIndex o) {
      return null; // the index is rebuilt, not the table
    }

    @Override
    public String addForeignKey(AddForeignKey o) {
      return o.table();
    }

    @Override
    public String dropForeignKey(DropForeignKey o) {
      return o.table();
    }

    @Override
    public String runSql(RunSql o) {
      return null;
    }

    @Override
    public String runJava(RunJava o) {
      return null;
    }

    @Override
    public String custom(io.jmigrate.migration.CustomOperation o) {
      return null; // its own SQL: nothing jmigrate rebuilds
    }

    @Override
    public String createSequence(CreateSequence o) {
      return null;
    }

    @Override
    public String dropSequence(DropSequence o) {
      return null;
    }

    @Override
    public String renameSequence(RenameSequence o) {
      return null;
    }

    @Override
    public String alterSequence(AlterSequence o) {
      return null;
    }

    @Override
    public String createEnumType(io.jmigrate.migration.Operations.CreateEnumType o) {
      return null;
    }

    @Override
    public String dropEnumType(io.jmigrate.migration.Operations.DropEnumType o) {
      return null;
    }

    @Override
    public String addEnumValue(io.jmigrate.migration.Operations.AddEnumValue o) {
      return null;
    }

    @Override
    public String renameEnumValue(io.jmigrate.migration.Operations.RenameEnumValue o) {
      return null;
    }

    @Override
    public String addCheck(io.jmigrate.migration.Operations.AddCheck o) {
      return o.table();
    }

    @Override
    public String dropCheck(io.jmigrate.migration.Operations.DropCheck o) {
      return o.table();
    }

    @Override
    public String alterCollation(io.jmigrate.migration.Operations.AlterCollation o) {
      return null; // nothing runs on SQLite
    }

    @Override
    public String alterTableComment(io.jmigrate.migration.Operations.AlterTableComment o) {
      return null; // nothing runs on SQLite
    }
  }
}
