package io.jmigrate.processor.diff;

import io.jmigrate.processor.model.Naming;
import io.jmigrate.migration.Operation;
import io.jmigrate.migration.Operations;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.schema.ForeignKeyDefinition;
import io.jmigrate.schema.IndexDefinition;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.TableDefinition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.zip.CRC32;

/**
 * The diff stage: compares the committed schema with the models' schema, given what the models
 * say beyond it ({@link Intents}: renames, confirmed drops and narrowings), and lists the
 * operations that turn one into the other; {@link OperationOrder} then puts them in an order
 * that works. Plain values in and out, so it runs without javac.
 *
 * <p>Renames are never guessed: only {@code @RenamedFrom} makes one. Renames may reuse names
 * that other renames in the same build free (a chain {@code a → b, b → c}) or swap them (a
 * cycle {@code a → b, b → a}): a chain is done from its free end, and a cycle through a
 * temporary name {@code _jm_tmp_<name>}, so every value ends up under the name it was renamed to.
 * Whether a rename is still to do is never judged from the schemas (a done swap of same-defined
 * columns looks exactly like one to do): the intents say which renames earlier migrations
 * applied ({@link Intents#applied()}), and those are left over, never applied again.
 *
 * <p>A destructive change without its confirmation ({@code @Drop}, {@code @Narrow}) is an error
 * {@link Finding}, as is a change that cannot work on a table that may hold rows.
 */
public final class SchemaDiff {
  /** The prefix of the temporary name a rename cycle passes through. */
  public static final String TEMP_PREFIX = "_jm_tmp_";

  /**
   * The operations, what stops them from being generated (or deserves a warning), and the
   * renames the snapshot written after them reflects.
   *
   * @param appliedNow the renames these operations apply
   * @param appliedBefore the renames the models still carry that earlier migrations applied (in
   *     the models' names) → the version that applied each
   */
  public record Result(List<Operation> operations, List<Finding> findings, Set<Rename> appliedNow,
      Map<Rename, Integer> appliedBefore) {
    public Result {
      operations = List.copyOf(operations);
      findings = List.copyOf(findings);
      appliedNow = Set.copyOf(appliedNow);
      appliedBefore = Map.copyOf(appliedBefore);
    }

    /** The renames the snapshot records once these operations are migration {@code version}. */
    public Map<Rename, Integer> recorded(int version) {
      Map<Rename, Integer> m = new TreeMap<>(appliedBefore);
      appliedNow.forEach(r -> m.put(r, version));
      return m;
    }
  }

  /** {@code table.column} of the columns this build narrows. */
  private final Set<String> narrowed = new TreeSet<>();
  private final Schema old;
  private final Schema target;
  private final Intents intents;
  private final List<Operation> ops = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();
  private final Set<Rename> appliedNow = new HashSet<>();
  private final Map<Rename, Integer> appliedBefore = new HashMap<>();
  private final Map<String, String> movedTables = new HashMap<>(); // name before → name after the table renames
  private final Set<String> renamedColumns = new HashSet<>(); // table.column (new names) renamed now
  private Schema work;

  private SchemaDiff(Schema old, Schema target, Intents intents) {
    this.old = old;
    this.work = old;
    this.target = target;
    this.intents = intents;
  }

  /** Diff, then order: the operations of the migration from {@code old} to {@code next}, in order. */
  public static Result compare(Schema old, Schema next, Intents intents) {
    Result r = changes(old, next, intents);
    return new Result(OperationOrder.sort(old, r.operations()), r.findings(), r.appliedNow(), r.appliedBefore());
  }

  /**
   * The diff stage alone: renames first and in the order they must run, then the other
   * changes, not yet ordered against each other ({@link OperationOrder#sort} does that).
   */
  public static Result changes(Schema old, Schema next, Intents intents) {
    SchemaDiff d = new SchemaDiff(old, next, intents);
    d.run();
    return new Result(d.ops, d.findings, d.appliedNow, d.appliedBefore);
  }

