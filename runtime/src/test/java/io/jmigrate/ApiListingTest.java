package io.jmigrate;

import io.jmigrate.testing.ApiListing;
import org.junit.jupiter.api.Test;

/**
 * The runtime's public API against the committed listing {@value #LISTING} (see {@link ApiListing}):
 * the annotations, the DSL generated migrations call, the dialect SPI and the engine.
 */
class ApiListingTest {
  static final String LISTING = "api/jmigrate-runtime.api";

  @Test
  void publicApiMatchesTheCommittedListing() throws Exception {
    ApiListing.check("runtime", Runtime.class, LISTING);
  }
}
