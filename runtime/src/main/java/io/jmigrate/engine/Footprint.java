package io.jmigrate.engine;

import io.jmigrate.migration.CustomOperation;
import io.jmigrate.migration.Operation;
import io.jmigrate.migration.OperationVisitor;
import io.jmigrate.migration.Operations.AddColumn;
import io.jmigrate.migration.Operations.AddForeignKey;
import io.jmigrate.migration.Operations.AddIndex;
import io.jmigrate.migration.Operations.AlterColumn;
import io.jmigrate.migration.Operations.AlterSequence;
import io.jmigrate.migration.Operations.CreateSequence;
import io.jmigrate.migration.Operations.CreateTable;
import io.jmigrate.migration.Operations.DropColumn;
import io.jmigrate.migration.Operations.DropForeignKey;
import io.jmigrate.migration.Operations.DropIndex;
import io.jmigrate.migration.Operations.DropSequence;
import io.jmigrate.migration.Operations.DropTable;
import io.jmigrate.migration.Operations.RenameColumn;
import io.jmigrate.migration.Operations.RenameIndex;
import io.jmigrate.migration.Operations.RenameSequence;
import io.jmigrate.migration.Operations.RenameTable;
import io.jmigrate.migration.Operations.RunJava;
import io.jmigrate.migration.Operations.RunSql;
import io.jmigrate.migration.Operations.SetPrimaryKey;
import io.jmigrate.schema.ForeignKeyDefinition;
import io.jmigrate.schema.IndexDefinition;
import io.jmigrate.schema.Names;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.TableDefinition;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one step reads or changes, by name: whole tables ({@code t}), columns ({@code t.c}) and
 * index or constraint names ({@code #name}); hand-written SQL and Java steps touch everything. Two
 * steps whose footprints do not overlap can run in either order with the same result, and a step's
 * check can be run before an earlier step that does not overlap it.
 */
record Footprint(boolean everything, Set<String> tables, Set<String> columns, Set<String> names) {

  static Footprint of(Operation op, Schema before) {
    Footprint f = new Footprint(false, new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
    return op.accept(new Collect(f, before)) ? new Footprint(true, Set.of(), Set.of(), Set.of()) : f;
  }

  /**
   * Whether the step may touch anything, as {@code of(op, before).everything()} says, without keeping its names
   * (the pre-flight of a migration's only step needs no more: most migrations have one).
   */
  static boolean everything(Operation op, Schema before) {
    return op.accept(new Collect(NOTHING_KEPT, before));
  }

  /** A footprint whose sets keep nothing: {@link #everything(Operation, Schema)}'s. */
  private static final Footprint NOTHING_KEPT = new Footprint(false, new Discard(), new Discard(), new Discard());

  /** An always empty set that ignores what is added to it. */
  private static final class Discard extends java.util.AbstractSet<String> {
    @Override
    public boolean add(String s) {
      return false;
    }

    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Collections.emptyIterator();
    }

    @Override
    public int size() {
      return 0;
    }
  }

  /** Whether the two cannot be told apart from running in the other order. */
  boolean overlaps(Footprint o) {
    if (everything || o.everything) {
      return true;
    }
    // Loops, not streams: this runs for every pair of steps of every migration.
    for (String t : tables) {
      if (o.tables.contains(t) || anyInTable(o.columns, t)) {
        return true;
      }
    }
    for (String t : o.tables) {
      if (anyInTable(columns, t)) {
        return true;
      }
    }
    return anyIn(o.columns, columns) || anyIn(o.names, names);
  }

  /** Whether one of {@code columns} ({@code t.c}) is a column of {@code table}. */
  private static boolean anyInTable(Set<String> columns, String table) {
    for (String c : columns) {
      if (c.length() > table.length() && c.charAt(table.length()) == '.' && c.startsWith(table)) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyIn(Set<String> these, Set<String> those) {
    for (String s : these) {
      if (those.contains(s)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The union of the footprints of a migration's earlier steps, with the table part of each column
   * indexed: whether a step overlaps one of them ({@link #overlaps(Footprint)} with each) costs the
   * step's own size, not theirs, so that a migration of thousands of steps (a squashed one) is checked
   * in linear time. Every clause of {@code overlaps} asks whether some name of one footprint meets some
   * name of the other, so it holds against one of them exactly when it holds against their union.
   */
  static final class Union {
    private final Set<String> tables = new java.util.HashSet<>();
    private final Set<String> columns = new java.util.HashSet<>();
    private final Set<String> names = new java.util.HashSet<>();
    /** Each part of a column before one of its dots (a table it may belong to, as {@code anyInTable} reads it). */
    private final Set<String> columnTables = new java.util.HashSet<>();
    private boolean everything;

    boolean isEmpty() {
      return !everything && tables.isEmpty() && columns.isEmpty() && names.isEmpty();
    }

    void add(Footprint f) {
      everything |= f.everything;
      tables.addAll(f.tables);
      names.addAll(f.names);
      for (String c : f.columns) {
        if (columns.add(c)) {
          for (int i = c.indexOf('.'); i >= 0; i = c.indexOf('.', i + 1)) {
            columnTables.add(c.substring(0, i));
          }
        }
      }
    }

    /** Whether {@code f} overlaps one of the footprints added, as {@link Footprint#overlaps} decides. */
    boolean overlaps(Footprint f) {
      if (everything || f.everything) {
        return true;
      }
      for (String t : f.tables) {
        if (tables.contains(t) || columnTables.contains(t)) {
          return true;
        }
      }
      for (String c : f.columns) {
        if (columns.contains(c)) {
          return true;
        }
        for (int i = c.indexOf('.'); i >= 0; i = c.indexOf('.', i + 1)) {
          if (tables.contains(c.substring(0, i))) {
            return true;
          }
        }
      }
      for (String n : f.names) {
        if (names.contains(n)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Fills the footprint; returns true for a step that may touch anything. */
  private static final class Collect implements OperationVisitor<Boolean> {
    private final Footprint f;
    private final Schema before;

    Collect(Footprint f, Schema before) {
      this.f = f;
      this.before = before;
    }

    private void table(TableDefinition t) {
      if (f == NOTHING_KEPT) {
        return; // names only: kept nowhere (a created table's names are made for every migration that creates one)
      }
      f.tables.add(t.name());
      f.names.add("#" + t.primaryKeyConstraint());
      t.indexes().forEach(i -> f.names.add("#" + i.name()));
      t.foreignKeys().forEach(this::foreignKey);
      t.checks().forEach(c -> f.names.add("#" + c.name()));
    }

    private void foreignKey(ForeignKeyDefinition k) {
      f.names.add("#" + k.name());
      k.refColumns().forEach(c -> f.columns.add(k.refTable() + "." + c));
    }

    private void columns(String table, List<String> columns) {
      columns.forEach(c -> f.columns.add(table + "." + c));
    }

    /** The keys of other tables that reference {@code table}'s {@code column} (any column when null). */
    private void referencing(String table, String column) {
      for (TableDefinition t : before.tables()) {
        for (ForeignKeyDefinition k : t.foreignKeys()) {
          if (k.refTable().equals(table) && (column == null || k.refColumns().contains(column))) {
            f.names.add("#" + k.name());
            columns(t.name(), k.columns());
          }
        }
      }
    }

    @Override
    public Boolean createTable(CreateTable op) {
      table(op.table());
      return false;
    }

    @Override
    public Boolean dropTable(DropTable op) {
      before.find(op.table()).ifPresent(this::table);
      f.tables.add(op.table());
      referencing(op.table(), null);
      return false;
    }

    @Override
    public Boolean renameTable(RenameTable op) {
      before.find(op.from()).ifPresent(this::table);
      f.tables.add(op.from());
      f.tables.add(op.to());
      f.names.add("#" + Names.constraintName("pk", op.to(), List.of()));
      referencing(op.from(), null);
      return false;
    }

    @Override
    public Boolean addColumn(AddColumn op) {
      f.columns.add(op.table() + "." + op.column().name());
      return false;
    }

    @Override
    public Boolean dropColumn(DropColumn op) {
      f.columns.add(op.table() + "." + op.column());
      before.find(op.table()).ifPresent(t -> {
        for (IndexDefinition i : t.indexes()) {
          if (i.columns().contains(op.column())) {
            f.names.add("#" + i.name());
          }
        }
        for (ForeignKeyDefinition k : t.foreignKeys()) {
          if (k.columns().contains(op.column())) {
            foreignKey(k);
          }
        }
        if (t.primaryKey().contains(op.column())) {
          f.names.add("#" + t.primaryKeyConstraint());
        }
      });
      referencing(op.table(), op.column());
      return false;
    }

    @Override
    public Boolean renameColumn(RenameColumn op) {
      f.columns.add(op.table() + "." + op.from());
      f.columns.add(op.table() + "." + op.to());
      return false;
    }

    @Override
    public Boolean alterColumn(AlterColumn op) {
      f.columns.add(op.table() + "." + op.column().name());
      referencing(op.table(), op.column().name());
      return false;
    }

    @Override
    public Boolean setPrimaryKey(SetPrimaryKey op) {
      columns(op.table(), op.columns());
      before.find(op.table()).ifPresent(t -> {
        columns(t.name(), t.primaryKey());
        f.names.add("#" + t.primaryKeyConstraint());
      });
      referencing(op.table(), null);
      return false;
    }

    @Override
    public Boolean addIndex(AddIndex op) {
      f.names.add("#" + op.index().name());
      columns(op.table(), op.index().columns());
      return false;
    }

    @Override
    public Boolean dropIndex(DropIndex op) {
      f.names.add("#" + op.index());
      before.find(op.table()).flatMap(t -> t.findIndex(op.index())).ifPresent(i -> columns(op.table(), i.columns()));
      return false;
    }

    @Override
    public Boolean renameIndex(RenameIndex op) {
      f.names.add("#" + op.from());
      f.names.add("#" + op.to());
      before.find(op.table()).flatMap(t -> t.findIndex(op.from())).ifPresent(i -> columns(op.table(), i.columns()));
      return false;
    }

    @Override
    public Boolean addForeignKey(AddForeignKey op) {
      foreignKey(op.foreignKey());
      columns(op.table(), op.foreignKey().columns());
      return false;
    }

    @Override
    public Boolean dropForeignKey(DropForeignKey op) {
      f.names.add("#" + op.foreignKey());
      before.find(op.table()).flatMap(t -> t.findForeignKey(op.foreignKey())).ifPresent(k -> {
        foreignKey(k);
        columns(op.table(), k.columns());
      });
      return false;
    }

    @Override
    public Boolean runSql(RunSql op) {
      return true;
    }

    @Override
    public Boolean runJava(RunJava op) {
      return true;
    }

    @Override
    public Boolean custom(CustomOperation op) {
      return true; // like hand-written SQL: it may touch anything
    }

    // A sequence is a name of its own ("@name"): what uses it (a default, Hibernate) is not read here.
    @Override
    public Boolean createSequence(CreateSequence op) {
      f.names.add("@" + op.sequence().name());
      return false;
    }

    @Override
    public Boolean dropSequence(DropSequence op) {
      f.names.add("@" + op.sequence());
      return false;
    }

    @Override
    public Boolean renameSequence(RenameSequence op) {
      f.names.add("@" + op.from());
      f.names.add("@" + op.to());
      return false;
    }

    @Override
    public Boolean alterSequence(AlterSequence op) {
      f.names.add("@" + op.sequence().name());
      return false;
    }

    // A check reads the columns its expression names (found as words in it; all of them when the table is new).
    @Override
    public Boolean addCheck(io.jmigrate.migration.Operations.AddCheck op) {
      f.names.add("#" + op.check().name());
      read(op.table(), op.check().expression());
      return false;
    }

    @Override
    public Boolean dropCheck(io.jmigrate.migration.Operations.DropCheck op) {
      f.names.add("#" + op.check());
      before.find(op.table()).flatMap(t -> t.findCheck(op.check())).ifPresent(k -> read(op.table(), k.expression()));
      return false;
    }

    private void read(String table, String expression) {
      TableDefinition t = before.find(table).orElse(null);
      if (t == null) {
        f.tables.add(table);
        return;
      }
      for (String c : t.columnNames()) {
        if (java.util.regex.Pattern.compile("(?i)(?<![\\w$])" + java.util.regex.Pattern.quote(c) + "(?![\\w$])")
            .matcher(expression).find()) {
          columns(table, List.of(c));
        }
      }
    }

    // An enum type is read by every column of it, which this does not list: no step moves past one.
    @Override
    public Boolean createEnumType(io.jmigrate.migration.Operations.CreateEnumType op) {
      return true;
    }

    @Override
    public Boolean dropEnumType(io.jmigrate.migration.Operations.DropEnumType op) {
      return true;
    }

    @Override
    public Boolean addEnumValue(io.jmigrate.migration.Operations.AddEnumValue op) {
      return true;
    }

    @Override
    public Boolean renameEnumValue(io.jmigrate.migration.Operations.RenameEnumValue op) {
      return true;
    }

    @Override
    public Boolean alterCollation(io.jmigrate.migration.Operations.AlterCollation op) {
      table(before.table(op.table())); // the whole table is copied, its text columns converted
      return false;
    }

    @Override
    public Boolean alterTableComment(io.jmigrate.migration.Operations.AlterTableComment op) {
      return false; // only the catalog's comment: no column or row is touched
    }
  }
}