  private void run() {
    renameTables();
    renameColumns();
    renameIndexes();
    Set<String> created = new TreeSet<>();
    Set<String> dropped = new TreeSet<>();
    for (TableDefinition t : target.tables()) {
      if (!work.has(t.name())) {
        created.add(t.name());
      }
    }
    for (TableDefinition t : work.tables()) {
      if (!target.has(t.name())) {
        dropped.add(t.name());
      }
    }
    checkDrops(created, dropped);
    leftoverDrops(dropped);

    for (TableDefinition next : target.tables()) {
      TableDefinition was = work.find(next.name()).orElse(null);
      if (was != null && !was.equals(next)) { // equal: the common case in a large model
        changeTable(was, next);
      }
    }
    leftoverNarrows();
    reAddKeysThatDependOnChangedKeys(dropped);
    for (String name : created) {
      TableDefinition t = target.table(name);
      TableDefinition bare = t;
      for (IndexDefinition i : t.indexes()) {
        bare = bare.withoutIndex(i.name());
      }
      // A key to the table's own unique (not primary) columns comes after the unique index it needs:
      // PostgreSQL and MariaDB check at CREATE TABLE that the referenced columns are unique.
      List<ForeignKeyDefinition> selfKeys = new ArrayList<>();
      for (ForeignKeyDefinition f : t.foreignKeys()) {
        if (f.refTable().equals(name) && !f.refColumns().equals(t.primaryKey())) {
          selfKeys.add(f);
          bare = bare.withoutForeignKey(f.name());
        }
      }
      ops.add(Operations.createTable(bare));
      for (IndexDefinition i : t.indexes()) {
        ops.add(Operations.addIndex(name, i));
      }
      for (ForeignKeyDefinition f : selfKeys) {
        ops.add(Operations.addForeignKey(name, f));
      }
    }
    for (String name : dropped) {
      ops.add(Operations.dropTable(name));
    }
    sequences();
    enumTypes();
  }

  /**
   * PostgreSQL enum types: created, given their new labels in place ({@code ADD VALUE … BEFORE/AFTER}),
   * dropped. PostgreSQL cannot drop or reorder a label, so a model that loses one or reorders them is
   * refused, naming what to do instead.
   */
  private void enumTypes() {
    for (io.jmigrate.schema.EnumTypeDefinition e : target.enumTypes()) {
      var was = work.findEnumType(e.name());
      if (was.isEmpty()) {
        ops.add(Operations.createEnumType(e));
        continue;
      }
      List<String> old = new ArrayList<>(was.get().labels());
      // Renamed constants first (@RenamedFrom on the constant): the stored values follow the label.
      for (Map.Entry<String, String> r : intents.enumLabelRenames().getOrDefault(e.name(), Map.of()).entrySet()) {
        String to = r.getKey();
        String from = r.getValue();
        if (old.contains(from) && !old.contains(to) && e.labels().contains(to) && !e.labels().contains(from)) {
          ops.add(Operations.renameEnumValue(e.name(), from, to));
          old.set(old.indexOf(from), to);
        }
      }
      List<String> kept = e.labels().stream().filter(old::contains).toList();
      if (!kept.equals(old)) {
        List<String> gone = old.stream().filter(l -> !e.labels().contains(l)).toList();
        findings.add(Finding.error(Subject.table(e.name()), "the enum type " + e.name() + (gone.isEmpty()
            ? " would change the order of its labels " + old + " to " + kept
            : " would lose the label" + (gone.size() == 1 ? " " : "s ") + String.join(", ", gone))
            + ", which PostgreSQL cannot do (ALTER TYPE only adds and renames labels). Keep "
            + (gone.isEmpty() ? "the order (add new constants anywhere)" : "the constant" + (gone.size() == 1 ? "" : "s"))
            + ", or give the column a new enum type name and convert the values in a hand-written step"));
        continue;
      }
      List<String> now = new ArrayList<>(old);
      for (int i = 0; i < e.labels().size(); i++) {
        String label = e.labels().get(i);
        if (now.contains(label)) {
          continue;
        }
        if (i == 0) {
          ops.add(Operations.addEnumValueBefore(e.name(), label, now.get(0)));
          now.add(0, label);
        } else {
          String prev = e.labels().get(i - 1);
          int at = now.indexOf(prev);
          ops.add(at == now.size() - 1 ? Operations.addEnumValue(e.name(), label)
              : Operations.addEnumValueAfter(e.name(), label, prev));
          now.add(at + 1, label);
        }
      }
    }
    for (io.jmigrate.schema.EnumTypeDefinition e : work.enumTypes()) {
      if (target.findEnumType(e.name()).isEmpty()) {
        ops.add(Operations.dropEnumType(e.name()));
      }
    }
  }

