package io.jmigrate.migration;

import io.jmigrate.schema.ReferentialAction;
import io.jmigrate.schema.CheckDefinition;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ColumnProperty;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.schema.EnumTypeDefinition;
import io.jmigrate.schema.DslCall;
import io.jmigrate.migration.Placement.Stage;
import io.jmigrate.schema.ForeignKeyDefinition;
import io.jmigrate.schema.IndexDefinition;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.SequenceDefinition;
import io.jmigrate.schema.TableDefinition;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;

/**
 * The operations and the small vocabulary generated migrations are written in; import it
 * statically: {@code import static io.jmigrate.migration.Operations.*;}.
 */
public final class Operations {
  private Operations() {}

  /** The other tables a table's foreign keys reference. */
  private static Set<String> referenced(TableDefinition t) {
    Set<String> refs = new TreeSet<>();
    for (ForeignKeyDefinition f : t.foreignKeys()) {
      if (!f.refTable().equals(t.name())) {
        refs.add(f.refTable());
      }
    }
    return refs;
  }

  /** {@code user_email} → {@code UserEmail}: names in a generated migration's class name. */
  static String camel(String snake) {
    StringBuilder s = new StringBuilder();
    for (String part : snake.split("_")) {
      if (!part.isEmpty()) {
        s.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return s.toString();
  }

  // ---- vocabulary ----

  public static TableDefinition table(String name, ColumnDefinition... columns) {
    return TableDefinition.of(name, columns);
  }

  public static ColumnDefinition column(String name, ColumnType type) {
    return ColumnDefinition.of(name, type);
  }

  public static IndexDefinition index(String name, String... columns) {
    return IndexDefinition.of(name, columns);
  }

  public static IndexDefinition uniqueIndex(String name, String... columns) {
    return IndexDefinition.unique(name, columns);
  }

  public static ForeignKeyDefinition foreignKey(String name, String column, String refTable, String refColumn) {
    return ForeignKeyDefinition.of(name, column, refTable, refColumn);
  }

  public static ForeignKeyDefinition foreignKey(
      String name, List<String> columns, String refTable, List<String> refColumns) {
    return new ForeignKeyDefinition(name, columns, refTable, refColumns, ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
  }

  /** Starts the fluent form: {@code foreignKey("fk_address_user_id").columns("user_id").references("user", "id")}. */
  public static ForeignKeyBuilder foreignKey(String name) {
    return new ForeignKeyBuilder(name, List.of());
  }

  /** A sequence starting at 1 and counting by 1; {@code sequence("owner_seq").increment(50)}. */
  public static SequenceDefinition sequence(String name) {
    return SequenceDefinition.of(name);
  }

  /** A PostgreSQL enum type with these labels, in this order: {@code enumType("mood", "sad", "ok")}. */
  public static EnumTypeDefinition enumType(String name, String... labels) {
    return EnumTypeDefinition.of(name, labels);
  }

  // ---- operations ----

  public static Operation createTable(TableDefinition table) {
    return new CreateTable(table);
  }

  public static Operation dropTable(String table) {
    return new DropTable(table);
  }

  public static Operation renameTable(String from, String to) {
    return new RenameTable(from, to);
  }

  public static Operation addColumn(String table, ColumnDefinition column) {
    return new AddColumn(table, column);
  }

  public static Operation dropColumn(String table, String column) {
    return new DropColumn(table, column);
  }

  public static Operation renameColumn(String table, String from, String to) {
    return new RenameColumn(table, from, to);
  }

  /** Gives an existing column a new definition (type, length, nullability, default). */
  public static Operation alterColumn(String table, ColumnDefinition column) {
    return new AlterColumn(table, column);
  }

  public static Operation setPrimaryKey(String table, String... columns) {
    return new SetPrimaryKey(table, List.of(columns));
  }

  public static Operation addIndex(String table, IndexDefinition index) {
    return new AddIndex(table, index);
  }

  public static Operation dropIndex(String table, String index) {
    return new DropIndex(table, index);
  }

  /** Renames an index in place (SQLite, which cannot, drops it and creates it under the new name). */
  public static Operation renameIndex(String table, String from, String to) {
    return new RenameIndex(table, from, to);
  }

  /** A named check constraint: {@code check("ck_order_status", "status in ('OPEN', 'CLOSED')")}. */
  public static CheckDefinition check(String name, String expression) {
    return CheckDefinition.of(name, expression);
  }

  public static Operation addCheck(String table, CheckDefinition check) {
    return new AddCheck(table, check);
  }

  public static Operation dropCheck(String table, String check) {
    return new DropCheck(table, check);
  }

  public static Operation addForeignKey(String table, ForeignKeyDefinition foreignKey) {
    return new AddForeignKey(table, foreignKey);
  }

  public static Operation dropForeignKey(String table, String foreignKey) {
    return new DropForeignKey(table, foreignKey);
  }

  public static Operation createSequence(SequenceDefinition sequence) {
    return new CreateSequence(sequence);
  }

  public static Operation dropSequence(String sequence) {
    return new DropSequence(sequence);
  }

  /** Renames a sequence; the next value it hands out stays the same. */
  public static Operation renameSequence(String from, String to) {
    return new RenameSequence(from, to);
  }

  /**
   * Gives an existing sequence a new start and increment. The next value it hands out does not move
   * (a new start is the value a later {@code RESTART} goes back to), so ids already taken are never
   * handed out again.
   */
  public static Operation alterSequence(SequenceDefinition sequence) {
    return new AlterSequence(sequence);
  }

  public static Operation createEnumType(EnumTypeDefinition type) {
    return new CreateEnumType(type);
  }

  public static Operation dropEnumType(String type) {
    return new DropEnumType(type);
  }

  /**
   * Adds a label at the end of an enum type. Cannot be undone: PostgreSQL drops no label. On
   * PostgreSQL it commits by itself before the migration's later steps, which may then use it.
   */
  public static Operation addEnumValue(String type, String label) {
    return new AddEnumValue(type, label, null, null);
  }

  /** Adds a label just before {@code before}, as {@link #addEnumValue(String, String)}. */
  public static Operation addEnumValueBefore(String type, String label, String before) {
    return new AddEnumValue(type, label, Objects.requireNonNull(before, "before"), null);
  }

  /** Adds a label just after {@code after}, as {@link #addEnumValue(String, String)}. */
  public static Operation addEnumValueAfter(String type, String label, String after) {
    return new AddEnumValue(type, label, null, Objects.requireNonNull(after, "after"));
  }

  /** Renames a label of an enum type; stored values follow (PostgreSQL 10+). */
  public static Operation renameEnumValue(String type, String from, String to) {
    return new RenameEnumValue(type, from, to);
  }

  /**
   * Makes MariaDB/MySQL compare and sort a table's text by {@code collation} (see
   * {@link TableDefinition#collation()}): the table and its text columns are converted, which copies
   * the table. Other dialects do nothing.
   */
  public static Operation alterCollation(String table, String collation) {
    return new AlterCollation(table, collation);
  }

  /**
   * Gives a table its comment, or removes it ({@code null} or {@code ""}): PostgreSQL/H2 {@code COMMENT ON TABLE},
   * MariaDB/MySQL's {@code COMMENT} table option; SQLite keeps no comment and runs nothing.
   */
  public static Operation alterTableComment(String table, String comment) {
    return new AlterTableComment(table, comment);
  }

  /** Hand-written SQL with no reverse: its migration cannot be migrated down. */
  public static Operation sql(String sql) {
    return new RunSql(sql, null);
  }

  /** Hand-written SQL and the SQL that undoes it. */
  public static Operation sql(String sql, String reverseSql) {
    return new RunSql(sql, reverseSql);
  }

  /**
   * Hand-written SQL given per dialect, keyed by the dialect's {@code name()} ({@code "sqlite"},
   * {@code "postgresql"}, {@code "h2"}, {@code "mariadb"}), with no reverse. A run on a dialect
   * without an entry fails naming the migration, before the step's SQL runs.
   */
  public static Operation sql(Map<String, String> sqlByDialect) {
    return new RunSql(null, null, sqlByDialect, Map.of());
  }

  /** Hand-written SQL per dialect and, per dialect, the SQL that undoes it. */
  public static Operation sql(Map<String, String> sqlByDialect, Map<String, String> reverseByDialect) {
    return new RunSql(null, null, sqlByDialect, reverseByDialect);
  }

  /**
   * Hand-written Java with no reverse. The description is part of the checksum (the code
   * itself cannot be), so change it when you change what the step does.
   */
  public static Operation java(String description, JdbcStep step) {
    return new RunJava(description, step, null);
  }

  public static Operation java(String description, JdbcStep step, JdbcStep reverse) {
    return new RunJava(description, step, reverse);
  }

  // ---- the operation values ----

  public record CreateTable(TableDefinition table) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
      return visitor.createTable(this);
    }

    @Override
    public String describe() {
      return "create table " + table.name();
    }

    @Override
    public String checksumText() {
      return "create " + Checksum.table(table);
    }

    @Override
    public DslCall toJava() {
      return DslCall.of("createTable", table);
    }

    @Override
    public String nameWord(Naming naming) {
      return "Create" + camel(table.name());
    }

    @Override
    public String reviewLine() {
      return "create table " + table.name() + " (" + String.join(", ", table.columnNames()) + ")"; // its definition follows in the code
    }

    @Override
    public String replaced(Schema before) {
      return null;
    }

    @Override
    public Placement placement(Schema before, Set<String> tablesCreated) {
      return new Placement(Stage.CREATE, 0, table.name(), referenced(table), false);
    }

    @Override
    public Schema applyTo(Schema s) {
      return s.with(table);
    }

    @Override
    public Operation reverse(Schema before) {
      return new DropTable(table.name());
    }

    @Override
    public String toString() {
      return "create " + table;
    }
  }

  public record DropTable(String table) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
      return visitor.dropTable(this);
    }

