package io.jmigrate.engine;

import io.jmigrate.testing.Postgres;

/** On a real PostgreSQL: an advisory lock serialises the runs; transactional DDL undoes a killed one. */
class PostgresConcurrencyAndCrashTest extends TransactionalCrashContract {
  @Override
  String newDatabaseUrl() throws Exception {
    return Postgres.newDatabaseUrl();
  }
}
