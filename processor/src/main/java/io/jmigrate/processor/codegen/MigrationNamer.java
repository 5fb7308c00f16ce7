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
import io.jmigrate.processor.diff.SchemaDiff;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Names a migration after what it does: {@code V0002_AddUserEmail}, {@code V0001_CreateUserAndAddress}. */
public final class MigrationNamer {
  private static final int MAX_NAME = 60;
  /** The description goes into the history table and the header: long lists are cut here. */
  private static final int MAX_DESCRIPTION = 180;

  private MigrationNamer() {}

  public static String className(int version, List<Operation> ops) {
    Set<String> tablesCreated = new LinkedHashSet<>();
    for (Operation op : ops) {
      if (op instanceof CreateTable c) { // one kind asked about, not a dispatch over all of them
        tablesCreated.add(c.table().name());
      }
    }
    boolean renames = ops.stream().anyMatch(op -> op instanceof RenameTable || op instanceof RenameColumn);
    Word word = new Word(tablesCreated, renames);
    List<String> words = new ArrayList<>();
    List<Operation> named = logicalRenames(ops);
    for (Operation op : named) {
      String w = swapWord(op, named);
      if (w == null) {
        w = op.accept(word);
      }
      if (w != null && !words.contains(w)) {
        words.add(w);
      }
    }
    String name;
    if (words.isEmpty()) {
      name = "Migration";
    } else if (!tablesCreated.isEmpty() && words.size() == tablesCreated.size() && words.size() > 1) {
      List<String> tables = tablesCreated.stream().map(MigrationNamer::camel).toList();
      name = tables.size() <= 3 ? "Create" + String.join("And", tables) : "CreateTables";
    } else if (words.size() == 1) {
      name = words.get(0);
    } else if (words.size() == 2) {
      name = words.get(0) + "And" + words.get(1);
    } else {
      name = words.get(0) + "AndMore";
    }
    if (name.length() > MAX_NAME) {
      name = name.substring(0, MAX_NAME);
    }
    return String.format("V%04d_%s", version, name);
  }