  /**
   * Sequences: renamed (only by {@code renamedFrom}: a sequence dropped and created under another
   * name would start counting again), created, altered (start, increment) and dropped.
   */
  private void sequences() {
    Schema s = work;
    for (Map.Entry<String, String> r : intents.sequenceRenames().entrySet()) {
      String to = r.getKey();
      String from = r.getValue();
      // Not when the models still have the old name (another entity's sequence now): that one stays.
      if (s.findSequence(from).isPresent() && s.findSequence(to).isEmpty() && target.findSequence(to).isPresent()
          && target.findSequence(from).isEmpty()) {
        Operation op = Operations.renameSequence(from, to);
        ops.add(op);
        s = op.applyTo(s);
      }
    }
    for (io.jmigrate.schema.SequenceDefinition q : target.sequences()) {
      var was = s.findSequence(q.name());
      if (was.isEmpty()) {
        ops.add(Operations.createSequence(q));
      } else if (!was.get().equals(q)) {
        ops.add(Operations.alterSequence(q));
      }
    }
    List<String> dropped = new ArrayList<>();
    for (io.jmigrate.schema.SequenceDefinition q : s.sequences()) {
      if (target.findSequence(q.name()).isEmpty()) {
        ops.add(Operations.dropSequence(q.name()));
        dropped.add(q.name());
      }
    }
    // One gone and one new in the same build is what renaming an entity does to its implicit <entity>_seq:
    // the new one would start again, below the ids already taken.
    for (io.jmigrate.schema.SequenceDefinition q : target.sequences()) {
      if (!dropped.isEmpty() && s.findSequence(q.name()).isEmpty()) {
        findings.add(Finding.warning(Subject.table(q.name()), "the sequence " + q.name() + " is new and "
            + String.join(", ", dropped) + " is dropped: if " + q.name() + " takes over from it (an entity renamed),"
            + " it starts again at " + q.start() + ", below the ids already taken. Rename it instead: renamedFrom on"
            + " @Sequence, or keep the old sequenceName on the @SequenceGenerator"));
      }
    }
  }

  private void changeTable(TableDefinition was, TableDefinition next) {
    String table = next.name();
    for (ForeignKeyDefinition f : was.foreignKeys()) {
      if (!next.foreignKeys().contains(f)) {
        ops.add(Operations.dropForeignKey(table, f.name()));
      }
    }
    for (IndexDefinition i : was.indexes()) {
      if (!next.indexes().contains(i)) {
        ops.add(Operations.dropIndex(table, i.name()));
      }
    }
    // A changed check is dropped and added again: no database alters a check's expression in place.
    for (io.jmigrate.schema.CheckDefinition k : was.checks()) {
      if (!next.checks().contains(k)) {
        ops.add(Operations.dropCheck(table, k.name()));
      }
    }
    for (ColumnDefinition c : next.columns()) {
      if (was.column(c.name()).isEmpty()) {
        checkAdd(table, c);
        ops.add(Operations.addColumn(table, c));
      }
    }
    for (ColumnDefinition c : next.columns()) {
      ColumnDefinition before = was.column(c.name()).orElse(null);
      if (before != null && !before.equals(c)) {
        checkGeneration(table, before, c);
        checkAlter(table, before, c);
        ops.add(Operations.alterColumn(table, c));
      }
    }
    if (!was.primaryKey().equals(next.primaryKey())) {
      ops.add(new Operations.SetPrimaryKey(table, next.primaryKey()));
    }
    if (!java.util.Objects.equals(was.collation(), next.collation())) {
      ops.add(Operations.alterCollation(table, next.collation()));
    }
    if (!java.util.Objects.equals(was.comment(), next.comment())) {
      ops.add(Operations.alterTableComment(table, next.comment()));
    }
    if (!java.util.Objects.equals(was.primaryKeyName(), next.primaryKeyName())) {
      // No operation renames a constraint; without this error the snapshot and the migrations would part.
      findings.add(Finding.error(Subject.table(table), "the primary key of " + table + " is named "
          + was.primaryKeyConstraint() + " in the migrations, but @Table(primaryKeyName) now says "
          + next.primaryKeyConstraint() + ": jmigrate does not rename a key's constraint. Keep "
          + (was.primaryKeyName() == null ? "jmigrate's name (remove primaryKeyName)"
              : "primaryKeyName = \"" + was.primaryKeyName() + "\"")));
    }
    for (ColumnDefinition c : was.columns()) {
      if (next.column(c.name()).isEmpty()) {
        ops.add(Operations.dropColumn(table, c.name()));
      }
    }
    for (IndexDefinition i : next.indexes()) {
      if (!was.indexes().contains(i)) {
        ops.add(Operations.addIndex(table, i));
      }
    }
    for (ForeignKeyDefinition f : next.foreignKeys()) {
      if (!was.foreignKeys().contains(f)) {
        ops.add(Operations.addForeignKey(table, f));
      }
    }
    for (io.jmigrate.schema.CheckDefinition k : next.checks()) {
      if (!was.checks().contains(k)) {
        ops.add(Operations.addCheck(table, k));
      }
    }
  }

