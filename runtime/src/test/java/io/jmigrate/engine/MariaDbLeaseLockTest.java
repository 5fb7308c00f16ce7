package io.jmigrate.engine;

import io.jmigrate.testing.MariaDb;

/** The lease lock forced on a real MariaDB instead of GET_LOCK. */
class MariaDbLeaseLockTest extends LeaseLockContract {
  @Override
  String newDatabaseUrl() throws Exception {
    return MariaDb.newDatabaseUrl();
  }

  @Override
  boolean transactionalDdl() {
    return false; // DDL commits: the killed run's half migration stays (see the README on kill -9)
  }
}
