package io.jmigrate.processor.h2test;

import io.jmigrate.internal.dialect.H2Dialect;
import java.util.Locale;

/**
 * A dialect that jmigrate does not ship, as a third party would add one over a built-in dialect
 * whose variants depend on the connection: H2 under another name, answering {@code jdbc:h2test:}
 * URLs, registered only through {@code src/test/h2test/META-INF/services/io.jmigrate.dialect.Dialect}.
 * Its one hook, {@link #withUpperCase}, keeps the upper-case variant (H2's default folding) an
 * instance of this class.
 */
public class H2TestDialect extends H2Dialect {
  public static final String NAME = "h2test";

  public H2TestDialect() {
    this(false);
  }

  private H2TestDialect(boolean upperCase) {
    super(upperCase);
  }

  @Override
  protected H2Dialect withUpperCase(boolean upperCase) {
    return new H2TestDialect(upperCase);
  }

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
