package io.jmigrate.processor.codegen;

import io.jmigrate.schema.ReferentialAction;
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
import io.jmigrate.schema.ForeignKeyDefinition;
import io.jmigrate.schema.IndexDefinition;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.TableDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reviewer needs beside each generated operation (compare Alembic's {@code existing_type},
 * EF Core's {@code OldColumn}): the definition an alter or drop replaces, and whether SQLite will
 * rebuild the table for it (a copy of every row: the cost a reviewer most needs to see).
 */
final class ReviewNotes {
  private ReviewNotes() {}

  /** The header line of one operation, with the new definition where it is short. */
  static String line(Operation op) {
    return op.accept(LINE);
  }

  /** The old definition this operation replaces or removes, or null when it replaces nothing. */
  static String was(Operation op, Schema before) {
    return op.accept(new Was(before));
  }

  /**
   * The table SQLite rebuilds for this operation, or null when its ALTER TABLE can do it. Mirrors
   * the SQLite dialect's rules: ADD COLUMN without an expression default or a NOT NULL without a
   * literal default, DROP COLUMN of a column no key or index uses, renames; everything else rebuilds.
   */
  static String sqliteRebuilds(Operation op, Schema before) {
    return op.accept(new SqliteRebuild(before));
  }

  /** {@code STRING(20) NOT NULL DEFAULT 'x'}: a column's definition without its name. */
  static String definition(ColumnDefinition c) {
    StringBuilder s = new StringBuilder(c.type().name());
    if (c.length() > 0) {
      s.append('(').append(c.length()).append(')');
    }
    if (c.precision() > 0) {
      s.append('(').append(c.precision()).append(", ").append(c.scale()).append(')');
    }
    if (!c.nullable()) {
      s.append(" NOT NULL");
    }
    if (c.defaultValue() != null) {
      s.append(" DEFAULT '").append(c.defaultValue().replace("'", "''")).append('\'');
    }
    if (c.defaultSql() != null) {
      s.append(" DEFAULT (").append(c.defaultSql()).append(')');
    }
    c.defaultSqlByDialect().forEach((d, e) -> s.append(" DEFAULT ON ").append(d).append(" (").append(e).append(')'));
    if (c.generated()) {
      s.append(" IDENTITY");
    }
    return s.toString();
  }

  static String definition(TableDefinition t) {
    List<String> parts = new ArrayList<>();
    t.columns().forEach(c -> parts.add(c.name() + " " + definition(c)));
    if (!t.primaryKey().isEmpty()) {
      parts.add("primary key (" + String.join(", ", t.primaryKey()) + ")");
    }
    t.indexes().forEach(i -> parts.add(definition(i)));
    t.foreignKeys().forEach(f -> parts.add(f.name() + " " + definition(f)));
    return t.name() + " (" + String.join(", ", parts) + ")";
  }

  static String definition(IndexDefinition i) {
    return (i.unique() ? "unique index " : "index ") + i.name() + " (" + String.join(", ", i.columns()) + ")";
  }

  static String definition(ForeignKeyDefinition f) {
    StringBuilder s = new StringBuilder("(").append(String.join(", ", f.columns())).append(") references ")
        .append(f.refTable()).append(" (").append(String.join(", ", f.refColumns())).append(')');
    if (f.onDelete() != ReferentialAction.NO_ACTION) {
      s.append(" on delete ").append(f.onDelete().name());
    }
    if (f.onUpdate() != ReferentialAction.NO_ACTION) {
      s.append(" on update ").append(f.onUpdate().name());
    }
    return s.toString();
  }

  private static final OperationVisitor<String> LINE = new OperationVisitor<>() {
    @Override
    public String createTable(CreateTable o) {
      // A new table is listed by its column names; its definition follows in the code.
      return "create table " + o.table().name() + " (" + String.join(", ", o.table().columnNames()) + ")";
    }

    @Override
    public String dropTable(DropTable o) {
      return MigrationNamer.summary(o);
    }

    @Override
    public String renameTable(RenameTable o) {
      return MigrationNamer.summary(o);
    }

    @Override
    public String addColumn(AddColumn o) {
      return MigrationNamer.summary(o) + " " + definition(o.column());
    }

    @Override
    public String dropColumn(DropColumn o) {
      return MigrationNamer.summary(o);
    }

    @Override
    public String renameColumn(RenameColumn o) {
      return MigrationNamer.summary(o);
    }

    @Override
    public String alterColumn(AlterColumn o) {
      return MigrationNamer.summary(o) + " to " + definition(o.column());
    }

    @Override
    public String setPrimaryKey(SetPrimaryKey o) {
      return MigrationNamer.summary(o) + " to (" + String.join(", ", o.columns()) + ")";
    }

    @Override
    public String addIndex(AddIndex o) {
      return "add " + definition(o.index()) + " on " + o.table();
    }

    @Override
    public String dropIndex(DropIndex o) {
      return MigrationNamer.summary(o) + " on " + o.table();
    }

    @Override
    public String renameIndex(RenameIndex o) {
      return MigrationNamer.summary(o) + " (in place; SQLite cannot, and drops and creates the index)";
    }

    @Override
    public String addForeignKey(AddForeignKey o) {
      return MigrationNamer.summary(o) + " " + o.table() + " " + definition(o.foreignKey());
    }

    @Override
    public String dropForeignKey(DropForeignKey o) {
      return MigrationNamer.summary(o) + " on " + o.table();
    }

    @Override
    public String runSql(RunSql o) {
      return "sql: " + (o.perDialect() ? o.sqlByDialect().toString() : o.sql());
    }

    @Override
    public String runJava(RunJava o) {
      return "java: " + o.description();
    }

    @Override
    public String createSequence(CreateSequence o) {
      return "create " + o.sequence();
    }

    @Override
    public String dropSequence(DropSequence o) {
      return MigrationNamer.summary(o) + " (its next value is lost: a sequence created again starts at its start)";
    }

    @Override
    public String renameSequence(RenameSequence o) {
      return MigrationNamer.summary(o) + " (the next value stays)";
    }

    @Override
    public String alterSequence(AlterSequence o) {
      return "alter " + o.sequence() + " (the next value does not move; a new start is where a RESTART goes back to)";
    }

    @Override
    public String addCheck(io.jmigrate.migration.Operations.AddCheck o) {
      return "add " + o.check() + " on " + o.table() + " (existing rows that fail it stop the migration before it"
          + " changes anything)";
    }

    @Override
    public String dropCheck(io.jmigrate.migration.Operations.DropCheck o) {
      return MigrationNamer.summary(o);
    }
  };

  private static final class Was implements OperationVisitor<String> {
    private final Schema before;

    Was(Schema before) {
      this.before = before;
    }

    private TableDefinition table(String name) {
      return before.find(name).orElse(null);
    }

    @Override
    public String createTable(CreateTable o) {
      return null;
    }

    @Override
    public String dropTable(DropTable o) {
      TableDefinition t = table(o.table());
      return t == null ? null : definition(t);
    }

    @Override
    public String renameTable(RenameTable o) {
      return null;
    }

    @Override
    public String addColumn(AddColumn o) {
      return null;
    }

    @Override
    public String dropColumn(DropColumn o) {
      TableDefinition t = table(o.table());
      return t == null ? null : t.column(o.column()).map(ReviewNotes::definition).orElse(null);
    }

    @Override
    public String renameColumn(RenameColumn o) {
      return null;
    }

    @Override
    public String alterColumn(AlterColumn o) {
      TableDefinition t = table(o.table());
      return t == null ? null : t.column(o.column().name()).map(ReviewNotes::definition).orElse(null);
    }

    @Override
    public String setPrimaryKey(SetPrimaryKey o) {
      TableDefinition t = table(o.table());
      return t == null ? null : t.primaryKey().isEmpty() ? "no primary key" : "(" + String.join(", ", t.primaryKey()) + ")";
    }

    @Override
    public String addIndex(AddIndex o) {
      return null;
    }

    @Override
    public String dropIndex(DropIndex o) {
      TableDefinition t = table(o.table());
      return t == null ? null : t.findIndex(o.index()).map(i -> "(" + String.join(", ", i.columns()) + ")"
          + (i.unique() ? " unique" : "")).orElse(null);
    }

    @Override
    public String renameIndex(RenameIndex o) {
      return null;
    }

    @Override
    public String addForeignKey(AddForeignKey o) {
      return null;
    }

    @Override
    public String dropForeignKey(DropForeignKey o) {
      TableDefinition t = table(o.table());
      return t == null ? null : t.findForeignKey(o.foreignKey()).map(ReviewNotes::definition).orElse(null);
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
    public String createSequence(CreateSequence o) {
      return null;
    }

    @Override
    public String dropSequence(DropSequence o) {
      return before.findSequence(o.sequence()).map(Object::toString).orElse(null);
    }

    @Override
    public String renameSequence(RenameSequence o) {
      return null;
    }

    @Override
    public String alterSequence(AlterSequence o) {
      return before.findSequence(o.sequence().name()).map(Object::toString).orElse(null);
    }

    @Override
    public String addCheck(io.jmigrate.migration.Operations.AddCheck o) {
      return null;
    }

    @Override
    public String dropCheck(io.jmigrate.migration.Operations.DropCheck o) {
      TableDefinition t = table(o.table());
      return t == null ? null : t.findCheck(o.check()).map(c -> "(" + c.expression() + ")").orElse(null);
    }
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
