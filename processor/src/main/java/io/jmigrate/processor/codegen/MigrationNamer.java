package io.jmigrate.processor.codegen;

import io.jmigrate.migration.Operation;
import io.jmigrate.migration.Operations.CreateTable;
import io.jmigrate.migration.Operations.RenameColumn;
import io.jmigrate.migration.Operations.RenameTable;
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
    Operation.Naming naming = new Operation.Naming(tablesCreated, renames);
    List<String> words = new ArrayList<>();
    List<Operation> named = logicalRenames(ops);
    for (Operation op : named) {
      String w = swapWord(op, named);
      if (w == null) {
        w = op.nameWord(naming);
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

  /** A short human line for one operation, without the column details ({@link Operation#describe()}). */
  public static String summary(Operation op) {
    return op.describe();
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
