package io.jmigrate.processor.pgtest;

import io.jmigrate.internal.dialect.PostgresDialect;
import java.util.Locale;

/**
 * A dialect that jmigrate does not ship, as a third party would add one: PostgreSQL under another
 * name, answering {@code jdbc:pgtest:} URLs, registered only through
 * {@code src/test/pgtest/META-INF/services/io.jmigrate.dialect.Dialect}. The proof that a dialect is
 * one place: it is selected, named in {@code -Ajmigrate.dialects} and {@code @DefaultSql}, priced by
 * the build and passes the change-kind contract with nothing of jmigrate's knowing its name.
 */
public class PgTestDialect extends PostgresDialect {
  public static final String NAME = "pgtest";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(String productNameOrUrl) {
    String n = productNameOrUrl.toLowerCase(Locale.ROOT);
    return n.equals(NAME) || n.startsWith("jdbc:" + NAME + ":");
  }
}
