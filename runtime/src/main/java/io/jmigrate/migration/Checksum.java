package io.jmigrate.migration;

import io.jmigrate.schema.ReferentialAction;
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
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ForeignKeyDefinition;
import io.jmigrate.schema.IndexDefinition;
import io.jmigrate.schema.TableDefinition;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The checksum of a migration, which {@code jmigrate_history} stores and every later run compares.
 * Deployed databases depend on it, so it is a contract of its own, separate from {@code toString()}
 * (which is free to change).
 *
 * <p><b>Format 1</b> (the only one): CRC32 (as a signed 32-bit int) of the UTF-8 bytes of each
 * operation's canonical text, each followed by {@code '\n'}, in {@link Migration#up()} order. The
 * canonical text of each operation is below ({@link #text}); it is byte for byte what
 * {@code Operation.toString()} produced up to release 0.1, so histories written by that code keep
 * validating without a rewrite. Hand-written SQL enters as written; a Java step by its description
 * only (code cannot be checksummed). Comments, formatting and the migration's description do not.
 *
 * <p>Never change the text of an existing operation. A new operation adds its own text; a new
 * column attribute appears only when set (so older migrations keep their checksums). A format 2
 * would need a format marker in the history, which format 1 rows do not have. Pinned by
 * {@code ChecksumContractTest} with the checksums of known migrations.
 */
public final class Checksum implements OperationVisitor<String> {
  private static final Checksum TEXT = new Checksum();

  private Checksum() {}

  /** The checksum of these operations, format 1. */
  public static int of(List<Operation> ops) {
    CRC32 crc = new CRC32();
    for (Operation op : ops) {
      crc.update(text(op).getBytes(StandardCharsets.UTF_8));
      crc.update('\n');
    }
    return (int) crc.getValue();
  }

  /** The canonical text of one operation, format 1. */
  public static String text(Operation op) {
    return op.accept(TEXT);
  }

  @Override
  public String createTable(CreateTable op) {
    return "create " + table(op.table());
  }

  @Override
  public String dropTable(DropTable op) {
    return "drop table " + op.table();
  }

  @Override
  public String renameTable(RenameTable op) {
    return "rename table " + op.from() + " to " + op.to();
  }

  @Override
  public String addColumn(AddColumn op) {
    return "add column " + op.table() + "." + column(op.column());
  }

  @Override
  public String dropColumn(DropColumn op) {
    return "drop column " + op.table() + "." + op.column();
  }

  @Override
  public String renameColumn(RenameColumn op) {
    return "rename column " + op.table() + "." + op.from() + " to " + op.to();
  }

  @Override
  public String alterColumn(AlterColumn op) {
    return "alter column " + op.table() + "." + column(op.column());
  }

  @Override
  public String setPrimaryKey(SetPrimaryKey op) {
    return "set primary key " + op.table() + " (" + String.join(", ", op.columns()) + ")";
  }

  @Override
  public String addIndex(AddIndex op) {
    return "add " + index(op.index()) + " on " + op.table();
  }

  @Override
  public String dropIndex(DropIndex op) {
    return "drop index " + op.index() + " on " + op.table();
  }

  /** Added after release 0.1: a line of its own, in the form of the other renames. */
  @Override
  public String renameIndex(RenameIndex op) {
    return "rename index " + op.table() + "." + op.from() + " to " + op.to();
  }

  @Override
  public String addForeignKey(AddForeignKey op) {
    return "add " + foreignKey(op.foreignKey()) + " on " + op.table();
  }

  @Override
  public String dropForeignKey(DropForeignKey op) {
    return "drop foreign key " + op.foreignKey() + " on " + op.table();
  }

  @Override
  public String runSql(RunSql op) {
    if (op.perDialect()) {
      // A form of its own (the maps are sorted by dialect name); the one-statement form is unchanged.
      return "sql per dialect " + perDialect(op.sqlByDialect())
          + (op.reverseByDialect().isEmpty() ? "" : " reverse " + perDialect(op.reverseByDialect()));
    }
    return "sql [" + op.sql() + "]" + (op.reverseSql() == null ? "" : " reverse [" + op.reverseSql() + "]");
  }

  @Override
  public String runJava(RunJava op) {
    return "java [" + op.description() + "]" + (op.reverseStep() == null ? "" : " reversible");
  }

  // Added after release 0.1: lines of their own, in the form of the table operations.

  @Override
  public String createSequence(CreateSequence op) {
    return "create " + sequence(op.sequence());
  }

  @Override
  public String dropSequence(DropSequence op) {
    return "drop sequence " + op.sequence();
  }

  @Override
  public String renameSequence(RenameSequence op) {
    return "rename sequence " + op.from() + " to " + op.to();
  }

  @Override
  public String alterSequence(AlterSequence op) {
    return "alter " + sequence(op.sequence());
  }

  @Override
  public String addCheck(AddCheck op) {
    return "add " + check(op.check()) + " on " + op.table();
  }

  @Override
  public String dropCheck(DropCheck op) {
    return "drop check " + op.check() + " on " + op.table();
  }

  static String check(io.jmigrate.schema.CheckDefinition c) {
    return "check " + c.name() + " (" + c.expression() + ")";
  }

  static String sequence(io.jmigrate.schema.SequenceDefinition q) {
    return "sequence " + q.name() + " start " + q.start() + " increment " + q.increment();
  }

  private static String perDialect(java.util.Map<String, String> sql) {
    StringBuilder s = new StringBuilder("{");
    sql.forEach((dialect, text) -> s.append(s.length() > 1 ? ", " : "").append(dialect).append(" [").append(text).append("]"));
    return s.append("}").toString();
  }

  static String table(TableDefinition t) {
    StringBuilder s = new StringBuilder("table ").append(t.name()).append(" (");
    for (int i = 0; i < t.columns().size(); i++) {
      s.append(i == 0 ? "" : ", ").append(column(t.columns().get(i)));
    }
    if (!t.primaryKey().isEmpty()) {
      // A kept constraint name appears only when given: every older table keeps its text.
      s.append(", ").append(t.primaryKeyName() == null ? "" : "constraint " + t.primaryKeyName() + " ")
          .append("primary key (").append(String.join(", ", t.primaryKey())).append(')');
    }
    s.append(')');
    for (IndexDefinition i : t.indexes()) { // sorted by name
      s.append(", ").append(index(i));
    }
    for (ForeignKeyDefinition f : t.foreignKeys()) { // sorted by name
      s.append(", ").append(foreignKey(f));
    }
    for (io.jmigrate.schema.CheckDefinition c : t.checks()) { // sorted by name; none in older tables
      s.append(", ").append(check(c));
    }
    return s.toString();
  }

  static String column(ColumnDefinition c) {
    StringBuilder s = new StringBuilder(c.name()).append(' ').append(c.type().name());
    if (c.length() > 0) {
      s.append('(').append(c.length()).append(')');
    }
    if (c.precision() > 0) {
      s.append('(').append(c.precision()).append(',').append(c.scale()).append(')');
    }
    s.append(c.nullable() ? " NULL" : " NOT NULL");
    if (c.defaultValue() != null) {
      s.append(" DEFAULT '").append(c.defaultValue().replace("'", "''")).append('\'');
    }
    if (c.defaultSql() != null) {
      s.append(" DEFAULT (").append(c.defaultSql()).append(')');
    }
    // Only columns with per-dialect variants get this part: every older column keeps its form.
    c.defaultSqlByDialect().forEach((d, e) -> s.append(" DEFAULT ON ").append(d).append(" (").append(e).append(')'));
    if (c.generated()) {
      s.append(" GENERATED");
    }
    if (c.utcDatetime()) { // only JPA columns that asked for it: every older column keeps its form
      s.append(" UTC-DATETIME");
    }
    return s.toString();
  }

  static String index(IndexDefinition i) {
    return (i.unique() ? "unique index " : "index ") + i.name() + " (" + String.join(", ", i.columns()) + ")";
  }

  static String foreignKey(ForeignKeyDefinition f) {
    StringBuilder s = new StringBuilder("foreign key ").append(f.name())
        .append(" (").append(String.join(", ", f.columns())).append(") references ")
        .append(f.refTable()).append(" (").append(String.join(", ", f.refColumns())).append(')');
    if (f.onDelete() != ReferentialAction.NO_ACTION) {
      s.append(" on delete ").append(f.onDelete().sql());
    }
    if (f.onUpdate() != ReferentialAction.NO_ACTION) {
      s.append(" on update ").append(f.onUpdate().sql());
    }
    return s.toString();
  }
}
