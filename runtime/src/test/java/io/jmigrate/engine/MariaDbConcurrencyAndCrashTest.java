package io.jmigrate.engine;

import io.jmigrate.testing.MariaDb;
import org.junit.jupiter.api.Disabled;

/** On a real MariaDB: GET_LOCK serialises the runs; a failed migration's steps are reverted, DDL having committed. */
class MariaDbConcurrencyAndCrashTest extends ConcurrencyAndCrashContract {
  @Override
  String newDatabaseUrl() throws Exception {
    return MariaDb.newDatabaseUrl();
  }

  /**
   * Not yet on MariaDB: a process killed between two committed DDL statements leaves them applied,
   * and resuming after the last completed step (issue 11, item 2) is not built.
   */
  @Override
  @Disabled("resuming a killed migration on auto-committing DDL is not built yet")
  void killedProcessLeavesThePreviousVersionAndTheNextRunCompletes(int version) {}
}