  /**
   * A foreign key depends on the primary key or unique index that makes its referenced columns
   * unique: PostgreSQL refuses to drop that key while the foreign key exists. So when such a key
   * goes away (a primary-key change, a unique index dropped or changed), each foreign key that
   * may rest on it is dropped first and, unless its table goes too, added again afterwards (the
   * order stage puts the re-add after the new key). So too when a column on either side of a
   * foreign key changes type (an {@code int} key and its references becoming {@code long}). The
   * same operations on every dialect.
   */
  private void reAddKeysThatDependOnChangedKeys(Set<String> dropped) {
    Set<String> handled = new HashSet<>();
    for (TableDefinition was : work.tables()) {
      TableDefinition next = target.find(was.name()).orElse(null);
      if (next == null || was.equals(next)) {
        continue;
      }
      List<Set<String>> released = new ArrayList<>();
      if (!was.primaryKey().isEmpty() && !was.primaryKey().equals(next.primaryKey())) {
        released.add(new TreeSet<>(was.primaryKey()));
      }
      for (IndexDefinition i : was.indexes()) {
        if (i.unique() && !next.indexes().contains(i)) {
          released.add(new TreeSet<>(i.columns()));
        }
      }
      for (Set<String> key : released) {
        for (TableDefinition referencing : work.tables()) {
          for (ForeignKeyDefinition f : referencing.foreignKeys()) {
            if (f.refTable().equals(was.name()) && key.equals(new TreeSet<>(f.refColumns()))) {
              dropAndReAdd(referencing, f, handled, dropped);
            }
          }
        }
      }
    }
    // MariaDB refuses to change the type of a column a foreign key uses, on either side (error 1833),
    // and a key over two types cannot be added: the key goes before the columns change, and comes back after.
    for (TableDefinition referencing : work.tables()) {
      for (ForeignKeyDefinition f : referencing.foreignKeys()) {
        if (retyped(referencing.name(), f.columns()) || retyped(f.refTable(), f.refColumns())) {
          dropAndReAdd(referencing, f, handled, dropped);
        }
      }
    }
  }

  /** Drops {@code f} of {@code referencing} and, if it stays as it is, adds it again (the order stage places both). */
  private void dropAndReAdd(TableDefinition referencing, ForeignKeyDefinition f, Set<String> handled, Set<String> dropped) {
    if (!handled.add(referencing.name() + "." + f.name())) {
      return;
    }
    TableDefinition stays = target.find(referencing.name()).orElse(null);
    boolean unchanged = stays != null && stays.foreignKeys().contains(f);
    if (unchanged || dropped.contains(referencing.name())) {
      ops.add(Operations.dropForeignKey(referencing.name(), f.name()));
    }
    if (unchanged) {
      ops.add(Operations.addForeignKey(referencing.name(), f));
    }
    // Otherwise the foreign key changes anyway: the table's own diff drops and adds it.
  }

