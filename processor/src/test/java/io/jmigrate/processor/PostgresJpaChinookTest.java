package io.jmigrate.processor;

class PostgresJpaChinookTest extends JpaChinookRoundTripContract {
  @Override
  ChinookRoundTripContract database() {
    return new PostgresChinookTest();
  }
}