  /**
   * The operations with each chain of renames through a temporary name (how the diff swaps or
   * chains names, {@code a → _jm_tmp_a, b → a, _jm_tmp_a → b}) replaced by the renames it achieves
   * ({@code a → b, b → a}), so that the class is named after what the reviewer asked for.
   */
  static List<Operation> logicalRenames(List<Operation> ops) {
    Map<String, String> originOfColumn = new LinkedHashMap<>(); // "table.current" -> original name
    Map<String, String> originOfTable = new LinkedHashMap<>();
    Map<String, Integer> firstPosition = new HashMap<>();
    List<Operation> others = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      Operation op = ops.get(i);
      if (op instanceof RenameColumn r) { // renames only: everything else passes through unchanged
        String origin = originOfColumn.remove(r.table() + "." + r.from());
        originOfColumn.put(r.table() + "." + r.to(), origin != null ? origin : r.from());
        firstPosition.putIfAbsent("c:" + r.table() + "." + (origin != null ? origin : r.from()), i);
      } else if (op instanceof RenameTable r) {
        String origin = originOfTable.remove(r.from());
        originOfTable.put(r.to(), origin != null ? origin : r.from());
        firstPosition.putIfAbsent("t:" + (origin != null ? origin : r.from()), i);
      } else {
        others.add(op);
      }
    }
    TreeMap<Integer, Operation> renames = new TreeMap<>();
    originOfColumn.forEach((current, origin) -> {
      int dot = current.indexOf('.');
      String table = current.substring(0, dot);
      String column = current.substring(dot + 1);
      if (!column.equals(origin) && !column.startsWith(SchemaDiff.TEMP_PREFIX)) {
        renames.put(firstPosition.get("c:" + table + "." + origin), new RenameColumn(table, origin, column));
      }
    });
    originOfTable.forEach((current, origin) -> {
      if (!current.equals(origin) && !current.startsWith(SchemaDiff.TEMP_PREFIX)) {
        renames.put(firstPosition.get("t:" + origin), new RenameTable(origin, current));
      }
    });
    List<Operation> out = new ArrayList<>(renames.values());
    out.addAll(others);
    return out;
  }

  /** {@code SwapUserNameAndNickname} for the first of two renames that swap names; null otherwise. */
  private static String swapWord(Operation op, List<Operation> ops) {
    if (op instanceof RenameColumn r && ops.contains(new RenameColumn(r.table(), r.to(), r.from()))) {
      String[] pair = sorted(r.from(), r.to());
      return "Swap" + camel(r.table()) + camel(pair[0]) + "And" + camel(pair[1]);
    }
    if (op instanceof RenameTable r && ops.contains(new RenameTable(r.to(), r.from()))) {
      String[] pair = sorted(r.from(), r.to());
      return "Swap" + camel(pair[0]) + "And" + camel(pair[1]);
    }
    return null;
  }

  private static String[] sorted(String a, String b) {
    return a.compareTo(b) <= 0 ? new String[] {a, b} : new String[] {b, a};
  }

  /**
   * The sentence for the history table and the header: "add column user.email; …". A long list
   * ends with how many were left out and the total, so the numbers add up. The first change is
   * always named (cut short if it alone is too long), so the sentence never starts with "; and".
   */
  public static String description(List<Operation> ops) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < ops.size(); i++) {
      String d = summary(ops.get(i));
      if (i == 0 && d.length() > MAX_DESCRIPTION) {
        d = d.substring(0, MAX_DESCRIPTION - 3) + "..."; // ASCII: it goes into every database's history table
      }
      if (i > 0 && s.length() + d.length() > MAX_DESCRIPTION) {
        int rest = ops.size() - i;
        s.append("; and ").append(rest).append(rest == 1 ? " more change" : " more changes")
            .append(" (").append(ops.size()).append(" in all)");
        break;
      }
      s.append(s.length() == 0 ? "" : "; ").append(d);
    }
    return s.toString();
  }

  /** A short human line for one operation, without the column details. */
  public static String summary(Operation op) {
    return op.accept(SUMMARY);
  }

  private static final OperationVisitor<String> SUMMARY = new OperationVisitor<>() {
    @Override
    public String createTable(CreateTable o) {
      return "create table " + o.table().name();
    }

    @Override
    public String dropTable(DropTable o) {
      return "drop table " + o.table();
    }

    @Override
    public String renameTable(RenameTable o) {
      return "rename table " + o.from() + " to " + o.to();
    }

    @Override
    public String addColumn(AddColumn o) {
      return "add column " + o.table() + "." + o.column().name();
    }

    @Override
    public String dropColumn(DropColumn o) {
      return "drop column " + o.table() + "." + o.column();
    }

    @Override
    public String renameColumn(RenameColumn o) {
      return "rename column " + o.table() + "." + o.from() + " to " + o.to();
    }

    @Override
    public String alterColumn(AlterColumn o) {
      return "alter column " + o.table() + "." + o.column().name();
    }

    @Override
    public String setPrimaryKey(SetPrimaryKey o) {
      return "set primary key of " + o.table();
    }

    @Override
    public String addIndex(AddIndex o) {
      return "add index " + o.index().name();
    }

    @Override
    public String dropIndex(DropIndex o) {
      return "drop index " + o.index();
    }

    @Override
    public String renameIndex(RenameIndex o) {
      return "rename index " + o.table() + "." + o.from() + " to " + o.to();
    }

    @Override
    public String addForeignKey(AddForeignKey o) {
      return "add foreign key " + o.foreignKey().name();
    }

    @Override
    public String dropForeignKey(DropForeignKey o) {
      return "drop foreign key " + o.foreignKey();
    }

    @Override
    public String runSql(RunSql o) {
      return "sql step";
    }

    @Override
    public String runJava(RunJava o) {
      return o.description();
    }

    @Override
    public String createSequence(CreateSequence o) {
      return "create sequence " + o.sequence().name();
    }

    @Override
    public String dropSequence(DropSequence o) {
      return "drop sequence " + o.sequence();
    }

    @Override
    public String renameSequence(RenameSequence o) {
      return "rename sequence " + o.from() + " to " + o.to();
    }

    @Override
    public String alterSequence(AlterSequence o) {
      return "alter sequence " + o.sequence().name();
    }

    @Override
    public String addCheck(io.jmigrate.migration.Operations.AddCheck o) {
      return "add check " + o.table() + "." + o.check().name();
    }

    @Override
    public String dropCheck(io.jmigrate.migration.Operations.DropCheck o) {
      return "drop check " + o.table() + "." + o.check();
    }
  };

  /** The class-name fragment of one operation; null for what the name leaves out. */
  private static final class Word implements OperationVisitor<String> {
    private final Set<String> created;
    private final boolean renames;

    Word(Set<String> created, boolean renames) {
      this.created = created;
      this.renames = renames;
    }

    @Override
    public String createTable(CreateTable o) {
      return "Create" + camel(o.table().name());
    }

    @Override
    public String dropTable(DropTable o) {
      return "Drop" + camel(o.table());
    }

    @Override
    public String renameTable(RenameTable o) {
      return "Rename" + camel(o.from()) + "To" + camel(o.to());
    }

    @Override
    public String addColumn(AddColumn o) {
      return "Add" + camel(o.table()) + camel(o.column().name());
    }

    @Override
    public String dropColumn(DropColumn o) {
      return "Drop" + camel(o.table()) + camel(o.column());
    }

    @Override
    public String renameColumn(RenameColumn o) {
      return "Rename" + camel(o.table()) + camel(o.from()) + "To" + camel(o.to());
    }

    @Override
    public String alterColumn(AlterColumn o) {
      return "Alter" + camel(o.table()) + camel(o.column().name());
    }

    @Override
    public String setPrimaryKey(SetPrimaryKey o) {
      return "Change" + camel(o.table()) + "PrimaryKey";
    }

    @Override
    public String addIndex(AddIndex o) {
      return created.contains(o.table()) ? null : "Add" + camel(o.index().name());
    }

    @Override
    public String dropIndex(DropIndex o) {
      return "Drop" + camel(o.index());
    }

    /** Left out where it follows a table or column rename, which names the class already. */
    @Override
    public String renameIndex(RenameIndex o) {
      return renames ? null : "Rename" + camel(o.from()) + "To" + camel(o.to());
    }

    @Override
    public String addForeignKey(AddForeignKey o) {
      return created.contains(o.table()) ? null : "Add" + camel(o.foreignKey().name());
    }

    @Override
    public String dropForeignKey(DropForeignKey o) {
      return "Drop" + camel(o.foreignKey());
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
      return created.isEmpty() ? "Create" + camel(o.sequence().name()) : null; // beside new tables: their id sequences
    }

    @Override
    public String dropSequence(DropSequence o) {
      return "Drop" + camel(o.sequence());
    }

    @Override
    public String renameSequence(RenameSequence o) {
      return "Rename" + camel(o.from()) + "To" + camel(o.to());
    }

    @Override
    public String alterSequence(AlterSequence o) {
      return "Alter" + camel(o.sequence().name());
    }

    @Override
    public String addCheck(io.jmigrate.migration.Operations.AddCheck o) {
      return created.contains(o.table()) ? null : "Add" + camel(o.check().name());
    }

    @Override
    public String dropCheck(io.jmigrate.migration.Operations.DropCheck o) {
      return "Drop" + camel(o.check());
    }
  }

  static String camel(String snake) {
    StringBuilder s = new StringBuilder();
    for (String part : snake.split("_")) {
      if (!part.isEmpty()) {
        s.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return s.toString();
  }
}
