package io.jmigrate.processor;

class H2JpaChinookTest extends JpaChinookRoundTripContract {
  @Override
  ChinookRoundTripContract database() {
    return new H2ChinookTest();
  }
}
