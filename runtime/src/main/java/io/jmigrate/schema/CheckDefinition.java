package io.jmigrate.schema;

import java.util.Objects;

/**
 * A named check constraint of one table: a boolean SQL expression every row must satisfy, such as
 * {@code status in ('OPEN', 'CLOSED')}. The expression is written once for every dialect (it is
 * passed through as written), so it should use portable SQL; it is named so that it can be dropped
 * later on every dialect, as indexes and foreign keys are.
 */
public record CheckDefinition(String name, String expression) {
  public CheckDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expression, "expression");
    if (expression.isBlank()) {
      throw new IllegalArgumentException("check " + name + " has no expression");
    }
  }

  public static CheckDefinition of(String name, String expression) {
    return new CheckDefinition(name, expression);
  }

  @Override
  public String toString() {
    return "check " + name + " (" + expression + ")";
  }
}
