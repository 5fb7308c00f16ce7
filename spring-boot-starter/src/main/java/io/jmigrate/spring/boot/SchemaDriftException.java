package io.jmigrate.spring.boot;

import io.jmigrate.engine.Drift;
import io.jmigrate.engine.MigrationException;

/** With {@code jmigrate.validate-on-migrate}: the live schema differs from the one the migrations produce. */
public class SchemaDriftException extends MigrationException {
  private final transient Drift drift;

  public SchemaDriftException(Drift drift) {
    super("jmigrate.validate-on-migrate: " + drift.toString().strip());
    this.drift = drift;
  }

  public Drift drift() {
    return drift;
  }
}
