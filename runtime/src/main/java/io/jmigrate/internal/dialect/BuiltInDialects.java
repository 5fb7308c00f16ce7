package io.jmigrate.internal.dialect;

import io.jmigrate.dialect.Dialect;
import java.util.function.Supplier;

/**
 * jmigrate's own dialects, in the order {@code Dialect.of} tries them. The public dialect package
 * creates this class by name, so that it does not import its implementations (they import it);
 * they are also listed in {@code META-INF/services} for {@code Dialect.names()} and other tools.
 */
public final class BuiltInDialects implements Supplier<Dialect[]> {

  @Override
  public Dialect[] get() {
    // H2 first: it accepts only "h2" and jdbc:h2: URLs, which may contain "postgres" or "sqlite" in a name.
    return new Dialect[] {new H2Dialect(), new SqliteDialect(), new PostgresDialect(), new MariaDbDialect()};
  }
}
