package io.jmigrate.processor.model.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.Identifier;
import org.junit.jupiter.params.ParameterizedTest;
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
    assertEquals(hibernate, JpaNaming.SNAKE_CASE.physical(name));
  }

  @Test
  void jpaKeepsNamesAsWrittenInTheCaseTheDatabaseFoldsThemTo() {
    assertEquals("firstname", JpaNaming.JPA.physical("firstName"));
    assertEquals("Order", JpaNaming.JPA.physical("`Order`"));
    assertEquals("Order", JpaNaming.SNAKE_CASE.physical("\"Order\""));
  }

  @Test
  void theOption() {
    assertEquals(JpaNaming.SNAKE_CASE, JpaNaming.of(null));
    assertEquals(JpaNaming.JPA, JpaNaming.of(" JPA "));
    assertNull(JpaNaming.of("camel"));
  }
}
