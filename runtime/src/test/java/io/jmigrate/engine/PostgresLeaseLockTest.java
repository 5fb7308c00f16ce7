package io.jmigrate.engine;

import io.jmigrate.testing.Postgres;

/** The lease lock forced on a real PostgreSQL instead of its advisory lock. */
class PostgresLeaseLockTest extends LeaseLockContract {
  @Override
  String newDatabaseUrl() throws Exception {
    return Postgres.newDatabaseUrl();
  }

  @Override
  boolean transactionalDdl() {
    return true;
  }
}
