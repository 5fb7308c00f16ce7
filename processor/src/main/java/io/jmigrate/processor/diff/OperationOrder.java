package io.jmigrate.processor.diff;

import io.jmigrate.migration.Operation;
import io.jmigrate.migration.Operations.AddForeignKey;
import io.jmigrate.migration.Operations.CreateTable;
import io.jmigrate.migration.Operations.DropTable;
import io.jmigrate.migration.Placement;
import io.jmigrate.migration.Placement.Stage;
import io.jmigrate.migration.Operations;
import io.jmigrate.schema.ForeignKeyDefinition;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.TableDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * The order stage: puts a migration's operations in an order that works on every dialect, by
 * one topological sort (EF Core's {@code Sort(Diff(…))}).
 *
 * <p>Hard dependencies (edges):
 * <ul>
 *   <li>a new table's indexes and foreign keys come after it;
 *   <li>a table is created after the tables its foreign keys reference;
 *   <li>a foreign key (in a new table, or added to one) comes after the referenced table exists
 *       and has its columns, primary key and unique indexes as they will be, and after its own
 *       table's columns, key and indexes;
 *   <li>a dropped table goes after the dropped tables that reference it.
 * </ul>
 * Cycles are broken the usual way: a table of a cycle is created without its foreign keys to
 * the others, which are added once those exist; of a cycle of dropped tables, one first loses
 * its foreign keys to the others.
 *
 * <p>Between operations with no dependency the order is the readable one, which also keeps
 * every soft dependency: renames (as given), then dropped foreign keys and indexes, new tables
 * (each followed by its indexes), then table by table its added, altered and dropped columns,
 * primary key, new indexes and foreign keys, and dropped tables last.
 */
public final class OperationOrder {
  /** What an operation is to the sort. */
  private enum Role { RENAME, CREATE, ADD_FOREIGN_KEY, SHAPES_KEYS, DROP_TABLE, OTHER }

  /** One operation to place; {@code created} is the table a create makes (null for other operations). */
  private record Node(Operation op, Role role, String table, Set<String> refs, Stage stage, int step, int seq,
      TableDefinition created) {}

  private static final Comparator<Node> READABLE = Comparator.comparing(Node::stage)
      .thenComparing(n -> n.stage() == Stage.RENAME || n.stage() == Stage.HAND_WRITTEN ? "" : n.table())
      .thenComparingInt(Node::step)
      .thenComparingInt(Node::seq);

  private final Set<String> created = new HashSet<>();
  private final List<Node> pending = new ArrayList<>();
  private final List<Operation> out = new ArrayList<>();
  private Schema renamed;
  private int seq;

  private OperationOrder(Schema before, List<Operation> ops) {
    renamed = before;
    for (Operation op : ops) {
      Node n = node(op, -1); // first the new tables: they decide where their indexes and keys go
      if (n.role() == Role.CREATE) {
        created.add(n.table());
      }
    }
    for (Operation op : ops) {
      Node n = node(op);
      if (n.role() == Role.RENAME) {
        renamed = op.applyTo(renamed); // dropped tables are found under their names after the renames
      }
      pending.add(n);
    }
    for (int i = 0; i < pending.size(); i++) {
      Node n = pending.get(i);
      if (n.role() == Role.DROP_TABLE) {
        pending.set(i, node(n.op(), n.seq())); // now that renamed is complete
      }
    }
  }

  /** The operations in an order that works: see the class comment. */
  public static List<Operation> sort(Schema before, List<Operation> ops) {
    OperationOrder o = new OperationOrder(before, ops);
    while (!o.pending.isEmpty()) {
      o.drain();
      if (!o.pending.isEmpty()) {
        o.breakCycle();
      }
    }
    return List.copyOf(o.out);
  }

  private Node node(Operation op) {
    return node(op, seq++);
  }

  /** The operation's own placement ({@link Operation#placement}), and its role in the sort's dependencies. */
  private Node node(Operation op, int at) {
    Placement p = op.placement(renamed, created);
    // The few kinds the dependencies are about, asked by kind: not a dispatch over every operation.
    Role role = op instanceof CreateTable ? Role.CREATE : op instanceof AddForeignKey ? Role.ADD_FOREIGN_KEY
        : op instanceof DropTable ? Role.DROP_TABLE : p.stage() == Stage.RENAME ? Role.RENAME
        : p.shapesKeys() ? Role.SHAPES_KEYS : Role.OTHER;
    return new Node(op, role, p.table(), p.references(), p.stage(), p.rank(), at,
        op instanceof CreateTable c ? c.table() : null);
  }

  /** Emits every operation whose dependencies are met, the readable one first; stops at a cycle. */
  private void drain() {
    Map<Node, List<Node>> next = new IdentityHashMap<>();
    Map<Node, Integer> waiting = new IdentityHashMap<>();
    for (Node b : pending) {
      waiting.put(b, 0);
    }
    // Edges only join operations on the same or a referenced table: look only there (a first
    // migration of a large model has thousands of operations).
    Map<String, List<Node>> byTable = new HashMap<>();
    List<Node> drops = new ArrayList<>();
    for (Node n : pending) {
      byTable.computeIfAbsent(n.table(), k -> new ArrayList<>()).add(n);
      if (n.role() == Role.DROP_TABLE) {
        drops.add(n);
      }
    }
    for (Node b : pending) {
      Set<Node> candidates = Collections.newSetFromMap(new IdentityHashMap<>());
      candidates.addAll(byTable.getOrDefault(b.table(), List.of()));
      for (String r : b.refs()) {
        candidates.addAll(byTable.getOrDefault(r, List.of()));
      }
      if (b.role() == Role.DROP_TABLE) {
        candidates.addAll(drops);
      }
      for (Node a : candidates) {
        if (a != b && mustPrecede(a, b)) {
          next.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
          waiting.merge(b, 1, Integer::sum);
        }
      }
    }
    PriorityQueue<Node> ready = new PriorityQueue<>(READABLE);
    pending.stream().filter(n -> waiting.get(n) == 0).forEach(ready::add);
    Set<Node> emitted = Collections.newSetFromMap(new IdentityHashMap<>());
    while (!ready.isEmpty()) {
      Node n = ready.poll();
      out.add(n.op());
      emitted.add(n);
      for (Node b : next.getOrDefault(n, List.of())) {
        if (waiting.merge(b, -1, Integer::sum) == 0) {
          ready.add(b);
        }
      }
    }
    pending.removeIf(emitted::contains);
  }

  private static boolean mustPrecede(Node a, Node b) {
    if (a.role() == Role.CREATE && b.role() != Role.CREATE && a.table().equals(b.table())) {
      return true; // a new table's own indexes and keys
    }
    switch (b.role()) {
      case CREATE:
        return (a.role() == Role.CREATE || a.role() == Role.SHAPES_KEYS) && b.refs().contains(a.table());
      case ADD_FOREIGN_KEY:
        return (a.role() == Role.CREATE || a.role() == Role.SHAPES_KEYS)
            && (a.table().equals(b.table()) || b.refs().contains(a.table()));
      case DROP_TABLE:
        return a.role() == Role.DROP_TABLE && a.refs().contains(b.table());
      default:
        return false;
    }
  }

  /** Only tables that wait for each other remain: creates or drops in a foreign-key cycle. */
  private void breakCycle() {
    Node create = pending.stream().filter(n -> n.role() == Role.CREATE).min(READABLE).orElse(null);
    if (create != null) {
      Set<String> waitingToBeCreated = new HashSet<>();
      pending.stream().filter(n -> n.role() == Role.CREATE).forEach(n -> waitingToBeCreated.add(n.table()));
      TableDefinition t = create.created();
      List<Node> keys = new ArrayList<>();
      for (ForeignKeyDefinition f : t.foreignKeys()) {
        if (!f.refTable().equals(t.name()) && waitingToBeCreated.contains(f.refTable())) {
          t = t.withoutForeignKey(f.name());
          keys.add(node(Operations.addForeignKey(t.name(), f)));
        }
      }
      pending.set(pending.indexOf(create), node(Operations.createTable(t), create.seq()));
      pending.addAll(keys);
      return;
    }
    Node drop = pending.stream().filter(n -> n.role() == Role.DROP_TABLE).min(READABLE).orElseThrow(
        () -> new IllegalStateException("no order for " + pending));
    Set<String> waitingToBeDropped = new TreeSet<>();
    pending.stream().filter(n -> n.role() == Role.DROP_TABLE).forEach(n -> waitingToBeDropped.add(n.table()));
    TableDefinition t = renamed.table(drop.table());
    for (ForeignKeyDefinition f : t.foreignKeys()) {
      if (!f.refTable().equals(t.name()) && waitingToBeDropped.contains(f.refTable())) {
        out.add(Operations.dropForeignKey(t.name(), f.name()));
        t = t.withoutForeignKey(f.name());
      }
    }
    renamed = renamed.with(t);
    pending.set(pending.indexOf(drop), node(drop.op(), drop.seq()));
  }
}
