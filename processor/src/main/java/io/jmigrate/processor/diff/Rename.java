package io.jmigrate.processor.diff;

import io.jmigrate.processor.model.Models;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;

/**
 * One {@code @RenamedFrom}, by the names it joins: on a model type ({@code column} null) the
 * table {@code table} was {@code from}; on a field, the column {@code table.column} was
 * {@code table.from}. A rename is an event: the build that applies it records it in the
 * snapshot, and later builds that still see the annotation leave it alone (see {@link Intents#applied()}).
 */
public record Rename(String table, String column, String from) implements Comparable<Rename> {
  private static final Comparator<Rename> ORDER = Comparator.comparing((Rename r) -> r.table())
      .thenComparing((Rename r) -> r.column(), Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing((Rename r) -> r.from());

  /** Every {@code @RenamedFrom} the models carry. */
  public static Set<Rename> declaredBy(Models models) {
    Set<Rename> s = new TreeSet<>();
    models.tableRenames().forEach((to, from) -> s.add(table(to, from)));
    models.columnRenames().forEach((t, m) -> m.forEach((to, from) -> s.add(column(t, to, from))));
    return s;
  }

  public static Rename table(String table, String from) {
    return new Rename(table, null, from);
  }

  public static Rename column(String table, String column, String from) {
    return new Rename(table, column, from);
  }

  public boolean ofTable() {
    return column == null;
  }

  /** The same rename on the table that is now named {@code table}. */
  public Rename on(String table) {
    return new Rename(table, column, from);
  }

  @Override
  public int compareTo(Rename o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return ofTable() ? "table " + from + " → " + table : table + "." + from + " → " + table + "." + column;
  }
}
