package io.jmigrate.processor.diff;

import io.jmigrate.dialect.Cost;
import io.jmigrate.dialect.Costs;
import io.jmigrate.dialect.Dialect;
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
import io.jmigrate.processor.model.IndexDeclaration;
import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ForeignKeyDefinition;
import io.jmigrate.schema.IndexDefinition;
import io.jmigrate.schema.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The online check: which operations of a migration cannot run while the application keeps
 * writing, on the project's target dialects. Two kinds, each a {@link Finding} at the declaration
 * the change comes from:
 *
 * <ul>
 *   <li>an operation that works through the whole table (rewrites, copies, rebuilds or scans it) on
 *       some target dialect: its time grows with the table, and on most forms writes wait for it.
 *       The message names the cost on every target dialect, as each dialect prices it ({@link Dialect#costs()});
 *   <li>an operation that breaks the code still running during a rolling deploy: a dropped or
 *       renamed column or table, which instances of the previous build go on reading and writing.
 * </ul>
 *
 * Each is a warning (an error in {@link Mode#STRICT}) unless an {@code @Offline} acknowledges it; an
 * {@code @Offline} that acknowledges nothing is left over and warned about, as a left-over
 * {@code @Narrow} is. Plain values in and out, like {@link SchemaDiff}.
 */
public final class OnlineCheck {
  /** The README section every message points to. */
  public static final String README = "docs/production.md, \"What jmigrate warns about at compile time\"";

  /** {@code -Ajmigrate.online}: what an unacknowledged change is. */
  public enum Mode {
    /** A warning: the migration is written (the default). */
    WARN,
    /** An error: nothing is written until the change is acknowledged or made another way. */
    STRICT,
    /** No check at all (no rolling deploys, tables known to be small). */
    OFF;

    /** {@code warn} / {@code strict} / {@code off}; null for any other value. */
    public static Mode parse(String value) {
      if (value == null || value.isBlank()) {
        return WARN;
      }
      for (Mode m : values()) {
        if (m.name().equalsIgnoreCase(value.trim())) {
          return m;
        }
      }
      return null;
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One {@code @Offline}: where it is written ({@link Subject#column} for a field, {@link Subject#table}
   * for a model class) and the findings' subjects it acknowledges (its own, and on a class also the
   * {@link Subject#dropTable} of each table its {@code @Drop(tables = …)} drops).
   */
  public record Acknowledgment(Subject at, Set<Subject> covers) {
    public Acknowledgment {
      covers = Set.copyOf(covers);
    }

    public static Acknowledgment of(Subject at) {
      return new Acknowledgment(at, Set.of(at));
    }
  }

  /** One change as the user made it: where, what, and what to do instead. */
  private record Change(Subject subject, String what, String breaks, String alternative) {}

  private final List<Costs> dialects;
  private final Schema next;

  private OnlineCheck(List<Costs> dialects, Schema next) {
    this.dialects = dialects;
    this.next = next;
  }

  /**
   * The costs the check names: those of the targets ({@code -Ajmigrate.dialects}), or of every dialect
   * on the processor path when none is named, in that order; a dialect that prices nothing (H2, a
   * test database) is never named.
   */
  public static List<Costs> dialects(List<String> targets) {
    List<Costs> costs = new ArrayList<>();
    for (String name : targets.isEmpty() ? Dialect.names() : targets) {
      Costs c = Dialect.named(name).costs();
      if (c != null) {
        costs.add(c);
      }
    }
    return costs;
  }

  /**
   * The findings for a migration from {@code before}: its {@code operations} in order, and the
   * renames among them ({@link SchemaDiff.Result#appliedNow()}, which name each rename once, however
   * many steps a swap takes).
   */
  public static List<Finding> check(Schema before, Schema next, List<Operation> operations, Set<Rename> renames,
      List<String> targets, List<Acknowledgment> acknowledgments, Mode mode) {
    if (mode == Mode.OFF) {
      return List.of();
    }
    OnlineCheck check = new OnlineCheck(dialects(targets), next);
    Map<Subject, String> concerns = new LinkedHashMap<>(); // subject → message; one finding per subject
    if (!check.dialects.isEmpty()) {
      for (Rename r : renames) {
        Change c = renamed(r);
        concerns.merge(c.subject(), check.message(c, List.of()), (a, b) -> a + "\n" + b);
      }
      Schema schema = before;
      // A table this migration creates is new and empty, and no running code writes to it yet: a later
      // step on it (a reference cycle's foreign key, added once both tables exist) waits for nothing.
      Set<String> created = new HashSet<>();
      for (Operation op : operations) {
        if (op instanceof CreateTable c) {
          created.add(c.table().name());
        }
        Change change = op.accept(check.new Describe(schema));
        if (change != null && !created.contains(change.subject().table())) {
          List<String> costs = check.costs(op, schema, change.breaks() != null);
          if (change.breaks() != null || !costs.isEmpty()) {
            concerns.merge(change.subject(), check.message(change, costs), (a, b) -> a + "\n" + b);
          }
        }
        schema = op.applyTo(schema);
      }
    }
    List<Finding> findings = new ArrayList<>();
    Set<Acknowledgment> used = new HashSet<>();
    concerns.forEach((subject, message) -> {
      Acknowledgment by = acknowledgments.stream().filter(a -> a.covers().contains(subject)).findFirst().orElse(null);
      if (by != null) {
        used.add(by);
      } else {
        findings.add(new Finding(subject, message, mode != Mode.STRICT));
      }
    });
    for (Acknowledgment a : acknowledgments) {
      if (!used.contains(a)) {
        String of = a.at().column() == null ? "table " + a.at().table() : a.at().table() + "." + a.at().column();
        findings.add(Finding.warning(Subject.offline(a.at().table(), a.at().column()), "@Offline acknowledges nothing "
            + "in this build (no change of " + of + " needs it); remove it, so that it cannot acknowledge a later change "
            + "by accident"));
      }
    }
    return findings;
  }

  /**
   * The costs to name: every target's when one of them works through the whole table, none when
   * none does (then only a change that breaks the running code is reported, without costs).
   */
  private List<String> costs(Operation op, Schema before, boolean breaks) {
    Map<String, Cost> all = new LinkedHashMap<>();
    for (Costs d : dialects) {
      all.put(d.displayName(), d.cost(op, before));
    }
    if (all.values().stream().noneMatch(Cost::heavy)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    all.forEach((db, cost) -> {
      if (cost.heavy() || !breaks) {
        out.add("on " + db + " it " + cost.text());
      }
    });
    return out;
  }

  private String message(Change c, List<String> costs) {
    StringBuilder s = new StringBuilder(c.what());
    if (c.breaks() != null) {
      s.append(" breaks the running code: ").append(c.breaks());
      if (!costs.isEmpty()) {
        s.append("; also, ").append(String.join("; ", costs));
      }
    } else {
      s.append(" cannot run online: ").append(String.join("; ", costs));
    }
    s.append(". Online alternative: ").append(c.alternative()).append(" (").append(README).append("). To run it as it is, ")
        .append(c.breaks() != null ? "once no running code uses it, " : "")
        .append("put @Offline(\"why\") on ").append(where(c.subject())).append('.');
    return s.toString();
  }

  private static String where(Subject s) {
    switch (s.kind()) {
      case COLUMN:
        return "the field";
      case DROP_TABLE:
        return "the class with @Drop(tables = \"" + s.table() + "\")";
      default:
        return "the class";
    }
  }

  private static final String OLD_CODE = "during a rolling deploy, instances of the previous build still ";

  private static Change renamed(Rename r) {
    if (r.ofTable()) {
      return new Change(Subject.table(r.table()), "renaming the table " + r.from() + " to " + r.table(),
          OLD_CODE + "use the name " + r.from() + " and fail once the migration has run",
          "create the new table, write to both, copy the rows over, switch reads, then drop the old one");
    }
    return new Change(Subject.column(r.table(), r.column()), "renaming the column " + r.table() + "." + r.from()
        + " to " + r.table() + "." + r.column(), OLD_CODE + "use the name " + r.from() + " and fail once the migration "
        + "has run", "add the new column, write to both, backfill it, switch reads, then drop the old column");
  }

  private static boolean sameType(ColumnDefinition a, ColumnDefinition b) {
    return a.type() == b.type() && a.length() == b.length() && a.precision() == b.precision() && a.scale() == b.scale();
  }

  private static final String NEW_COLUMN = "add a new column, fill it in batches, switch the code over, then drop the "
      + "old one";

  /** The change an operation makes, as the user made it; null for what never needs a warning. */
  private final class Describe implements OperationVisitor<Change> {
    private final Schema before;

    Describe(Schema before) {
      this.before = before;
    }

    @Override
    public Change createTable(CreateTable op) {
      return null;
    }

    @Override
    public Change dropTable(DropTable op) {
      return new Change(Subject.dropTable(op.table()), "dropping the table " + op.table(),
          OLD_CODE + "read and write it and fail once it is gone",
          "release a build that no longer uses the table first, and drop it in the release after that");
    }

    @Override
    public Change renameTable(RenameTable op) {
      return null; // from the renames: a swap is several operations but one rename
    }

    @Override
    public Change addColumn(AddColumn op) {
      ColumnDefinition c = op.column();
      return new Change(Subject.column(op.table(), c.name()), "adding the column " + op.table() + "." + c.name()
          + (c.hasDefaultSql() ? " with the default " + (c.defaultSql() != null ? c.defaultSql() : c.defaultSqlByDialect().values().iterator().next()) : "")
          + (c.generated() ? " as a generated key" : ""), null,
          "add it nullable without the default expression, fill it in batches, then add the default and NOT NULL "
              + "in later migrations");
    }

    @Override
    public Change dropColumn(DropColumn op) {
      return new Change(Subject.table(op.table()), "dropping the column " + op.table() + "." + op.column(),
          OLD_CODE + "read and write " + op.column() + " and fail once it is gone",
          "release a build whose code no longer reads or writes the column first (nullable, if it was NOT NULL), "
              + "and drop it in the release after that");
    }

    @Override
    public Change renameColumn(RenameColumn op) {
      return null;
    }

    @Override
    public Change alterColumn(AlterColumn op) {
      ColumnDefinition was = before.table(op.table()).column(op.column().name()).orElseThrow();
      ColumnDefinition c = op.column();
      List<String> parts = new ArrayList<>();
      if (!sameType(was, c)) {
        parts.add("from " + Widening.describe(was) + " to " + Widening.describe(c));
      }
      if (was.nullable() != c.nullable()) {
        parts.add(c.nullable() ? "to nullable" : "to NOT NULL");
      }
      String alternative = !sameType(was, c) ? NEW_COLUMN
          : !c.nullable() && was.nullable() ? "fill the NULLs in batches first (a migration step), then add NOT NULL "
              + "where the database can validate it without a lock, or keep the column nullable and check in code"
          : "run it when the table is small or writes can pause";
      return new Change(Subject.column(op.table(), c.name()), "changing " + op.table() + "." + c.name()
          + (parts.isEmpty() ? "" : " " + String.join(" and ", parts)), null, alternative);
    }

    @Override
    public Change setPrimaryKey(SetPrimaryKey op) {
      return new Change(Subject.table(op.table()), "changing the primary key of " + op.table() + " to "
          + op.columns(), null, "build a unique index on the new key columns first, then switch the key in a "
          + "maintenance window");
    }

    @Override
    public Change addIndex(AddIndex op) {
      IndexDefinition i = op.index();
      boolean ofField = i.unique() && i.columns().size() == 1
          && i.name().equals(IndexDeclaration.uniqueColumnIndexName(op.table(), i.columns().get(0)));
      return new Change(ofField ? Subject.column(op.table(), i.columns().get(0)) : Subject.table(op.table()),
          "adding the index " + i.name() + " on " + op.table() + " " + i.columns(), null,
          "give the unbounded String column a length (VARCHAR needs no conversion)");
    }

    @Override
    public Change dropIndex(DropIndex op) {
      return new Change(Subject.table(op.table()), "dropping the index " + op.index() + " of " + op.table(), null,
          "give the unbounded String column a length (VARCHAR needs no conversion)");
    }

    @Override
    public Change renameIndex(RenameIndex op) {
      return null; // in place, or (SQLite) a build of the index alone: never heavy
    }

    @Override
    public Change addForeignKey(AddForeignKey op) {
      ForeignKeyDefinition f = op.foreignKey();
      return new Change(Subject.column(op.table(), f.columns().get(0)), "adding the foreign key " + f.name() + " "
          + op.table() + " " + f.columns() + " → " + f.refTable() + " " + f.refColumns(), null,
          "on a big table, enforce the reference in code, or add the key in a maintenance window");
    }

    @Override
    public Change dropForeignKey(DropForeignKey op) {
      ForeignKeyDefinition f = before.table(op.table()).findForeignKey(op.foreignKey()).orElse(null);
      boolean field = f != null && next.find(op.table()).flatMap(t -> t.column(f.columns().get(0))).isPresent();
      return new Change(field ? Subject.column(op.table(), f.columns().get(0)) : Subject.table(op.table()),
          "dropping the foreign key " + op.foreignKey() + " of " + op.table(), null,
          "drop it in a maintenance window, or keep it");
    }

    @Override
    public Change runSql(RunSql op) {
      return null;
    }

    @Override
    public Change runJava(RunJava op) {
      return null;
    }

    @Override
    public Change custom(io.jmigrate.migration.CustomOperation op) {
      return null; // as hand-written SQL
    }

    @Override
    public Change createSequence(CreateSequence op) {
      return null; // the catalog only
    }

    @Override
    public Change dropSequence(DropSequence op) {
      return null; // the catalog only
    }

    @Override
    public Change renameSequence(RenameSequence op) {
      return null; // the catalog only
    }

    @Override
    public Change alterSequence(AlterSequence op) {
      return null; // the catalog only
    }

    @Override
    public Change addCheck(io.jmigrate.migration.Operations.AddCheck op) {
      return new Change(Subject.table(op.table()), "adding the check " + op.check().name() + " on " + op.table()
          + " (" + op.check().expression() + ")", null,
          "on a big table, add it in a maintenance window, or check the rule in code");
    }

    @Override
    public Change dropCheck(io.jmigrate.migration.Operations.DropCheck op) {
      return null; // the catalog only (SQLite's rebuild is priced by its costs)
    }

    @Override
    public Change createEnumType(io.jmigrate.migration.Operations.CreateEnumType op) {
      return null; // the catalog only
    }

    @Override
    public Change dropEnumType(io.jmigrate.migration.Operations.DropEnumType op) {
      return null; // the catalog only
    }

    @Override
    public Change addEnumValue(io.jmigrate.migration.Operations.AddEnumValue op) {
      return null; // the catalog only
    }

    @Override
    public Change renameEnumValue(io.jmigrate.migration.Operations.RenameEnumValue op) {
      return null; // the catalog only
    }

    @Override
    public Change alterCollation(io.jmigrate.migration.Operations.AlterCollation op) {
      return new Change(Subject.table(op.table()), "converting the text of " + op.table() + " to the collation "
          + op.collationShown(), null, "run it when the table is small or writes can pause, or keep the table's "
          + "collation (-Ajmigrate.collation, see docs/databases.md)");
    }

    @Override
    public Change alterTableComment(io.jmigrate.migration.Operations.AlterTableComment op) {
      return null; // the catalog's comment only: no lock held beyond a moment
    }
  }
}
