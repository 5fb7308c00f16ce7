package io.jmigrate.processor.diff;

import io.jmigrate.migration.Operation;
import io.jmigrate.migration.Operations;
import io.jmigrate.processor.model.Models;
import io.jmigrate.processor.model.Problem;
import io.jmigrate.schema.Column;
import io.jmigrate.schema.ForeignKey;
import io.jmigrate.schema.Index;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.TypeElement;

/**
 * Compares the committed schema with the models' schema and lists the operations that turn one
 * into the other, in an order that works on every dialect: renames first, then foreign keys and
 * indexes that go away, new tables (referenced before referencing), column changes, new indexes
 * and foreign keys, and dropped tables last (referencing before referenced).
 *
 * <p>Renames are never guessed: only {@code @RenamedFrom} makes one. A destructive change
 * without its confirmation ({@code @Drop}, {@code @Narrow}) is a {@link Problem}, as is a change
 * that cannot work on a table that may hold rows.
 */
public final class SchemaDiff {
  /** The operations, and what stops them from being generated. */
  public record Result(List<Operation> operations, List<Problem> problems) {}

  private final Models models;
  private final List<Operation> ops = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  private Schema work;

  private SchemaDiff(Schema old, Models models) {
    this.work = old;
    this.models = models;
  }

  public static Result compare(Schema old, Models models) {
    SchemaDiff d = new SchemaDiff(old, models);
    d.run();
    return new Result(List.copyOf(d.ops), List.copyOf(d.problems));
  }

  private void emit(Operation op) {
    ops.add(op);
    work = op.applyTo(work);
  }

  private void run() {
    Schema target = models.schema();
    renames(target);
    Set<String> created = new TreeSet<>();
    Set<String> dropped = new TreeSet<>();
    for (Table t : target.tables()) {
      if (!work.has(t.name())) {
        created.add(t.name());
      }
    }
    for (Table t : work.tables()) {
      if (!target.has(t.name())) {
        dropped.add(t.name());
      }
    }
    checkDrops(created, dropped);
    leftoverDrops(dropped);

    // Foreign keys and indexes that go away or change, while their columns still exist.
    for (Table old : List.copyOf(work.tables())) {
      Table next = target.find(old.name()).orElse(null);
      if (next != null) {
        for (ForeignKey f : old.foreignKeys()) {
          if (!next.foreignKeys().contains(f)) {
            emit(Operations.dropForeignKey(old.name(), f.name()));
          }
        }
      }
      if (next != null) {
        for (Index i : old.indexes()) {
          if (!next.indexes().contains(i)) {
            emit(Operations.dropIndex(old.name(), i.name()));
          }
        }
      }
    }

    createTables(target, created);

    for (Table next : target.tables()) {
      if (created.contains(next.name())) {
        continue;
      }
      Table old = work.table(next.name());
      if (old.equals(next)) {
        continue; // the common case in a large model: nothing to compare column by column
      }
      for (Column c : next.columns()) {
        if (old.column(c.name()).isEmpty()) {
          checkAdd(next.name(), c);
          emit(Operations.addColumn(next.name(), c));
        }
      }
      for (Column c : next.columns()) {
        Column was = old.column(c.name()).orElse(null);
        if (was != null && !was.equals(c)) {
          checkAlter(next.name(), was, c);
          emit(Operations.alterColumn(next.name(), c));
        }
      }
      if (!old.primaryKey().equals(next.primaryKey())) {
        emit(new Operations.SetPrimaryKey(next.name(), next.primaryKey()));
      }
      for (Column c : old.columns()) {
        if (next.column(c.name()).isEmpty()) {
          emit(Operations.dropColumn(next.name(), c.name()));
        }
      }
      Table now = work.table(next.name());
      for (Index i : next.indexes()) {
        if (!now.indexes().contains(i)) {
          emit(Operations.addIndex(next.name(), i));
        }
      }
      for (ForeignKey f : next.foreignKeys()) {
        if (!now.foreignKeys().contains(f)) {
          emit(Operations.addForeignKey(next.name(), f));
        }
      }
    }
    dropTables(dropped);
  }

