package io.jmigrate.processor;

class SqliteJpaChinookTest extends JpaChinookRoundTripContract {
  @Override
  ChinookRoundTripContract database() {
    return new SqliteChinookTest();
  }

  /** Chinook's CamelCase names, written quoted, come back the same under Hibernate's own naming too. */
  @Override
  String[] options() {
    return new String[] {"-Ajmigrate.naming=jpa"};
  }
}
