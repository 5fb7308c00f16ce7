package io.jmigrate.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One call of the vocabulary generated migrations are written in, as a value: the method, and the arguments
 * the build's writer spells in Java (a {@code String} as a literal, an {@code Integer} or {@code Long} as a
 * number, a {@link ColumnType} by its statically imported name, another enum by its qualified name, a
 * {@code List<String>} as that many literals, a {@code Map<String, String>} as {@code Map.of(…)}, and a
 * table, column, index, foreign key or sequence definition in its own fluent form). An operation and a
 * column property each say how they are written (Django's {@code deconstruct()}); the writer never lists
 * operation types.
 *
 * @param owner the class whose static method this is, qualified; null for the vocabulary generated migrations
 *     import statically ({@code io.jmigrate.migration.Operations})
 */
public record DslCall(String owner, String method, List<Object> arguments) {
  public DslCall {
    Objects.requireNonNull(method, "method");
    arguments = List.copyOf(arguments);
  }

  /** A call of the statically imported vocabulary. */
  public static DslCall of(String method, Object... arguments) {
    return new DslCall(null, method, Arrays.asList(arguments));
  }
}