  private void renames(Schema target) {
    for (Map.Entry<String, String> r : models.tableRenames().entrySet()) {
      String to = r.getKey();
      String from = r.getValue();
      if (work.has(from) && !work.has(to)) {
        emit(Operations.renameTable(from, to));
      } else if (!work.has(from) && !work.has(to) && !work.tables().isEmpty()) {
        problems.add(Problem.warning(models.tableElements().get(to), "@RenamedFrom(\"" + from + "\"): the snapshot has "
            + "no table " + from + " to rename, so " + to + " is created as a new table; fix the old name if it "
            + "was meant as a rename"));
      }
      // Otherwise the rename is done already; the annotation is left over and harmless.
    }
    for (Map.Entry<String, Map<String, String>> t : models.columnRenames().entrySet()) {
      Table table = work.find(t.getKey()).orElse(null);
      if (table == null) {
        continue; // a new table: nothing to rename
      }
      for (Map.Entry<String, String> r : t.getValue().entrySet()) {
        String to = r.getKey();
        String from = r.getValue();
        table = work.table(t.getKey());
        if (table.column(from).isPresent() && table.column(to).isEmpty()) {
          emit(Operations.renameColumn(t.getKey(), from, to));
        } else if (table.column(from).isEmpty() && table.column(to).isEmpty()) {
          problems.add(Problem.warning(models.columnElement(t.getKey(), to), "@RenamedFrom(\"" + from + "\"): table "
              + t.getKey() + " has no column " + from + " to rename, so " + to + " is added as a new column; its columns are "
              + table.columnNames() + ". Fix the old name if it was meant as a rename."));
        }
      }
    }
  }

  private void checkDrops(Set<String> created, Set<String> dropped) {
    for (String t : dropped) {
      if (!models.droppableTables().containsKey(t)) {
        String rename = created.isEmpty() ? "" : " If it was renamed, put @RenamedFrom(\"" + t + "\") on the model of "
            + String.join(" or ", created) + ".";
        problems.add(Problem.at(null, "the table " + t + " (model " + models.tableClasses().getOrDefault(t, "?")
            + ") is gone from the models, and dropping it would delete its data." + rename
            + " To drop it, put @Drop(tables = \"" + t + "\") on any @Table model."));
      }
    }
    for (Table next : models.schema().tables()) {
      Table old = work.find(next.name()).orElse(null);
      if (old == null || old.equals(next)) {
        continue;
      }
      List<String> added = next.columns().stream().map(Column::name).filter(c -> old.column(c).isEmpty()).toList();
      for (Column c : old.columns()) {
        if (next.column(c.name()).isEmpty()
            && !models.droppableColumns().getOrDefault(next.name(), Set.of()).contains(c.name())) {
          String rename = added.isEmpty() ? "" : " If it was renamed, put @RenamedFrom(\"" + c.name()
              + "\") on the field of " + String.join(" or ", added) + ".";
          problems.add(Problem.at(models.tableElements().get(next.name()), "the column " + next.name() + "."
              + c.name() + " is gone from the model, and dropping it would delete its data." + rename
              + " To drop it, put @Drop(columns = \"" + c.name() + "\") on this class."));
        }
      }
    }
  }

  /**
   * A {@code @Drop} that confirms nothing in this build is left over from an earlier one; left in
   * place it would silently confirm a future drop of a same-named table or column.
   */
  private void leftoverDrops(Set<String> dropped) {
    for (Map.Entry<String, TypeElement> e : models.droppableTables().entrySet()) {
      if (!dropped.contains(e.getKey())) {
        problems.add(Problem.warning(e.getValue(), "@Drop(tables = \"" + e.getKey() + "\") confirms nothing in this "
            + "build (there is no such table to drop now); remove it, so that it cannot confirm a later drop by accident"));
      }
    }
    for (Map.Entry<String, Set<String>> e : models.droppableColumns().entrySet()) {
      Table old = work.find(e.getKey()).orElse(null);
      Table next = models.schema().find(e.getKey()).orElse(null);
      for (String c : e.getValue()) {
        boolean droppedNow = old != null && next != null && old.column(c).isPresent() && next.column(c).isEmpty();
        if (!droppedNow) {
          problems.add(Problem.warning(models.tableElements().get(e.getKey()), "@Drop(columns = \"" + c + "\") confirms "
              + "nothing in this build (" + e.getKey() + " has no column " + c + " to drop now); remove it, so that it "
              + "cannot confirm a later drop by accident"));
        }
      }
    }
  }

