package io.jmigrate.processor.model;

import io.jmigrate.schema.SequenceDefinition;

/**
 * A sequence a model declares: jmigrate's {@code @Sequence}, or what Hibernate makes for a JPA
 * {@code @GeneratedValue}. Several declarations of one name (a generator shared by entities) must
 * agree.
 *
 * @param renamedFrom the former name, or null
 */
public record SequenceDeclaration(String name, long start, long increment, String renamedFrom, Origin origin) {
  public SequenceDefinition definition() {
    return new SequenceDefinition(name, start, increment);
  }
}
