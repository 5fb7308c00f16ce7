package io.jmigrate.internal.dialect;

import io.jmigrate.dialect.Dialect;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * jmigrate's own dialects, in the order {@code Dialect.of} tries them: the one that accepts a name,
 * product name or URL, or null. The public dialect package creates this class by name, so that it
 * does not import its implementations (they import it); they are also listed in
 * {@code META-INF/services} for {@code Dialect.names()} and other tools.
 *
 * <p>Each dialect is created (its class loaded) only when the name holds the word that every name it
 * accepts holds: a start-up on H2 or PostgreSQL loads one or two dialect classes, not all four (they
 * cost several milliseconds of a cold start). Each dialect's {@code accepts} still decides.
 *
 * <p>As a {@link Predicate}: whether a URL is one of theirs by its driver part alone, with no dialect
 * created ({@code Dialect.foldsUnquotedNames}). Each of these prefixes is one that its dialect's
 * {@code accepts} takes, so {@code Dialect.of} gives a built-in dialect for every such URL.
 */
public final class BuiltInDialects implements Function<String, Dialect>, Predicate<String> {
  /** H2 first: it accepts only "h2" and jdbc:h2: URLs, which may contain "postgres" or "sqlite" in a name. */
  private static final String[][] WORDS = {{"h2"}, {"sqlite"}, {"postgres", "pg"}, {"mariadb", "mysql"}};

  /** The driver parts of the URLs the built-in dialects serve (H2, SQLite, PostgreSQL, MariaDB and MySQL). */
  private static final String[] URLS = {"jdbc:h2:", "jdbc:sqlite:", "jdbc:postgresql:", "jdbc:mariadb:", "jdbc:mysql:"};

  private final Dialect[] created = new Dialect[WORDS.length];

  @Override
  public Dialect apply(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (int i = 0; i < WORDS.length; i++) { // a loop, not a stream: no lambda bootstrap at a cold start
      if (holdsAny(n, WORDS[i])) {
        Dialect d = created(i);
        if (d.accepts(name)) {
          return d;
        }
      }
    }
    return null;
  }

  @Override
  public boolean test(String url) {
    for (String prefix : URLS) {
      if (url.regionMatches(true, 0, prefix, 0, prefix.length())) {
        return true;
      }
    }
    return false;
  }

  private synchronized Dialect created(int i) {
    if (created[i] == null) {
      created[i] = switch (i) {
        case 0 -> new H2Dialect();
        case 1 -> new SqliteDialect();
        case 2 -> new PostgresDialect();
        default -> new MariaDbDialect();
      };
    }
    return created[i];
  }

  private static boolean holdsAny(String name, String[] words) {
    for (String w : words) {
      if (name.contains(w)) {
        return true;
      }
    }
    return false;
  }
}
