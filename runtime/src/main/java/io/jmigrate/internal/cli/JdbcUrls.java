package io.jmigrate.internal.cli;

import java.util.List;
import java.util.Locale;

/**
 * What to say when no JDBC driver on the class path accepts a URL: a URL of a database jmigrate
 * knows needs that database's driver; any other URL is most likely misspelt ({@code
 * jdbc:postgresq:}), and adding a driver would not help.
 */
final class JdbcUrls {
  /** A database jmigrate ships a dialect for: its URL prefix and the driver that serves it. */
  private record Known(String prefix, String driver) {}

  private static final List<Known> KNOWN = List.of(
      new Known("jdbc:sqlite:", "org.xerial:sqlite-jdbc"),
      new Known("jdbc:postgresql:", "org.postgresql:postgresql"),
      new Known("jdbc:mariadb:", "org.mariadb.jdbc:mariadb-java-client"),
      new Known("jdbc:mysql:", "com.mysql:mysql-connector-j"),
      new Known("jdbc:h2:", "com.h2database:h2"));

  private JdbcUrls() {}

  /** The one-line message (without "jmigrate: ") for a URL that no registered driver accepted. */
  static String noDriver(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    for (Known k : KNOWN) {
      if (lower.startsWith(k.prefix())) {
        return "no JDBC driver on the class path accepts " + url + ": add the database's driver (" + k.driver()
            + ") to the class path";
      }
    }
    StringBuilder prefixes = new StringBuilder();
    for (Known k : KNOWN) {
      prefixes.append(prefixes.length() == 0 ? "" : ", ").append(k.prefix());
    }
    String nearest = nearest(lower);
    return "the URL " + url + " names no database jmigrate knows" + (nearest == null ? "" : " (did you mean " + nearest + "?)")
        + "; the known prefixes are " + prefixes + " (a database with a dialect of its own needs its JDBC driver on"
        + " the class path)";
  }

  /** The known prefix within two edits of the URL's own {@code jdbc:name:}, or null. */
  private static String nearest(String url) {
    int second = url.indexOf(':', url.indexOf(':') + 1);
    if (!url.startsWith("jdbc:") || second < 0) {
      return null;
    }
    String given = url.substring(0, second + 1);
    String best = null;
    int bestDistance = 3;
    for (Known k : KNOWN) {
      int d = distance(given, k.prefix());
      if (d < bestDistance) {
        best = k.prefix();
        bestDistance = d;
      }
    }
    return best;
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
