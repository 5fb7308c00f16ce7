package io.jmigrate.dialect;

import java.util.List;

/**
 * What one operation costs on one database, as the build's online check names it.
 *
 * @param heavy the operation works through the whole table (rewrites, copies, rebuilds or scans
 *     it), so its time grows with the table: the online check warns about it
 * @param text what the database does, for the message ("rewrites the table and its indexes while
 *     reads and writes wait (ACCESS EXCLUSIVE lock)")
 */
public record Cost(boolean heavy, String text) {
  /** A change of the catalog only: no row is read or written. */
  public static final Cost CATALOG = light("changes only the catalog");

  public static Cost light(String text) {
    return new Cost(false, text);
  }

  public static Cost heavy(String text) {
    return new Cost(true, text);
  }

  /** Several parts of one statement (a type change and NOT NULL): heavy when any part is, parts joined. */
  public static Cost of(List<Cost> parts) {
    List<Cost> heavyParts = parts.stream().filter(Cost::heavy).toList();
    if (heavyParts.isEmpty()) {
      return parts.isEmpty() ? CATALOG : parts.get(0);
    }
    return heavy(String.join("; and ", heavyParts.stream().map(Cost::text).distinct().toList()));
  }
}
