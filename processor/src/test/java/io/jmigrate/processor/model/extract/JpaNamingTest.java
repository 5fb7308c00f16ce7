package io.jmigrate.processor.model.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.Identifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** snake_case is exactly Hibernate's {@code CamelCaseToUnderscoresNamingStrategy}, the one Spring Boot configures. */
class JpaNamingTest {
  @ParameterizedTest
  @ValueSource(strings = {"firstName", "PetType", "HTTPServer", "addressV2", "a", "aB", "ABC", "owner_id", "Owner_id",
      "vet2Specialty", "x1Y2z", "already_snake_Case", "URLValue", "myURL", "Outer$Inner", "address.street", "iPhone",
      "DTYPE", "Order_SEQ", "_private", "camelCASEWord"})
  void snakeCaseIsHibernatesCamelCaseToUnderscores(String name) {
    String hibernate = new CamelCaseToUnderscoresNamingStrategy()
        .toPhysicalColumnName(Identifier.toIdentifier(name), null).getText();
    assertEquals(hibernate, JpaNaming.SNAKE_CASE.physical(name, HibernateLine.V7));
  }

  /**
   * Hibernate 6.6's {@code CamelCaseToUnderscoresNamingStrategy} (Spring Boot 3.5's) puts no underscore next to a
   * digit; 7's does. The 6.6 names as its jar gives them (6.6.33; jpa-tests-hibernate6 compares a whole mapping with
   * its export); this test's class path has Hibernate 7, whose names are the other column.
   */
  @ParameterizedTest
  @CsvSource({"OAuth2ClientInfoEntity, oauth2client_info_entity, oauth2_client_info_entity",
      "sha256Hash, sha256hash, sha256_hash", "address2Line, address2line, address2_line",
      "fieldA1, fielda1, field_a1", "vet2Specialty, vet2specialty, vet2_specialty", "x1Y2z, x1y2z, x1_y2z",
      "addressV2, addressv2, address_v2", "firstName, first_name, first_name", "HTTPServer, httpserver, httpserver"})
  void hibernate66PutsNoUnderscoreNextToADigit(String name, String hibernate66, String hibernate7) {
    assertEquals(hibernate66, JpaNaming.SNAKE_CASE.physical(name, HibernateLine.V6_6));
    assertEquals(hibernate7, JpaNaming.SNAKE_CASE.physical(name, HibernateLine.V7));
    assertEquals(hibernate7, new CamelCaseToUnderscoresNamingStrategy()
        .toPhysicalColumnName(Identifier.toIdentifier(name), null).getText());
  }

  @Test
  void jpaKeepsNamesAsWrittenInTheCaseTheDatabaseFoldsThemTo() {
    assertEquals("firstname", JpaNaming.JPA.physical("firstName", HibernateLine.V7));
    assertEquals("Order", JpaNaming.JPA.physical("`Order`", HibernateLine.V6_6));
    assertEquals("Order", JpaNaming.SNAKE_CASE.physical("\"Order\"", HibernateLine.V7));
  }

  /**
   * A quoted name under snake_case: Hibernate 7 keeps it as written (checked here against its strategy), 6.6's
   * CamelCaseToUnderscoresNamingStrategy converts and lower-cases it (mappings/quoted in jpa-tests-hibernate6).
   */
  @Test
  void snakeCaseConvertsAQuotedNameUnderHibernate66Only() {
    assertEquals("order_item", JpaNaming.SNAKE_CASE.physical("`OrderItem`", HibernateLine.V6_6));
    assertEquals("oauth2client", JpaNaming.SNAKE_CASE.physical("\"OAuth2Client\"", HibernateLine.V6_6));
    assertEquals("OrderItem", JpaNaming.SNAKE_CASE.physical("`OrderItem`", HibernateLine.V7));
    assertEquals("OrderItem", new CamelCaseToUnderscoresNamingStrategy()
        .toPhysicalTableName(Identifier.toIdentifier("OrderItem", true), null).getText());
    assertEquals("OrderItem", JpaNaming.JPA.physical("`OrderItem`", HibernateLine.V6_6));
  }

  @Test
  void theOption() {
    assertEquals(JpaNaming.SNAKE_CASE, JpaNaming.of(null));
    assertEquals(JpaNaming.JPA, JpaNaming.of(" JPA "));
    assertNull(JpaNaming.of("camel"));
  }
}
