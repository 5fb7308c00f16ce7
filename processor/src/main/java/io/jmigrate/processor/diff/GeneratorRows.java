package io.jmigrate.processor.diff;

import io.jmigrate.migration.Operation;
import io.jmigrate.migration.Operations;
import io.jmigrate.schema.TableDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rows a JPA generator table starts with: Hibernate's schema export inserts one row per segment
 * ({@code pkColumnValue}, else {@code default}; {@code initialValue}) right after creating the table, and the
 * migration that creates the table does the same, with an insert that adds nothing when the row is there
 * (a database Hibernate exported, or rows written since), on every dialect.
 */
public final class GeneratorRows {
  private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final List<String> DIALECTS = List.of("h2", "mariadb", "postgresql", "sqlite");

  private GeneratorRows() {}

  /**
   * The operations with, after each that creates a generator table, one statement per segment inserting its row
   * when it is missing; and, last, the rows of segments new to a generator table that exists, when the snapshot
   * records the table's segments (an older one does not: Hibernate then inserts a missing row on first use).
   *
   * @param schema the models' schema, which has the generator tables
   * @param rows generator table → segment → the value its row starts with
   * @param recorded generator table → the segments whose rows earlier migrations inserted
   */
  public static List<Operation> added(List<Operation> ops, io.jmigrate.schema.Schema schema, Map<String, Map<String, Long>> rows,
      Map<String, List<String>> recorded) {
    if (rows.isEmpty()) {
      return ops;
    }
    List<Operation> out = new ArrayList<>();
    java.util.Set<String> created = new java.util.HashSet<>();
    for (Operation op : ops) {
      out.add(op);
      if (op instanceof Operations.CreateTable c && rows.containsKey(c.table().name())) {
        created.add(c.table().name());
        rows.get(c.table().name()).forEach((segment, value) -> out.add(insert(c.table(), segment, value)));
      }
    }
    rows.forEach((table, segments) -> {
      List<String> known = recorded.get(table);
      if (!created.contains(table) && known != null && schema.has(table)) {
        segments.forEach((segment, value) -> {
          if (!known.contains(segment)) {
            out.add(insert(schema.table(table), segment, value));
          }
        });
      }
    });
    return List.copyOf(out);
  }

  /** Table → its segments, for the snapshot. */
  public static Map<String, List<String>> segments(Map<String, Map<String, Long>> rows) {
    Map<String, List<String>> out = new java.util.TreeMap<>();
    rows.forEach((t, r) -> out.put(t, List.copyOf(r.keySet())));
    return out;
  }

  /** {@code INSERT ... SELECT ... WHERE NOT EXISTS}: a derived table, as MariaDB wants a FROM with a WHERE. */
  private static Operation insert(TableDefinition table, String segment, long value) {
    String key = table.primaryKey().get(0);
    String next = table.columnNames().stream().filter(n -> !n.equals(key)).findFirst().orElseThrow();
    String literal = "'" + segment.replace("'", "''") + "'";
    if (PLAIN.matcher(table.name()).matches() && PLAIN.matcher(key).matches() && PLAIN.matcher(next).matches()) {
      return Operations.sql(text(table.name(), key, next, literal, value, ""), delete(table.name(), key, literal, ""));
    }
    Map<String, String> byDialect = new LinkedHashMap<>();
    Map<String, String> reverse = new LinkedHashMap<>();
    for (String d : DIALECTS) {
      String q = d.equals("mariadb") ? "`" : "\"";
      byDialect.put(d, text(table.name(), key, next, literal, value, q));
      reverse.put(d, delete(table.name(), key, literal, q));
    }
    return Operations.sql(byDialect, reverse);
  }

  /** The reverse: the segment's row goes (down to before the table or the entity that needed it). */
  private static String delete(String table, String key, String literal, String q) {
    return "delete from " + q + table + q + " where " + q + key + q + " = " + literal;
  }

  private static String text(String table, String key, String next, String literal, long value, String q) {
    String t = q + table + q;
    String k = q + key + q;
    return "insert into " + t + " (" + k + ", " + q + next + q + ") select " + literal + ", " + value
        + " from (select 1 as one) one where not exists (select 1 from " + t + " where " + k + " = " + literal + ")";
  }
}