    @Override
    public String describe() {
      return "drop table " + table;
    }

    @Override
    public String checksumText() {
      return describe();
    }

    @Override
    public DslCall toJava() {
      return DslCall.of("dropTable", table);
    }

    @Override
    public String nameWord(Naming naming) {
      return "Drop" + camel(table);
    }

    @Override
    public String reviewLine() {
      return describe();
    }

    @Override
    public String replaced(Schema before) {
      return before.find(table).map(ReviewText::table).orElse(null);
    }

    @Override
    public Placement placement(Schema before, Set<String> tablesCreated) {
      return new Placement(Stage.DROP_TABLES, 0, table, before.find(table).map(Operations::referenced).orElse(Set.of()), false);
    }

    @Override
    public Schema applyTo(Schema s) {
      return s.without(table);
    }

    @Override
    public Operation reverse(Schema before) {
      return new CreateTable(before.table(table));
    }

    @Override
    public String toString() {
      return "drop table " + table;
    }
  }

  public record RenameTable(String from, String to) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
      return visitor.renameTable(this);
    }

    @Override
    public String describe() {
      return "rename table " + from + " to " + to;
    }

    @Override
    public String checksumText() {
      return describe();
    }

    @Override
    public DslCall toJava() {
      return DslCall.of("renameTable", from, to);
    }

    @Override
    public String nameWord(Naming naming) {
      return "Rename" + camel(from) + "To" + camel(to);
    }

    @Override
    public String reviewLine() {
      return describe();
    }

    @Override
    public String replaced(Schema before) {
      return null;
    }

    @Override
    public Placement placement(Schema before, Set<String> tablesCreated) {
      return Placement.of(Stage.RENAME, 0, to);
    }

    @Override
    public Schema applyTo(Schema s) {
      return s.renameTable(from, to);
    }

    @Override
    public Operation reverse(Schema before) {
      return new RenameTable(to, from);
    }

    @Override
    public String toString() {
      return "rename table " + from + " to " + to;
    }
  }

  public record AddColumn(String table, ColumnDefinition column) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
      return visitor.addColumn(this);
    }

    @Override
    public String describe() {
      return "add column " + table + "." + column.name();
    }

    @Override
    public String checksumText() {
      return "add column " + table + "." + Checksum.column(column);
    }

    @Override
    public DslCall toJava() {
      return DslCall.of("addColumn", table, column);
    }

    @Override
    public String nameWord(Naming naming) {
      return "Add" + camel(table) + camel(column.name());
    }

    @Override
    public String reviewLine() {
      return describe() + " " + ColumnProperty.reviewText(column);
    }

    @Override
    public String replaced(Schema before) {
      return null;
    }

    @Override
    public Placement placement(Schema before, Set<String> tablesCreated) {
      return new Placement(Stage.CHANGE, 0, table, Set.of(), true);
    }

    @Override
    public Schema applyTo(Schema s) {
      return s.with(s.table(table).withColumn(column));
    }

    @Override
    public Operation reverse(Schema before) {
      return new DropColumn(table, column.name());
    }

    @Override
    public String toString() {
      return "add column " + table + "." + column;
    }
  }

  public record DropColumn(String table, String column) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
      return visitor.dropColumn(this);
    }

    @Override
    public String describe() {
      return "drop column " + table + "." + column;
    }

    @Override
    public String checksumText() {
      return describe();
    }

    @Override
    public DslCall toJava() {
      return DslCall.of("dropColumn", table, column);
    }

    @Override
    public String nameWord(Naming naming) {
      return "Drop" + camel(table) + camel(column);
    }

    @Override
    public String reviewLine() {
      return describe();
    }

    @Override
    public String replaced(Schema before) {
      return before.find(table).flatMap(t -> t.column(column)).map(ColumnProperty::reviewText).orElse(null);
    }

    @Override
    public Placement placement(Schema before, Set<String> tablesCreated) {
      return Placement.of(Stage.CHANGE, 3, table);
    }

    @Override
    public Schema applyTo(Schema s) {
      return s.with(s.table(table).withoutColumn(column));
    }

    @Override
    public Operation reverse(Schema before) {
      return new AddColumn(table, before.table(table).column(column).orElseThrow());
    }

    @Override
    public String toString() {
      return "drop column " + table + "." + column;
    }
  }

  public record RenameColumn(String table, String from, String to) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
      return visitor.renameColumn(this);
    }

    @Override
    public String describe() {
      return "rename column " + table + "." + from + " to " + to;
    }

    @Override
    public String checksumText() {
      return describe();
    }

    @Override
    public DslCall toJava() {
      return DslCall.of("renameColumn", table, from, to);
    }

    @Override
    public String nameWord(Naming naming) {
      return "Rename" + camel(table) + camel(from) + "To" + camel(to);
    }

    @Override
    public String reviewLine() {
      return describe();
    }

    @Override
    public String replaced(Schema before) {
      return null;
    }

    @Override
    public Placement placement(Schema before, Set<String> tablesCreated) {
      return Placement.of(Stage.RENAME, 0, table);
    }

    @Override
    public Schema applyTo(Schema s) {
      return s.renameColumn(table, from, to);
    }

    @Override
    public Operation reverse(Schema before) {
      return new RenameColumn(table, to, from);
    }

    @Override
    public String toString() {
      return "rename column " + table + "." + from + " to " + to;
    }
  }

  public record AlterColumn(String table, ColumnDefinition column) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
      return visitor.alterColumn(this);
    }

    @Override
    public String describe() {
      return "alter column " + table + "." + column.name();
    }

    @Override
    public String checksumText() {
      return "alter column " + table + "." + Checksum.column(column);
    }

    @Override
    public DslCall toJava() {
      return DslCall.of("alterColumn", table, column);
    }

    @Override
    public String nameWord(Naming naming) {
      return "Alter" + camel(table) + camel(column.name());
    }

    @Override
    public String reviewLine() {
      return describe() + " to " + ColumnProperty.reviewText(column)
          + (column.computed() ? " (a generated column is dropped and added again: its values are recomputed)" : "");
    }

    @Override
    public String replaced(Schema before) {
      return before.find(table).flatMap(t -> t.column(column.name())).map(ColumnProperty::reviewText).orElse(null);
    }

    @Override
    public Placement placement(Schema before, Set<String> tablesCreated) {
      return new Placement(Stage.CHANGE, 1, table, Set.of(), true);
    }

    @Override
    public Schema applyTo(Schema s) {
      return s.with(s.table(table).replaceColumn(column));
    }

    @Override
    public Operation reverse(Schema before) {
      return new AlterColumn(table, before.table(table).column(column.name()).orElseThrow());
    }

    @Override
    public String toString() {
      return "alter column " + table + "." + column;
    }
  }

  public record SetPrimaryKey(String table, List<String> columns) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
      return visitor.setPrimaryKey(this);
    }

    @Override
    public String describe() {
      return "set primary key of " + table;
    }

    @Override
    public String checksumText() {
      return "set primary key " + table + " (" + String.join(", ", columns) + ")";
    }

    @Override
    public DslCall toJava() {
      return DslCall.of("setPrimaryKey", table, columns);
    }

    @Override
    public String nameWord(Naming naming) {
      return "Change" + camel(table) + "PrimaryKey";
    }

    @Override
    public String reviewLine() {
      return describe() + " to (" + String.join(", ", columns) + ")";
    }

    @Override
    public String replaced(Schema before) {
      return before.find(table).map(t -> t.primaryKey().isEmpty() ? "no primary key" : "(" + String.join(", ", t.primaryKey()) + ")").orElse(null);
    }

    @Override
    public Placement placement(Schema before, Set<String> tablesCreated) {
      return new Placement(Stage.CHANGE, 2, table, Set.of(), true);
    }

    public SetPrimaryKey {
      columns = List.copyOf(columns);
    }

    @Override
    public Schema applyTo(Schema s) {
      return s.with(s.table(table).withPrimaryKey(columns));
    }

    @Override
    public Operation reverse(Schema before) {
      return new SetPrimaryKey(table, before.table(table).primaryKey());
    }

    @Override
    public String toString() {
      return "set primary key " + table + " (" + String.join(", ", columns) + ")";
    }
  }

  public record AddIndex(String table, IndexDefinition index) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
      return visitor.addIndex(this);
    }

    @Override
    public String describe() {
      return "add index " + index.name();
    }

    @Override
    public String checksumText() {
      return "add " + Checksum.index(index) + " on " + table;
    }

    @Override
    public DslCall toJava() {
      return DslCall.of("addIndex", table, index);
    }

    @Override
    public String nameWord(Naming naming) {
      return naming.tablesCreated().contains(table) ? null : "Add" + camel(index.name());
    }

    @Override
    public String reviewLine() {
      return "add " + ReviewText.index(index) + " on " + table;
    }

    @Override
    public String replaced(Schema before) {
      return null;
    }

    @Override
    public Placement placement(Schema before, Set<String> tablesCreated) {
      return tablesCreated.contains(table) ? new Placement(Stage.CREATE, 1, table, Set.of(), true)
          : new Placement(Stage.CHANGE, 4, table, Set.of(), true);
    }

    @Override
    public Schema applyTo(Schema s) {
      return s.with(s.table(table).index(index));
    }

    @Override
    public Operation reverse(Schema before) {
      return new DropIndex(table, index.name());
    }

    @Override
    public String toString() {
      return "add " + index + " on " + table;
    }
  }

  public record DropIndex(String table, String index) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
      return visitor.dropIndex(this);
    }

    @Override
    public String describe() {
      return "drop index " + index;
    }

    @Override
    public String checksumText() {
      return "drop index " + index + " on " + table;
    }

    @Override
    public DslCall toJava() {
      return DslCall.of("dropIndex", table, index);
    }

    @Override
    public String nameWord(Naming naming) {
      return "Drop" + camel(index);
    }

    @Override
    public String reviewLine() {
      return describe() + " on " + table;
    }

    @Override
    public String replaced(Schema before) {
      return before.find(table).flatMap(t -> t.findIndex(index)).map(i -> "(" + String.join(", ", i.columns()) + ")" + (i.unique() ? " unique" : "")).orElse(null);
    }

    @Override
    public Placement placement(Schema before, Set<String> tablesCreated) {
      return Placement.of(Stage.DROP_KEYS, 1, table);
    }

    @Override
    public Schema applyTo(Schema s) {
      return s.with(s.table(table).withoutIndex(index));
    }

    @Override
    public Operation reverse(Schema before) {
      return new AddIndex(table, before.table(table).findIndex(index).orElseThrow());
    }

    @Override
    public String toString() {
      return "drop index " + index + " on " + table;
    }
  }

  public record RenameIndex(String table, String from, String to) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
      return visitor.renameIndex(this);
    }

    @Override
    public String describe() {
      return "rename index " + table + "." + from + " to " + to;
    }

    @Override
    public String checksumText() {
      return describe(); // added after release 0.1, in the form of the other renames
    }

    @Override
    public DslCall toJava() {
      return DslCall.of("renameIndex", table, from, to);
    }

    @Override
    public String nameWord(Naming naming) {
      return naming.renames() ? null : "Rename" + camel(from) + "To" + camel(to); // a table or column rename names the class already
    }

    @Override
    public String reviewLine() {
      return describe() + " (in place; SQLite cannot, and drops and creates the index)";
    }

    @Override
    public String replaced(Schema before) {
      return null;
    }

    @Override
    public Placement placement(Schema before, Set<String> tablesCreated) {
      return Placement.of(Stage.RENAME, 0, table); // with the renames, after the table and column renames it follows from
    }

    @Override
    public Schema applyTo(Schema s) {
      TableDefinition t = s.table(table);
      IndexDefinition i = t.findIndex(from).orElseThrow(() -> new IllegalArgumentException("table " + table + " has no index " + from));
      return s.with(t.withoutIndex(from).index(new IndexDefinition(to, i.columns(), i.unique())));
    }

    @Override
    public Operation reverse(Schema before) {
      return new RenameIndex(table, to, from);
    }

    @Override
    public String toString() {
      return "rename index " + table + "." + from + " to " + to;
    }
  }

  public record AddForeignKey(String table, ForeignKeyDefinition foreignKey) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
      return visitor.addForeignKey(this);
    }

    @Override
    public String describe() {
      return "add foreign key " + foreignKey.name();
    }

    @Override
    public String checksumText() {
      return "add " + Checksum.foreignKey(foreignKey) + " on " + table;
    }

    @Override
    public DslCall toJava() {
      return DslCall.of("addForeignKey", table, foreignKey);
    }

    @Override
    public String nameWord(Naming naming) {
      return naming.tablesCreated().contains(table) ? null : "Add" + camel(foreignKey.name());
    }

    @Override
    public String reviewLine() {
      return describe() + " " + table + " " + ReviewText.foreignKey(foreignKey);
    }

    @Override
    public String replaced(Schema before) {
      return null;
    }

    @Override
    public Placement placement(Schema before, Set<String> tablesCreated) {
      return new Placement(tablesCreated.contains(table) ? Stage.CREATE : Stage.CHANGE, tablesCreated.contains(table) ? 2 : 5,
          table, Set.of(foreignKey.refTable()), false);
    }

    @Override
    public Schema applyTo(Schema s) {
      return s.with(s.table(table).foreignKey(foreignKey));
    }

    @Override
    public Operation reverse(Schema before) {
      return new DropForeignKey(table, foreignKey.name());
    }

    @Override
    public String toString() {
      return "add " + foreignKey + " on " + table;
    }
  }

  public record DropForeignKey(String table, String foreignKey) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
      return visitor.dropForeignKey(this);
    }

    @Override
    public String describe() {
      return "drop foreign key " + foreignKey;
    }

    @Override
    public String checksumText() {
      return "drop foreign key " + foreignKey + " on " + table;
    }

    @Override
    public DslCall toJava() {
      return DslCall.of("dropForeignKey", table, foreignKey);
    }

    @Override
    public String nameWord(Naming naming) {
      return "Drop" + camel(foreignKey);
    }

    @Override
    public String reviewLine() {
      return describe() + " on " + table;
    }

    @Override
    public String replaced(Schema before) {
      return before.find(table).flatMap(t -> t.findForeignKey(foreignKey)).map(ReviewText::foreignKey).orElse(null);
    }

    @Override
    public Placement placement(Schema before, Set<String> tablesCreated) {
      return Placement.of(Stage.DROP_KEYS, 0, table);
    }

    @Override
    public Schema applyTo(Schema s) {
      return s.with(s.table(table).withoutForeignKey(foreignKey));
    }

    @Override
    public Operation reverse(Schema before) {
      return new AddForeignKey(table, before.table(table).findForeignKey(foreignKey).orElseThrow());
    }

    @Override
    public String toString() {
      return "drop foreign key " + foreignKey + " on " + table;
    }
  }

  public record AddCheck(String table, CheckDefinition check) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
      return visitor.addCheck(this);
    }

    @Override
    public String describe() {
      return "add check " + table + "." + check.name();
    }

    /** Added after release 0.1: a line of its own. */
    @Override
    public String checksumText() {
      return "add " + Checksum.check(check) + " on " + table;
    }

    @Override
    public DslCall toJava() {
      return DslCall.of("addCheck", table, DslCall.of("check", check.name(), check.expression()));
    }

    @Override
    public String nameWord(Naming naming) {
      return naming.tablesCreated().contains(table) ? null : "Add" + camel(check.name());
    }

    @Override
    public String reviewLine() {
      return "add " + check + " on " + table + " (existing rows that fail it stop the migration before it changes"
          + " anything)";
    }

    @Override
    public String replaced(Schema before) {
      return null;
    }

    @Override
    public Schema applyTo(Schema s) {
      return s.with(s.table(table).check(check));
    }

    @Override
    public Operation reverse(Schema before) {
      return new DropCheck(table, check.name());
    }

    /** After the table's columns have their new shape (a check reads them). */
    @Override
    public Placement placement(Schema before, Set<String> tablesCreated) {
      return Placement.of(Stage.CHANGE, 6, table);
    }

    @Override
    public String toString() {
      return "add " + check + " on " + table;
    }
  }

  public record DropCheck(String table, String check) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
      return visitor.dropCheck(this);
    }

    @Override
    public String describe() {
      return "drop check " + table + "." + check;
    }

    /** Added after release 0.1: a line of its own. */
    @Override
    public String checksumText() {
      return "drop check " + check + " on " + table;
    }

    @Override
    public DslCall toJava() {
      return DslCall.of("dropCheck", table, check);
    }

    @Override
    public String nameWord(Naming naming) {
      return "Drop" + camel(check);
    }

    @Override
    public String reviewLine() {
      return describe();
    }

    @Override
    public String replaced(Schema before) {
      return before.find(table).flatMap(t -> t.findCheck(check)).map(c -> "(" + c.expression() + ")").orElse(null);
    }

    @Override
    public Schema applyTo(Schema s) {
      return s.with(s.table(table).withoutCheck(check));
    }

    @Override
    public Operation reverse(Schema before) {
      return new AddCheck(table, before.table(table).findCheck(check).orElseThrow());
    }

    /** With the keys dropped first: before a column it reads is dropped or changed. */
    @Override
    public Placement placement(Schema before, Set<String> tablesCreated) {
      return Placement.of(Stage.DROP_KEYS, 2, table);
    }

    @Override
    public String toString() {
      return "drop check " + check + " on " + table;
    }
  }

  public record CreateSequence(SequenceDefinition sequence) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
      return visitor.createSequence(this);
    }

    @Override
    public String describe() {
      return "create sequence " + sequence.name();
    }

    @Override
    public String checksumText() {
      return "create " + Checksum.sequence(sequence);
    }

    @Override
    public DslCall toJava() {
      return DslCall.of("createSequence", sequence);
    }

    @Override
    public String nameWord(Naming naming) {
      return naming.tablesCreated().isEmpty() ? "Create" + camel(sequence.name()) : null; // beside new tables: their id sequences
    }

    @Override
    public String reviewLine() {
      return "create " + sequence;
    }

    @Override
    public String replaced(Schema before) {
      return null;
    }

    @Override
    public Placement placement(Schema before, Set<String> tablesCreated) {
      return Placement.of(Stage.CREATE, 0, ""); // before the tables whose ids it gives
    }

    @Override
    public Schema applyTo(Schema s) {
      return s.withSequence(sequence);
    }

    @Override
    public Operation reverse(Schema before) {
      return new DropSequence(sequence.name());
    }

    @Override
    public String toString() {
      return "create " + sequence;
    }
  }

  public record DropSequence(String sequence) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
      return visitor.dropSequence(this);
    }

    @Override
    public String describe() {
      return "drop sequence " + sequence;
    }

    @Override
    public String checksumText() {
      return describe();
    }

    @Override
    public DslCall toJava() {
      return DslCall.of("dropSequence", sequence);
    }

    @Override
    public String nameWord(Naming naming) {
      return "Drop" + camel(sequence);
    }

    @Override
    public String reviewLine() {
      return describe() + " (its next value is lost: a sequence created again starts at its start)";
    }

    @Override
    public String replaced(Schema before) {
      return before.findSequence(sequence).map(Object::toString).orElse(null);
    }

    @Override
    public Placement placement(Schema before, Set<String> tablesCreated) {
      return Placement.of(Stage.DROP_TABLES, 0, "");
    }

    @Override
    public Schema applyTo(Schema s) {
      return s.withoutSequence(sequence);
    }

    @Override
    public Operation reverse(Schema before) {
      return new CreateSequence(before.sequence(sequence));
    }

    @Override
    public String toString() {
      return "drop sequence " + sequence;
    }
  }

  public record RenameSequence(String from, String to) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
      return visitor.renameSequence(this);
    }

    @Override
    public String describe() {
      return "rename sequence " + from + " to " + to;
    }

    @Override
    public String checksumText() {
      return describe();
    }

    @Override
    public DslCall toJava() {
      return DslCall.of("renameSequence", from, to);
    }

    @Override
    public String nameWord(Naming naming) {
      return "Rename" + camel(from) + "To" + camel(to);
    }

    @Override
    public String reviewLine() {
      return describe() + " (the next value stays)";
    }

    @Override
    public String replaced(Schema before) {
      return null;
    }

    @Override
    public Placement placement(Schema before, Set<String> tablesCreated) {
      return Placement.of(Stage.RENAME, 0, "");
    }

    @Override
    public Schema applyTo(Schema s) {
      return s.withoutSequence(from).withSequence(s.sequence(from).rename(to));
    }

    @Override
    public Operation reverse(Schema before) {
      return new RenameSequence(to, from);
    }

    @Override
    public String toString() {
      return "rename sequence " + from + " to " + to;
    }
  }

  public record AlterSequence(SequenceDefinition sequence) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
      return visitor.alterSequence(this);
    }

    @Override
    public String describe() {
      return "alter sequence " + sequence.name();
    }

    @Override
    public String checksumText() {
      return "alter " + Checksum.sequence(sequence);
    }

    @Override
    public DslCall toJava() {
      return DslCall.of("alterSequence", sequence);
    }

    @Override
    public String nameWord(Naming naming) {
      return "Alter" + camel(sequence.name());
    }

    @Override
    public String reviewLine() {
      return "alter " + sequence + " (the next value does not move; a new start is where a RESTART goes back to)";
    }

    @Override
    public String replaced(Schema before) {
      return before.findSequence(sequence.name()).map(Object::toString).orElse(null);
    }

    @Override
    public Placement placement(Schema before, Set<String> tablesCreated) {
      return Placement.of(Stage.CHANGE, 0, "");
    }

    @Override
    public Schema applyTo(Schema s) {
      s.sequence(sequence.name()); // it exists
      return s.withSequence(sequence);
    }

    @Override
    public Operation reverse(Schema before) {
      return new AlterSequence(before.sequence(sequence.name()));
    }

    @Override
    public String toString() {
      return "alter " + sequence;
    }
  }

  /** A label as a class-name word: its letters and digits, each run capitalized ({@code "in progress"} → {@code InProgress}). */
  private static String labelWord(String label) {
    StringBuilder s = new StringBuilder();
    for (String part : label.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+")) {
      if (!part.isEmpty()) {
        s.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return s.length() == 0 || !Character.isJavaIdentifierPart(s.charAt(0)) ? "Value" : s.toString();
  }

  /** A label in a checksum line: quoted, as labels may hold any text. */
  private static String quoted(String label) {
    return "'" + label.replace("'", "''") + "'";
  }

  public record CreateEnumType(EnumTypeDefinition type) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
      return visitor.createEnumType(this);
    }

    @Override
    public String describe() {
      return "create enum type " + type.name();
    }

    @Override
    public String checksumText() {
      return "create enum type " + type.name() + " (" + String.join(", ", type.labels().stream().map(Operations::quoted).toList()) + ")";
    }

    @Override
    public DslCall toJava() {
      return DslCall.of("createEnumType", DslCall.of("enumType", type.name(), type.labels()));
    }

    @Override
    public String nameWord(Naming naming) {
      return naming.tablesCreated().isEmpty() ? "Create" + camel(type.name()) : null; // beside new tables: their columns' types
    }

    @Override
    public String reviewLine() {
      return "create " + type;
    }

    @Override
    public String replaced(Schema before) {
      return null;
    }

    @Override
    public Placement placement(Schema before, Set<String> tablesCreated) {
      return Placement.of(Stage.CREATE, 0, ""); // before the tables and columns of it
    }

    @Override
    public Schema applyTo(Schema s) {
      return s.withEnumType(type);
    }

    @Override
    public Operation reverse(Schema before) {
      return new DropEnumType(type.name());
    }

    @Override
    public String toString() {
      return "create " + type;
    }
  }

  public record DropEnumType(String type) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
      return visitor.dropEnumType(this);
    }

    @Override
    public String describe() {
      return "drop enum type " + type;
    }

    @Override
    public String checksumText() {
      return describe();
    }

    @Override
    public DslCall toJava() {
      return DslCall.of("dropEnumType", type);
    }

    @Override
    public String nameWord(Naming naming) {
      return "Drop" + camel(type);
    }

    @Override
    public String reviewLine() {
      return describe();
    }

    @Override
    public String replaced(Schema before) {
      return before.findEnumType(type).map(Object::toString).orElse(null);
    }

    /** After every table and column of it is dropped or changed: the last name of its stage. */
    @Override
    public Placement placement(Schema before, Set<String> tablesCreated) {
      return Placement.of(Stage.DROP_TABLES, 0, "\uffff");
    }

    @Override
    public Schema applyTo(Schema s) {
      return s.withoutEnumType(type);
    }

    @Override
    public Operation reverse(Schema before) {
      return new CreateEnumType(before.enumType(type));
    }

    @Override
    public String toString() {
      return describe();
    }
  }

  /**
   * {@code before} or {@code after} (at most one) places the label; with neither it goes last. Cannot be
   * undone: PostgreSQL drops no label (to go back, re-create the type by hand: a new type, each column
   * converted, the old type dropped).
   */
  public record AddEnumValue(String type, String label, String before, String after) implements Operation {
    public AddEnumValue {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(label, "label");
      if (before != null && after != null) {
        throw new IllegalArgumentException("enum value " + label + " is placed both before " + before + " and after " + after);
      }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
      return visitor.addEnumValue(this);
    }

    @Override
    public String describe() {
      return "add value " + label + " to enum type " + type;
    }

    @Override
    public String checksumText() {
      return "add enum value " + quoted(label) + (before != null ? " before " + quoted(before) : "")
          + (after != null ? " after " + quoted(after) : "") + " to " + type;
    }

    @Override
    public DslCall toJava() {
      return before != null ? DslCall.of("addEnumValueBefore", type, label, before)
          : after != null ? DslCall.of("addEnumValueAfter", type, label, after) : DslCall.of("addEnumValue", type, label);
    }

    @Override
    public String nameWord(Naming naming) {
      return "Add" + labelWord(label) + "To" + camel(type);
    }

    @Override
    public String reviewLine() {
      return describe() + (before != null ? " before " + before : after != null ? " after " + after : " at the end")
          + " (cannot be undone: PostgreSQL drops no value; it commits by itself before the later steps, which may use it)";
    }

    @Override
    public String replaced(Schema s) {
      return s.findEnumType(type).map(Object::toString).orElse(null);
    }

    @Override
    public Placement placement(Schema before, Set<String> tablesCreated) {
      return Placement.of(Stage.CREATE, 0, ""); // before the columns and defaults that use it
    }

    @Override
    public Schema applyTo(Schema s) {
      return s.withEnumType(s.enumType(type).withLabel(label, before, after));
    }

    @Override
    public Operation reverse(Schema s) {
      throw new IrreversibleException("PostgreSQL cannot drop the value " + label + " of enum type " + type
          + "; to go back, write the type's re-creation by hand (a new type, each column converted, the old type dropped)");
    }

    @Override
    public String toString() {
      return "add value " + label + (before != null ? " before " + before : after != null ? " after " + after : "")
          + " to enum type " + type;
    }
  }

  public record RenameEnumValue(String type, String from, String to) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
      return visitor.renameEnumValue(this);
    }

    @Override
    public String describe() {
      return "rename value " + from + " of enum type " + type + " to " + to;
    }

    @Override
    public String checksumText() {
      return "rename enum value " + quoted(from) + " to " + quoted(to) + " of " + type;
    }

    @Override
    public DslCall toJava() {
      return DslCall.of("renameEnumValue", type, from, to);
    }

    @Override
    public String nameWord(Naming naming) {
      return "Rename" + camel(type) + labelWord(from);
    }

    @Override
    public String reviewLine() {
      return describe() + " (stored values follow)";
    }

    @Override
    public String replaced(Schema s) {
      return s.findEnumType(type).map(Object::toString).orElse(null);
    }

    @Override
    public Placement placement(Schema before, Set<String> tablesCreated) {
      return Placement.of(Stage.RENAME, 0, "");
    }

    @Override
    public Schema applyTo(Schema s) {
      return s.withEnumType(s.enumType(type).renameLabel(from, to));
    }

    @Override
    public Operation reverse(Schema before) {
      return new RenameEnumValue(type, to, from);
    }

    @Override
    public String toString() {
      return describe();
    }
  }

  /** A table's collation changes (MariaDB/MySQL); {@code collation} as {@link TableDefinition#collation(String)} takes it. */
  public record AlterCollation(String table, String collation) implements Operation {
    public AlterCollation {
      Objects.requireNonNull(table, "table");
      collation = TableDefinition.of(table).collation(collation).collation(); // jmigrate's exact one is null
    }

    /** The collation as the DSL and the checksum spell it. */
    public String collationShown() {
      return collation == null ? TableDefinition.EXACT_COLLATION : collation;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
      return visitor.alterCollation(this);
    }

    @Override
    public String describe() {
      return "change the collation of " + table;
    }

    @Override
    public String checksumText() {
      return "alter table " + table + " collate " + collationShown();
    }

    @Override
    public DslCall toJava() {
      return DslCall.of("alterCollation", table, collationShown());
    }

    @Override
    public String nameWord(Naming naming) {
      return "Collate" + camel(table);
    }

    @Override
    public String reviewLine() {
      String to = TableDefinition.DATABASE_COLLATION.equals(collation) ? "the database's default" : collationShown();
      return describe() + " to " + to + " on MariaDB/MySQL (ALTER TABLE … CONVERT TO copies the table;"
          + " a unique key over text whose values would become equal, such as 'Alice' and 'alice', stops the"
          + " migration before anything changes)";
    }

    @Override
    public String replaced(Schema before) {
      return before.find(table).map(t -> "collation " + t.collationShown()).orElse(null);
    }

    /** As a column change: after the foreign keys over its text are dropped, before they come back. */
    @Override
    public Placement placement(Schema before, Set<String> tablesCreated) {
      return new Placement(Stage.CHANGE, 1, table, Set.of(), true);
    }

    @Override
    public Schema applyTo(Schema s) {
      return s.with(s.table(table).collation(collation));
    }

    @Override
    public Operation reverse(Schema before) {
      return new AlterCollation(table, before.table(table).collation());
    }

    @Override
    public String toString() {
      return "alter table " + table + " collate " + collationShown();
    }
  }

  /** A table's comment (see {@link TableDefinition#comment()}); null removes it. */
  public record AlterTableComment(String table, String comment) implements Operation {
    public AlterTableComment {
      Objects.requireNonNull(table, "table");
      comment = comment == null || comment.isEmpty() ? null : comment;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
      return visitor.alterTableComment(this);
    }

    @Override
    public String describe() {
      return (comment == null ? "remove the comment of " : "change the comment of ") + table;
    }

    @Override
    public String checksumText() {
      return "comment on table " + table + " is " + (comment == null ? "null" : "'" + comment.replace("'", "''") + "'");
    }

    @Override
    public DslCall toJava() {
      return DslCall.of("alterTableComment", table, comment == null ? "" : comment); // "": none
    }

    @Override
    public String nameWord(Naming naming) {
      return "Comment" + camel(table);
    }

    @Override
    public String reviewLine() {
      return describe() + " (the table's data is not touched; SQLite keeps no comment)";
    }

    @Override
    public String replaced(Schema before) {
      return before.find(table).map(t -> t.comment() == null ? "no comment" : "comment '" + t.comment() + "'").orElse(null);
    }

    /** With the other changes to the table: it only names the table. */
    @Override
    public Placement placement(Schema before, Set<String> tablesCreated) {
      return new Placement(Stage.CHANGE, 1, table, Set.of(), true);
    }

    @Override
    public Schema applyTo(Schema s) {
      return s.with(s.table(table).comment(comment));
    }

    @Override
    public Operation reverse(Schema before) {
      return new AlterTableComment(table, before.table(table).comment());
    }

    @Override
    public String toString() {
      return checksumText();
    }
  }

  /**
   * Hand-written SQL; it does not change the schema jmigrate tracks. Either one statement for every
   * dialect ({@code sql}, {@code reverseSql}) or, when {@code sqlByDialect} is not empty, one per
   * dialect name (then {@code sql} and {@code reverseSql} are null); the maps are kept sorted by
   * dialect name so that the checksum and the text do not depend on the map the caller gave.
   */
  public record RunSql(String sql, String reverseSql, Map<String, String> sqlByDialect,
      Map<String, String> reverseByDialect) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
      return visitor.runSql(this);
    }

    @Override
    public String describe() {
      return "sql step";
    }

    @Override
    public String checksumText() {
      return perDialect()
          // A form of its own (the maps are sorted by dialect name); the one-statement form is unchanged.
          ? "sql per dialect " + Checksum.perDialect(sqlByDialect)
              + (reverseByDialect.isEmpty() ? "" : " reverse " + Checksum.perDialect(reverseByDialect))
          : "sql [" + sql + "]" + (reverseSql == null ? "" : " reverse [" + reverseSql + "]");
    }

    @Override
    public DslCall toJava() {
      if (perDialect()) {
        return reverseByDialect.isEmpty() ? DslCall.of("sql", sqlByDialect) : DslCall.of("sql", sqlByDialect, reverseByDialect);
      }
      return reverseSql == null ? DslCall.of("sql", sql) : DslCall.of("sql", sql, reverseSql);
    }

    @Override
    public String nameWord(Naming naming) {
      return null;
    }

    @Override
    public String reviewLine() {
      return "sql: " + (perDialect() ? sqlByDialect.toString() : sql);
    }

    @Override
    public String replaced(Schema before) {
      return null;
    }

    @Override
    public Placement placement(Schema before, Set<String> tablesCreated) {
      return Placement.of(Stage.HAND_WRITTEN, 0, "");
    }

    public RunSql(String sql, String reverseSql) {
      this(sql, reverseSql, Map.of(), Map.of());
    }

    public RunSql {
      sqlByDialect = sqlByDialect == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(sqlByDialect));
      reverseByDialect = reverseByDialect == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(reverseByDialect));
      if (sqlByDialect.isEmpty()) {
        Objects.requireNonNull(sql, "sql");
        if (!reverseByDialect.isEmpty()) {
          throw new IllegalArgumentException("reverse SQL per dialect needs SQL per dialect");
        }
      } else if (sql != null || reverseSql != null) {
        throw new IllegalArgumentException("give SQL either for every dialect or per dialect, not both");
      }
    }

    /** True when the SQL is given per dialect. */
    public boolean perDialect() {
      return !sqlByDialect.isEmpty();
    }

    /** The SQL to run on the named dialect; null when it is given per dialect and not for this one. */
    public String sqlFor(String dialect) {
      return perDialect() ? sqlByDialect.get(dialect) : sql;
    }

    @Override
    public Schema applyTo(Schema s) {
      return s;
    }

    @Override
    public Operation reverse(Schema before) {
      if (perDialect()) {
        if (reverseByDialect.isEmpty()) {
          throw new IrreversibleException("the SQL step " + sqlByDialect + " has no reverse; give one with "
              + "sql(sqlByDialect, reverseByDialect)");
        }
        return new RunSql(null, null, reverseByDialect, sqlByDialect);
      }
      if (reverseSql == null) {
        throw new IrreversibleException("the SQL step [" + sql + "] has no reverse; give one with sql(sql, reverseSql)");
      }
      return new RunSql(reverseSql, sql);
    }

    @Override
    public String toString() {
      if (perDialect()) {
        return "sql " + sqlByDialect + (reverseByDialect.isEmpty() ? "" : " reverse " + reverseByDialect);
      }
      return "sql [" + sql + "]" + (reverseSql == null ? "" : " reverse [" + reverseSql + "]");
    }
  }

  /** Hand-written Java; checksummed by its description, since code cannot be. */
  public record RunJava(String description, JdbcStep step, JdbcStep reverseStep) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
      return visitor.runJava(this);
    }

    @Override
    public String describe() {
      return description;
    }

    @Override
    public String checksumText() {
      return "java [" + description + "]" + (reverseStep == null ? "" : " reversible");
    }

    @Override
    public DslCall toJava() {
      throw new IllegalArgumentException("Java steps are hand-written; the diff does not produce " + this);
    }

    @Override
    public String nameWord(Naming naming) {
      return null;
    }

    @Override
    public String reviewLine() {
      return "java: " + description;
    }

    @Override
    public String replaced(Schema before) {
      return null;
    }

    @Override
    public Placement placement(Schema before, Set<String> tablesCreated) {
      return Placement.of(Stage.HAND_WRITTEN, 0, "");
    }

    public RunJava {
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(step, "step");
    }

    @Override
    public Schema applyTo(Schema s) {
      return s;
    }

    @Override
    public Operation reverse(Schema before) {
      if (reverseStep == null) {
        throw new IrreversibleException(
            "the Java step \"" + description + "\" has no reverse; give one with java(description, step, reverse)");
      }
      return new RunJava("reverse of " + description, reverseStep, step);
    }

    @Override
    public String toString() {
      return "java [" + description + "]" + (reverseStep == null ? "" : " reversible");
    }
  }
}
