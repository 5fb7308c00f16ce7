package io.jmigrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jmigrate.schema.ReferentialAction;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The annotation's {@code ForeignKey.Action} is the user's spelling of {@link ReferentialAction}: the same
 * constants, in the same order, translated in one place. The processor and {@code inspect} translate by
 * constant name, so a constant added to one enum only fails here.
 */
class ForeignKeyActionTest {

  @Test
  void eachAnnotationActionIsTheSchemasActionOfTheSameName() {
    assertEquals(Arrays.stream(ReferentialAction.values()).map(Enum::name).toList(),
        Arrays.stream(ForeignKey.Action.values()).map(Enum::name).toList());
    for (ForeignKey.Action a : ForeignKey.Action.values()) {
      assertEquals(a.name(), a.referential().name());
      assertEquals(a.referential().sql(), a.sql());
    }
    assertEquals("SET NULL", ForeignKey.Action.SET_NULL.sql());
  }
}
