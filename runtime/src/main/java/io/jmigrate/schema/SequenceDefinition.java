package io.jmigrate.schema;

import java.util.Objects;

/**
 * A sequence: a named counter the database hands out numbers from ({@code CREATE SEQUENCE}), as
 * Hibernate's {@code SEQUENCE} and {@code AUTO} ids use one. {@code start} is the first value,
 * {@code increment} the step between two values (Hibernate's {@code allocationSize}: 50 unless
 * given). Both default to 1, as in SQL.
 */
public record SequenceDefinition(String name, long start, long increment) {
  public SequenceDefinition {
    Objects.requireNonNull(name, "name");
    if (increment == 0) {
      throw new IllegalArgumentException("sequence " + name + " has the increment 0");
    }
  }

  /** A sequence that starts at 1 and counts by 1. */
  public static SequenceDefinition of(String name) {
    return new SequenceDefinition(name, 1, 1);
  }

  public SequenceDefinition start(long value) {
    return new SequenceDefinition(name, value, increment);
  }

  public SequenceDefinition increment(long value) {
    return new SequenceDefinition(name, start, value);
  }

  public SequenceDefinition rename(String to) {
    return new SequenceDefinition(to, start, increment);
  }

  @Override
  public String toString() {
    return "sequence " + name + " start " + start + " increment " + increment;
  }
}
