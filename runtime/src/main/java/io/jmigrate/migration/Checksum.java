package io.jmigrate.migration;

import io.jmigrate.schema.ReferentialAction;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ColumnProperty;
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
 * canonical text of each operation ({@link #text}) is byte for byte what
 * {@code Operation.toString()} produced up to release 0.1, so histories written by that code keep
 * validating without a rewrite. Each operation's text is its {@link Operation#checksumText()}, built
 * from the definitions' texts here and, for a column, from {@link ColumnProperty#checksum}.
 * Hand-written SQL enters as written; a Java step by its description only (code cannot be
 * checksummed). Comments, formatting and the migration's description do not.
 *
 * <p>Never change the text of an existing operation. A new operation adds its own text; a new
 * column attribute appears only when set (so older migrations keep their checksums). A format 2
 * would need a format marker in the history, which format 1 rows do not have. Pinned by
 * {@code ChecksumContractTest} with the checksums of known migrations.
 */
public final class Checksum {
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
    return op.checksumText();
  }

  static String check(io.jmigrate.schema.CheckDefinition c) {
    return "check " + c.name() + " (" + c.expression() + ")";
  }

  static String sequence(io.jmigrate.schema.SequenceDefinition q) {
    return "sequence " + q.name() + " start " + q.start() + " increment " + q.increment();
  }

  static String perDialect(java.util.Map<String, String> sql) {
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
    if (t.collation() != null) { // only tables that name one: every older table keeps its text
      s.append(" COLLATE ").append(t.collation());
    }
    for (io.jmigrate.schema.CheckDefinition c : t.checks()) { // sorted by name; none in older tables
      s.append(", ").append(check(c));
    }
    if (t.comment() != null) { // only tables that have one: every older table keeps its text
      s.append(" COMMENT '").append(t.comment().replace("'", "''")).append('\'');
    }
    return s.toString();
  }

  static String column(ColumnDefinition c) {
    return ColumnProperty.checksumText(c);
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