  /** Whether one of {@code columns} of {@code table} changes its type (length, precision or scale included). */
  private boolean retyped(String table, List<String> columns) {
    TableDefinition was = work.find(table).orElse(null);
    TableDefinition next = target.find(table).orElse(null);
    if (was == null || next == null) {
      return false;
    }
    for (String name : columns) {
      ColumnDefinition a = was.column(name).orElse(null);
      ColumnDefinition b = next.column(name).orElse(null);
      if (a != null && b != null && (a.type() != b.type() || a.length() != b.length() || a.precision() != b.precision()
          || a.scale() != b.scale())) {
        return true;
      }
      // A new collation converts the table's text: MariaDB refuses it under a foreign key (1832/1833).
      if (a != null && b != null && !java.util.Objects.equals(was.collation(), next.collation())
          && (a.type() == ColumnType.STRING || a.type() == ColumnType.CHAR || a.type() == ColumnType.CLOB
              || a.type() == ColumnType.LONG_TEXT)) {
        return true;
      }
    }
    return false;
  }

  // ---- renames ----

  /**
   * A {@code @RenamedFrom} the snapshot records as applied by an earlier migration is left over:
   * it is never applied again (a swap or a chain, once done, would look like one still to do),
   * and the build asks for it to be removed.
   */
  private boolean leftover(Rename r, Map<Rename, Integer> applied) {
    Integer by = applied.get(r);
    if (by == null) {
      return false;
    }
    appliedBefore.put(r, by);
    findings.add(Finding.warning(Subject.renamedFrom(r), "@RenamedFrom(\"" + r.from() + "\") was already applied by "
        + String.format("V%04d", by) + "; remove it (each @RenamedFrom is applied once, by the build that "
        + "generates its migration)"));
    return true;
  }

  private void renameTables() {
    Set<String> existing = new TreeSet<>();
    old.tables().forEach(t -> existing.add(t.name()));
    Set<String> taken = new HashSet<>(existing);
    target.tables().forEach(t -> taken.add(t.name()));
    Map<String, String> todo = new TreeMap<>();
    intents.tableRenames().forEach((to, from) -> {
      if (!leftover(Rename.table(to, from), intents.applied())) {
        todo.put(to, from);
      }
    });
    Map<String, String> original = new HashMap<>(); // a table's name during the renames → its name before
    Map<String, String> done = plan(todo, existing, taken, (from, to) -> {
      Operation op = Operations.renameTable(from, to);
      ops.add(op);
      work = op.applyTo(work);
      original.put(to, original.containsKey(from) ? original.remove(from) : from);
    });
    done.forEach((from, to) -> appliedNow.add(Rename.table(to, from)));
    original.forEach((now, was) -> movedTables.put(was, now));
    for (Map.Entry<String, String> r : todo.entrySet()) {
      String to = r.getKey();
      String from = r.getValue();
      if (!old.has(from) && !work.has(to) && !old.tables().isEmpty()) {
        findings.add(Finding.warning(Subject.table(to), "@RenamedFrom(\"" + from + "\"): the snapshot has "
            + "no table " + from + " to rename, so " + to + " is created as a new table; fix the old name if it "
            + "was meant as a rename"));
      }
      // Otherwise the rename is done now, or cannot be (its new name is taken by a table that stays).
    }
  }

  private void renameColumns() {
    // The applied renames of a table renamed just now follow it to its new name.
    Map<Rename, Integer> applied = new HashMap<>();
    intents.applied().forEach((r, v) -> applied.put(r.ofTable() ? r : r.on(movedTables.getOrDefault(r.table(), r.table())), v));
    for (Map.Entry<String, Map<String, String>> t : intents.columnRenames().entrySet()) {
      String table = t.getKey();
      Map<String, String> todo = new TreeMap<>();
      t.getValue().forEach((to, from) -> {
        if (!leftover(Rename.column(table, to, from), applied)) {
          todo.put(to, from);
        }
      });
      TableDefinition before = work.find(table).orElse(null);
      if (before == null || !target.has(table)) {
        continue; // a new table: nothing to rename
      }
      Set<String> existing = new TreeSet<>(before.columnNames());
      Set<String> taken = new HashSet<>(existing);
      taken.addAll(target.table(table).columnNames());
      Map<String, String> done = plan(todo, existing, taken, (from, to) -> {
        Operation op = Operations.renameColumn(table, from, to);
        ops.add(op);
        work = op.applyTo(work);
      });
      done.forEach((from, to) -> appliedNow.add(Rename.column(table, to, from)));
      done.forEach((from, to) -> renamedColumns.add(table + "." + to));
      TableDefinition after = work.table(table);
      for (Map.Entry<String, String> r : todo.entrySet()) {
        String to = r.getKey();
        String from = r.getValue();
        if (!existing.contains(from) && after.column(to).isEmpty()) {
          findings.add(Finding.warning(Subject.column(table, to), "@RenamedFrom(\"" + from + "\"): table "
              + table + " has no column " + from + " to rename, so " + to + " is added as a new column; its columns are "
              + before.columnNames() + ". Fix the old name if it was meant as a rename."));
        }
      }
    }
  }

