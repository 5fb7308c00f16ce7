package io.jmigrate.engine;

import io.jmigrate.testing.MariaDb;

/**
 * On a real MariaDB: GET_LOCK serialises the runs; a failed migration's steps are reverted, DDL
 * having committed. (Not the kill -9 contract: see {@link TransactionalCrashContract}.)
 */
class MariaDbConcurrencyAndCrashTest extends ConcurrencyAndCrashContract {
  @Override
  String newDatabaseUrl() throws Exception {
    return MariaDb.newDatabaseUrl();
  }
}
