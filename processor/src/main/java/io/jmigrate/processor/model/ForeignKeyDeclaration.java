package io.jmigrate.processor.model;

import io.jmigrate.schema.ReferentialAction;

/**
 * A field's reference to another model.
 *
 * @param targetClass the referenced type's qualified name; null when the source's value is not a type
 * @param targetSimpleName its simple name, for messages ({@code ?} when unknown)
 * @param targetIsTable whether the referenced type says it is a table
 * @param column the referenced column; empty for the target's single-column primary key
 */
public record ForeignKeyDeclaration(String targetClass, String targetSimpleName, boolean targetIsTable, String column,
    ReferentialAction onDelete, ReferentialAction onUpdate) {}
