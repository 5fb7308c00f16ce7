package io.jmigrate.processor;

class SqliteJpaChinookTest extends JpaChinookRoundTripContract {
  @Override
  ChinookRoundTripContract database() {
    return new SqliteChinookTest();
  }
}
