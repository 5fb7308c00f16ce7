package io.jmigrate.dialect;

import io.jmigrate.internal.dialect.H2Dialect;
import io.jmigrate.internal.dialect.MariaDbDialect;
import io.jmigrate.internal.dialect.PostgresDialect;
import io.jmigrate.internal.dialect.SqliteDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dialects on the class path ({@link ServiceLoader}), looked up once per name. jmigrate's
 * own (also listed in its {@code META-INF/services}) are tried first without the service
 * loader, whose reflective instantiation costs milliseconds at start-up; any other database is
 * looked up through it, the application's class loader first. (To replace a built-in dialect for
 * its own database, give the replacement to the {@code Migrator}.) Loops, not streams or lambdas,
 * for the same reason.
 */
final class Dialects {
  private static final ConcurrentHashMap<String, Dialect> BY_NAME = new ConcurrentHashMap<>();

  // H2 first: it accepts only "h2" and jdbc:h2: URLs, which may contain "postgres" or "sqlite" in a name.
  private static final Dialect[] BUILT_IN = {new H2Dialect(), new SqliteDialect(), new PostgresDialect(),
      new MariaDbDialect()};

  private Dialects() {}

  static Dialect find(String name) {
    if (name == null) {
      return null;
    }
    Dialect cached = BY_NAME.get(name);
    if (cached != null) {
      return cached;
    }
    for (Dialect d : BUILT_IN) {
      if (d.accepts(name)) {
        BY_NAME.putIfAbsent(name, d);
        return d;
      }
    }
    for (ClassLoader loader : loaders()) {
      for (Dialect d : ServiceLoader.load(Dialect.class, loader)) { // instantiated lazily, one at a time
        if (d.accepts(name)) {
          BY_NAME.putIfAbsent(name, d);
          return d;
        }
      }
    }
    return null;
  }

  static List<String> names() {
    List<String> names = new ArrayList<>();
    for (ClassLoader loader : loaders()) {
      for (Dialect d : ServiceLoader.load(Dialect.class, loader)) {
        if (!names.contains(d.name())) {
          names.add(d.name());
        }
      }
    }
    return names;
  }

  private static List<ClassLoader> loaders() {
    ClassLoader own = Dialect.class.getClassLoader();
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context == null || context == own ? List.of(own) : List.of(context, own);
  }
}
