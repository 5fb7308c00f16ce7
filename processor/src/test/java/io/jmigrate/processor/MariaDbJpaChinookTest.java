package io.jmigrate.processor;

class MariaDbJpaChinookTest extends JpaChinookRoundTripContract {
  @Override
  ChinookRoundTripContract database() {
    return new MariaDbChinookTest();
  }
}
