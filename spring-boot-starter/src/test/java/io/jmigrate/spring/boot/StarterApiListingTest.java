package io.jmigrate.spring.boot;

import io.jmigrate.testing.ApiListing;
import org.junit.jupiter.api.Test;

/**
 * The starter's public API against the committed listing {@value #LISTING}, as the runtime's is:
 * applications compile against its properties, {@code Jmigrate}, {@code @JmigrateDataSource} and
 * its exceptions, so a change to them is a visible decision.
 */
class StarterApiListingTest {
  static final String LISTING = "api/jmigrate-spring-boot-starter.api";

  @Test
  void publicApiMatchesTheCommittedListing() throws Exception {
    ApiListing.check("spring-boot-starter", JmigrateAutoConfiguration.class, LISTING);
  }
}