  /**
   * An index whose name is derived from its table and columns gets a new name when they are
   * renamed; with the same columns and uniqueness it is renamed, not dropped and built again. Only
   * an index of a table renamed now, or on a column renamed now: an index replaced by another of a
   * different name in the model stays a replacement.
   * Only a rename whose new name is free (or freed by another, a swap going through a temporary
   * name) is done, since index names share one namespace per schema on PostgreSQL and SQLite; any
   * other stays a drop and an add. Pairs are taken in name order, so the result is deterministic.
   */
  private void renameIndexes() {
    Set<String> existing = new TreeSet<>();
    Set<String> taken = new HashSet<>();
    for (TableDefinition t : work.tables()) {
      existing.add(t.name());
      existing.add(t.primaryKeyConstraint());
      t.indexes().forEach(i -> existing.add(i.name()));
      t.foreignKeys().forEach(f -> existing.add(f.name()));
    }
    taken.addAll(existing);
    for (TableDefinition t : target.tables()) {
      taken.add(t.name());
      t.indexes().forEach(i -> taken.add(i.name()));
    }
    Map<String, String> todo = new TreeMap<>(); // new name → old name
    Map<String, String> tableOf = new HashMap<>(); // old or temporary name → table
    for (TableDefinition next : target.tables()) {
      TableDefinition was = work.find(next.name()).orElse(null);
      if (was == null || was.indexes().equals(next.indexes())) {
        continue;
      }
      List<IndexDefinition> added = new ArrayList<>(next.indexes().stream().filter(i -> !was.indexes().contains(i)).toList());
      boolean tableMoved = movedTables.containsValue(next.name());
      for (IndexDefinition i : was.indexes()) {
        if (next.indexes().contains(i)
            || !tableMoved && i.columns().stream().noneMatch(c -> renamedColumns.contains(next.name() + "." + c))) {
          continue;
        }
        IndexDefinition same = added.stream()
            .filter(a -> a.columns().equals(i.columns()) && a.unique() == i.unique()).findFirst().orElse(null);
        if (same != null) {
          added.remove(same);
          todo.put(same.name(), i.name());
          tableOf.put(i.name(), next.name());
        }
      }
    }
    plan(todo, existing, taken, (from, to) -> {
      String table = tableOf.get(from);
      tableOf.put(to, table);
      Operation op = Operations.renameIndex(table, from, to);
      ops.add(op);
      work = op.applyTo(work);
    });
  }

  /**
   * The rename steps for {@code renames} (new name → old name) among the {@code existing} names;
   * returns the renames done (old name → new name). A rename is due when its old name exists and
   * its new name is free, or is freed by another due rename; one whose new name stays taken
   * cannot be done and is left alone. Steps run from the free end of each chain; a cycle (a swap)
   * first moves one name aside to a temporary name.
   */
  static Map<String, String> plan(Map<String, String> renames, Set<String> existing, Set<String> taken,
      BiConsumer<String, String> step) {
    Map<String, String> moves = new TreeMap<>(); // old → new
    renames.forEach((to, from) -> {
      if (existing.contains(from) && !from.equals(to)) {
        moves.put(from, to);
      }
    });
    Map<String, String> todo = new TreeMap<>();
    for (Map.Entry<String, String> m : moves.entrySet()) {
      if (due(m.getKey(), moves, existing)) {
        todo.put(m.getKey(), m.getValue());
      }
    }
    Map<String, String> done = new TreeMap<>(todo);
    Set<String> occupied = new HashSet<>(existing);
    while (!todo.isEmpty()) {
      String free = null;
      for (Map.Entry<String, String> m : todo.entrySet()) {
        if (!occupied.contains(m.getValue())) {
          free = m.getKey();
          break;
        }
      }
      if (free != null) {
        String to = todo.remove(free);
        step.accept(free, to);
        occupied.remove(free);
        occupied.add(to);
      } else {
        // Only cycles are left: move one name aside, which turns its cycle into a chain.
        String from = todo.keySet().iterator().next();
        String temp = tempName(from, taken);
        taken.add(temp);
        step.accept(from, temp);
        occupied.remove(from);
        occupied.add(temp);
        todo.put(temp, todo.remove(from));
      }
    }
    return done;
  }

