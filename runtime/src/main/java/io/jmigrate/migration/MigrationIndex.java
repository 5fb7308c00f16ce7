package io.jmigrate.migration;

import java.util.List;

/**
 * The application's migrations, listed at compile time by the processor (which generates an
 * implementation and registers it for {@link java.util.ServiceLoader}), so that start-up
 * never scans the class path.
 */
public interface MigrationIndex {
  /** All migrations, in version order. */
  List<Migration> migrations();
}
