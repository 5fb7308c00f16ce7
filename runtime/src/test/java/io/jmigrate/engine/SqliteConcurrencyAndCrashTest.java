package io.jmigrate.engine;

/** On SQLite files: BEGIN IMMEDIATE serialises the writers; the journal undoes a killed one. */
class SqliteConcurrencyAndCrashTest extends TransactionalCrashContract {
  private int next;

  @Override
  String newDatabaseUrl() {
    return "jdbc:sqlite:" + dir.resolve("db" + (++next) + ".db");
  }
}