  /** Whether the rename of {@code from} can run: its chain of new names ends at a free name, or closes a cycle. */
  private static boolean due(String from, Map<String, String> moves, Set<String> existing) {
    Set<String> seen = new HashSet<>();
    seen.add(from);
    String cur = moves.get(from);
    while (existing.contains(cur)) {
      if (!seen.add(cur)) {
        return true; // a cycle: every name in it is freed by the next
      }
      String next = moves.get(cur);
      if (next == null) {
        return false; // the new name is taken by something that stays
      }
      cur = next;
    }
    return true;
  }

  /** {@code _jm_tmp_<name>}, shortened with a hash where it would exceed the identifier limit. */
  static String tempName(String name, Set<String> taken) {
    String base = TEMP_PREFIX + name;
    if (base.length() > Naming.MAX_IDENTIFIER_LENGTH) {
      CRC32 crc = new CRC32();
      crc.update(name.getBytes(StandardCharsets.UTF_8));
      base = base.substring(0, Naming.MAX_IDENTIFIER_LENGTH - 9) + "_" + String.format("%08x", crc.getValue());
    }
    String candidate = base;
    for (int i = 2; taken.contains(candidate); i++) {
      String suffix = "_" + i;
      candidate = base.substring(0, Math.min(base.length(), Naming.MAX_IDENTIFIER_LENGTH - suffix.length())) + suffix;
    }
    return candidate;
  }

  // ---- confirmations and checks ----

