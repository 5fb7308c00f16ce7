package io.jmigrate.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The dialects on the class path ({@link ServiceLoader}), looked up once per name. jmigrate's
 * own (also listed in its {@code META-INF/services}) are tried first without the service
 * loader, whose reflective instantiation costs milliseconds at start-up; any other database is
 * looked up through it, the application's class loader first. (To replace a built-in dialect for
 * its own database, give the replacement to the {@code Migrator}.) Loops, not streams or lambdas,
 * for the same reason. The built-ins are created by name: this public package does not import its
 * implementations, which import it.
 */
final class Dialects {
  private static final ConcurrentHashMap<String, Dialect> BY_NAME = new ConcurrentHashMap<>();

  private static final String BUILT_IN_CLASS = "io.jmigrate.internal.dialect.BuiltInDialects";
  private static final Function<String, Dialect> BUILT_IN = builtIn();

  private Dialects() {}

  /** The built-in that accepts a name, or null; it creates only the dialects the name may be for. */
  @SuppressWarnings("unchecked")
  private static Function<String, Dialect> builtIn() {
    try {
      return (Function<String, Dialect>) Class.forName(BUILT_IN_CLASS).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException("jmigrate's runtime jar is incomplete: " + BUILT_IN_CLASS + " cannot be created", e);
    }
  }

  /** Whether a built-in dialect serves this URL by its driver part (no dialect class loaded). */
  @SuppressWarnings("unchecked")
  static boolean builtInUrl(String url) {
    return ((java.util.function.Predicate<String>) BUILT_IN).test(url);
  }

  static Dialect find(String name) {
    if (name == null) {
      return null;
    }
    Dialect cached = BY_NAME.get(name);
    if (cached != null) {
      return cached;
    }
    Dialect builtIn = BUILT_IN.apply(name);
    if (builtIn != null) {
      BY_NAME.putIfAbsent(name, builtIn);
      return builtIn;
    }
    for (ClassLoader loader : loaders()) {
      for (Dialect d : registered(loader)) {
        if (d.accepts(name)) {
          BY_NAME.putIfAbsent(name, d);
          return d;
        }
      }
    }
    return null;
  }

  /**
   * The dialects {@code loader} registers, instantiated one at a time; one registered for another
   * copy of this interface (a context class loader that sees another jmigrate jar, as inside javac)
   * is skipped, not fatal.
   */
  private static List<Dialect> registered(ClassLoader loader) {
    List<Dialect> out = new ArrayList<>();
    java.util.Iterator<Dialect> it = ServiceLoader.load(Dialect.class, loader).iterator();
    for (int skipped = 0; skipped < 100; ) { // the iterator moves past a failed entry; bounded all the same
      try {
        if (!it.hasNext()) {
          return out;
        }
        out.add(it.next());
      } catch (java.util.ServiceConfigurationError notOurs) {
        skipped++; // not a subtype of this Dialect, or not instantiable here: the next one
      }
    }
    return out;
  }

  static List<String> names() {
    List<String> names = new ArrayList<>();
    for (ClassLoader loader : loaders()) {
      for (Dialect d : registered(loader)) {
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
