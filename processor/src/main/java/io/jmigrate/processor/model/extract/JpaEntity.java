package io.jmigrate.processor.model.extract;

import javax.lang.model.element.TypeElement;

/** One entity class: its names, its place in a hierarchy. */
final class JpaEntity {
  final TypeElement type;
  final String entityName;
  JpaEntity parent;

  JpaEntity(TypeElement type, String entityName) {
    this.type = type;
    this.entityName = entityName;
  }

  JpaEntity root() {
    return parent == null ? this : parent.root();
  }

  String qualifiedName() {
    return type.getQualifiedName().toString();
  }
}