  private void checkDrops(Set<String> created, Set<String> dropped) {
    for (String t : dropped) {
      if (!intents.droppableTables().contains(t)) {
        String rename = created.isEmpty() ? "" : " If it was renamed, put @RenamedFrom(\"" + t + "\") on the model of "
            + String.join(" or ", created) + ".";
        String model = intents.oldModelClasses().get(t);
        findings.add(Finding.error(Subject.table(t), "the table " + t + (model == null ? "" : " (model " + model + ")")
            + " is gone from the models, and dropping it would delete its data." + rename
            + " To drop it, put @Drop(tables = \"" + t + "\") on any @Table model."));
      }
    }
    for (TableDefinition next : target.tables()) {
      TableDefinition was = work.find(next.name()).orElse(null);
      if (was == null || was.equals(next)) {
        continue;
      }
      List<String> added = next.columns().stream().map(ColumnDefinition::name).filter(c -> was.column(c).isEmpty()).toList();
      for (ColumnDefinition c : was.columns()) {
        if (next.column(c.name()).isEmpty()
            && !intents.droppableColumns().getOrDefault(next.name(), Set.of()).contains(c.name())) {
          String rename = added.isEmpty() ? "" : " If it was renamed, put @RenamedFrom(\"" + c.name()
              + "\") on the field of the column " + String.join(" or ", added) + ".";
          findings.add(Finding.error(Subject.table(next.name()), "the column " + next.name() + "."
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
    for (String t : intents.droppableTables()) {
      if (!dropped.contains(t)) {
        findings.add(Finding.warning(Subject.dropTable(t), "@Drop(tables = \"" + t + "\") confirms nothing in this "
            + "build (there is no such table to drop now); remove it, so that it cannot confirm a later drop by accident"));
      }
    }
    for (Map.Entry<String, Set<String>> e : intents.droppableColumns().entrySet()) {
      TableDefinition was = work.find(e.getKey()).orElse(null);
      TableDefinition next = target.find(e.getKey()).orElse(null);
      for (String c : e.getValue()) {
        boolean droppedNow = was != null && next != null && was.column(c).isPresent() && next.column(c).isEmpty();
        if (!droppedNow) {
          findings.add(Finding.warning(Subject.dropColumn(e.getKey(), c), "@Drop(columns = \"" + c + "\") confirms "
              + "nothing in this build (" + e.getKey() + " has no column " + c + " to drop now); remove it, so that it "
              + "cannot confirm a later drop by accident"));
        }
      }
    }
  }

  private void checkAdd(String table, ColumnDefinition c) {
    if (!c.nullable() && !c.hasDefault() && !c.generated() && !c.computed()) {
      findings.add(Finding.error(Subject.column(table, c.name()), "cannot add the NOT NULL column " + table + "."
          + c.name() + " without a default: the table may already have rows. Give it a default "
          + "(" + Finding.MODEL_DEFAULT + "), or make it nullable, fill it in, and make it "
          + "NOT NULL in a later migration."));
    }
  }

  /**
   * A {@code @Narrow} that confirms nothing in this build is left over from an earlier one; left in
   * place it would silently confirm a later narrowing of the same column.
   */
  private void leftoverNarrows() {
    for (String column : intents.narrowable()) {
      if (!narrowed.contains(column)) {
        int dot = column.indexOf('.');
        findings.add(Finding.warning(Subject.column(column.substring(0, dot), column.substring(dot + 1)),
            "@Narrow confirms nothing in this build (" + column + " is not narrowed now); remove it, so that it "
            + "cannot confirm a later narrowing by accident"));
      }
    }
  }

  /**
   * A generated column's expression or storage changes by dropping and adding it again (the dialects do so;
   * its values are recomputed, the application wrote none). An ordinary column made generated loses the
   * values written to it; a generated column made ordinary would lose its values, which no step keeps.
   */
  private void checkGeneration(String table, ColumnDefinition was, ColumnDefinition c) {
    if (was.computed() && !c.computed()) {
      findings.add(Finding.error(Subject.column(table, c.name()), "the generated column " + table + "." + c.name()
          + " cannot become an ordinary column in place: its values would be lost. Add a new column, copy the"
          + " values in a data step, then drop the generated one"));
    } else if (!was.computed() && c.computed()) {
      findings.add(Finding.warning(Subject.column(table, c.name()), "the column " + table + "." + c.name()
          + " becomes generated: it is dropped and added again, and the values written to it are replaced by"
          + " GENERATED ALWAYS AS (" + c.generatedAs() + ")"));
    }
  }

  /** The type as a message names it: a {@code @Column(sqlType)}'s as written, else jmigrate's with its size. */
  private static String typeOf(ColumnDefinition c) {
    String described = Widening.describe(c);
    return c.type() == ColumnType.NATIVE ? c.sqlType() : described.contains(" DEFAULT") ? described.substring(0,
        described.indexOf(" DEFAULT")) : described;
  }

  private void checkAlter(String table, ColumnDefinition was, ColumnDefinition c) {
    if ((was.type() == ColumnType.NATIVE || c.type() == ColumnType.NATIVE)
        && !(was.type() == c.type() && java.util.Objects.equals(was.sqlType(), c.sqlType()))) {
      // jmigrate knows nothing of the values of a type it does not model: no conversion is derived, none is guessed.
      findings.add(Finding.error(Subject.column(table, c.name()), "cannot change the type of " + table + "." + c.name()
          + " from " + typeOf(was) + " to " + typeOf(c) + ": jmigrate does not convert to or from"
          + " a type it does not model (@Column(sqlType)). Keep the type, or add a column of the new type under a new"
          + " name, fill it in a data step of your own, and drop the old one (@Drop)"));
      return;
    }
    if (was.nullable() && !c.nullable() && !c.hasDefault()) {
      findings.add(Finding.error(Subject.column(table, c.name()), "cannot make " + table + "." + c.name()
          + " NOT NULL without a default: existing rows may hold NULL. Give it a default "
          + "(" + Finding.MODEL_DEFAULT + "), which also fills the existing NULLs, or keep it nullable."));
    }
    if (!Widening.widens(was, c)) {
      narrowed.add(table + "." + c.name());
    }
    if (!Widening.widens(was, c) && !intents.narrowable().contains(table + "." + c.name())) {
      findings.add(Finding.error(Subject.column(table, c.name()), "changing " + table + "." + c.name()
          + " from " + Widening.describe(was) + " to " + Widening.describe(c) + " narrows it: values that do not fit "
          + "would make the migration fail or be cut. If that is intended, add @Narrow to the field."));
    }
  }
}
