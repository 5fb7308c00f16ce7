package io.jmigrate.processor.codegen;

import io.jmigrate.migration.Operation;
import io.jmigrate.migration.OperationVisitor;
import io.jmigrate.migration.Operations.AddColumn;
import io.jmigrate.migration.Operations.AddForeignKey;
import io.jmigrate.migration.Operations.AddIndex;
import io.jmigrate.migration.Operations.AlterSequence;
import io.jmigrate.migration.Operations.CreateSequence;
import io.jmigrate.migration.Operations.DropSequence;
import io.jmigrate.migration.Operations.RenameSequence;
import io.jmigrate.migration.Operations.AlterColumn;
import io.jmigrate.migration.Operations.CreateTable;
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
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.TableDefinition;

/**
 * What a reviewer needs beside each generated operation (compare Alembic's {@code existing_type},
 * EF Core's {@code OldColumn}): the definition an alter or drop replaces, and whether SQLite will
 * rebuild the table for it (a copy of every row: the cost a reviewer most needs to see).
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

  /**
   * The table SQLite rebuilds for this operation, or null when its ALTER TABLE can do it. Mirrors
   * the SQLite dialect's rules: ADD COLUMN without an expression default or a NOT NULL without a
   * literal default, DROP COLUMN of a column no key or index uses, renames; everything else rebuilds.
   */
  static String sqliteRebuilds(Operation op, Schema before) {
    return op.accept(new SqliteRebuild(before));
  }

  private static final class SqliteRebuild implements OperationVisitor<String> {
    private final Schema before;

    SqliteRebuild(Schema before) {
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
      ColumnDefinition c = o.column();
      boolean alter = !c.hasDefaultSql() && (c.nullable() || c.defaultValue() != null) && !c.generated();
      return alter ? null : o.table();
    }

    @Override
    public String dropColumn(DropColumn o) {
      TableDefinition t = before.find(o.table()).orElse(null);
      if (t == null) {
        return null;
      }
      String c = o.column();
      boolean used = t.primaryKey().contains(c)
          || t.indexes().stream().anyMatch(i -> i.columns().contains(c))
          || t.foreignKeys().stream().anyMatch(f -> f.columns().contains(c))
          || t.checks().stream().anyMatch(k -> k.expression().contains(c))
          || before.tables().stream().flatMap(x -> x.foreignKeys().stream())
              .anyMatch(f -> f.refTable().equals(o.table()) && f.refColumns().contains(c));
      return used ? o.table() : null;
    }

    @Override
    public String renameColumn(RenameColumn o) {
      return null;
    }

    @Override
    public String alterColumn(AlterColumn o) {
      return o.table();
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
    public String addCheck(io.jmigrate.migration.Operations.AddCheck o) {
      return o.table();
    }

    @Override
    public String dropCheck(io.jmigrate.migration.Operations.DropCheck o) {
      return o.table();
    }
  }
}
