package io.jmigrate.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/** The dialects on the class path ({@link ServiceLoader}), looked up once per name. */
final class Dialects {
  private static final ConcurrentHashMap<String, Dialect> BY_NAME = new ConcurrentHashMap<>();

  private Dialects() {}

  static Dialect find(String name) {
    if (name == null) {
      return null;
    }
    Dialect cached = BY_NAME.get(name);
    if (cached != null) {
      return cached;
    }
    for (Dialect d : all()) {
      if (d.accepts(name)) {
        BY_NAME.putIfAbsent(name, d);
        return d;
      }
    }
    return null;
  }

  static List<String> names() {
    return all().stream().map(Dialect::name).toList();
  }

  /** The application's dialects first (context class loader), then jmigrate's own. */
  private static List<Dialect> all() {
    List<Dialect> out = new ArrayList<>();
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null && context != Dialect.class.getClassLoader()) {
      ServiceLoader.load(Dialect.class, context).forEach(out::add);
    }
    for (Dialect d : ServiceLoader.load(Dialect.class, Dialect.class.getClassLoader())) {
      if (out.stream().noneMatch(o -> o.getClass() == d.getClass())) {
        out.add(d);
      }
    }
    return out;
  }
}