  private void checkAdd(String table, Column c) {
    if (!c.nullable() && !c.hasDefault() && !c.generated()) {
      problems.add(Problem.at(models.columnElement(table, c.name()), "cannot add the NOT NULL column " + table + "."
          + c.name() + " without a default: the table may already have rows. Give it a default "
          + "(@Column(defaultValue = \"…\") or defaultSql), or make it nullable, fill it in, and make it "
          + "NOT NULL in a later migration."));
    }
  }

  private void checkAlter(String table, Column was, Column c) {
    if (was.nullable() && !c.nullable() && !c.hasDefault()) {
      problems.add(Problem.at(models.columnElement(table, c.name()), "cannot make " + table + "." + c.name()
          + " NOT NULL without a default: existing rows may hold NULL. Give it a default "
          + "(@Column(defaultValue = \"…\")), which also fills the existing NULLs, or keep it nullable."));
    }
    boolean narrower = !was.type().widensTo(c.type())
        || (c.type() == was.type() && c.length() > 0 && (was.length() == 0 || c.length() < was.length()))
        || (c.type() == was.type() && c.precision() > 0 && (was.precision() == 0 || c.precision() < was.precision()
            || c.scale() < was.scale()));
    if (narrower && !models.narrowable().contains(table + "." + c.name())) {
      problems.add(Problem.at(models.columnElement(table, c.name()), "changing " + table + "." + c.name()
          + " from " + describeType(was) + " to " + describeType(c) + " narrows it: values that do not fit "
          + "would make the migration fail or be cut. If that is intended, add @Narrow to the field."));
    }
  }

  private static String describeType(Column c) {
    String s = c.toString();
    return s.substring(c.name().length() + 1).replace(" NULL", "").replace(" NOT", "");
  }

  /** New tables, a referenced one before the ones that reference it; cycles get their keys afterwards. */
  private void createTables(Schema target, Set<String> created) {
    Set<String> pending = new LinkedHashSet<>(created);
    List<Operation> deferred = new ArrayList<>();
    while (!pending.isEmpty()) {
      String next = null;
      for (String name : pending) {
        boolean ready = target.table(name).foreignKeys().stream()
            .allMatch(f -> f.refTable().equals(name) || !pending.contains(f.refTable()));
        if (ready) {
          next = name;
          break;
        }
      }
      Table t;
      if (next == null) {
        // A cycle: create one table without its keys to the others, and add those at the end.
        next = pending.iterator().next();
        t = target.table(next);
        for (ForeignKey f : t.foreignKeys()) {
          if (!f.refTable().equals(next) && pending.contains(f.refTable())) {
            t = t.withoutForeignKey(f.name());
            deferred.add(Operations.addForeignKey(next, f));
          }
        }
      } else {
        t = target.table(next);
      }
      pending.remove(next);
      Table bare = t;
      for (Index i : t.indexes()) {
        bare = bare.withoutIndex(i.name());
      }
      emit(Operations.createTable(bare));
      for (Index i : t.indexes()) {
        emit(Operations.addIndex(t.name(), i));
      }
    }
    deferred.forEach(this::emit);
  }

  /** Dropped tables, the ones that reference others first. */
  private void dropTables(Set<String> dropped) {
    Set<String> pending = new LinkedHashSet<>(dropped);
    while (!pending.isEmpty()) {
      String next = pending.stream()
          .filter(n -> pending.stream().noneMatch(o -> !o.equals(n)
              && work.table(o).foreignKeys().stream().anyMatch(f -> f.refTable().equals(n))))
          .findFirst().orElse(null);
      if (next == null) {
        // A cycle: break it by dropping one table's keys to the others first.
        next = pending.iterator().next();
        for (ForeignKey f : work.table(next).foreignKeys()) {
          if (!f.refTable().equals(next) && pending.contains(f.refTable())) {
            emit(Operations.dropForeignKey(next, f.name()));
          }
        }
        continue;
      }
      pending.remove(next);
      emit(Operations.dropTable(next));
    }
  }
}
