package io.jmigrate.processor.model.extract;

import io.jmigrate.processor.model.Naming;
import static io.jmigrate.processor.model.extract.Annotations.explicit;
import static io.jmigrate.processor.model.extract.Annotations.explicitString;
import static io.jmigrate.processor.model.extract.Annotations.mirror;
import static io.jmigrate.processor.model.extract.Annotations.track;

import io.jmigrate.processor.model.ColumnDeclaration;
import io.jmigrate.processor.model.ForeignKeyDeclaration;
import io.jmigrate.processor.model.JavaType;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.processor.model.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/** A field or record component → its column declaration, with every annotation value as a plain value. */
final class FieldExtractor {
  private final Annotations annotations;

  FieldExtractor(Annotations annotations) {
    this.annotations = annotations;
  }

  ColumnDeclaration column(Element field) {
    AnnotationMirror col = mirror(field, JmigrateExtractor.COLUMN);
    AnnotationMirror id = mirror(field, JmigrateExtractor.ID);
    AnnotationMirror fk = mirror(field, JmigrateExtractor.FOREIGN_KEY);
    AnnotationMirror renamed = mirror(field, JmigrateExtractor.RENAMED_FROM);

    String given = annotations.string(col, "name");
    String name = given.isEmpty() ? Naming.snakeCase(field.getSimpleName().toString()) : given;
    Origin origin = Origin.of(field);
    for (String member : new String[] {"name", "nullable", "length", "precision", "scale", "unique",
        "defaultValue", "defaultSql", "fixed", "enumType", "comment", "generatedAs", "stored", "sqlType", "collation"}) {
      origin = track(origin, col, member, member);
    }
    origin = track(origin, id, "generated", "generated");
    origin = track(origin, renamed, "value", "renamedFrom");

    ForeignKeyDeclaration foreignKey = null;
    if (fk != null) {
      origin = origin.with("foreignKey", fk, explicit(fk, "value"));
      for (String member : new String[] {"column", "onDelete", "onUpdate", "name"}) {
        origin = track(origin, fk, member, "foreignKey." + member);
      }
      TypeElement target = annotations.type(fk, "value");
      foreignKey = new ForeignKeyDeclaration(
          target == null ? null : target.getQualifiedName().toString(),
          target == null ? "?" : target.getSimpleName().toString(),
          target != null && mirror(target, JmigrateExtractor.TABLE) != null,
          annotations.string(fk, "column"),
          annotations.action(fk, "onDelete"),
          annotations.action(fk, "onUpdate"),
          annotations.string(fk, "name"));
    }

    // One @DefaultSql per dialect; the origin of each is its dialect value, of its expression its value.
    List<Map.Entry<String, String>> variants = new ArrayList<>();
    for (AnnotationMirror v : annotations.repeated(field, JmigrateExtractor.DEFAULT_SQL, JmigrateExtractor.DEFAULT_SQL_LIST)) {
      String property = "defaultSqlVariants[" + variants.size() + "]";
      origin = origin.with(property, v, explicit(v, "dialect")).with(property + ".value", v, explicit(v, "value"));
      variants.add(Map.entry(annotations.string(v, "dialect").trim(), annotations.string(v, "value")));
    }

    AnnotationValue nullable = explicit(col, "nullable");
    Boolean kotlin = kotlinNullability(field);
    JavaType javaType = TypeMapping.javaType(field.asType());
    int length = annotations.integer(col, "length");
    int precision = annotations.integer(col, "precision");
    int scale = annotations.integer(col, "scale");
    AnnotationMirror json = mirror(field, JmigrateExtractor.JSON);
    if (json != null) {
      origin = origin.with("json", json, null);
      javaType = retyped(javaType, ColumnType.JSON, "@Json");
    } else if (annotations.bool(col, "fixed")) {
      javaType = retyped(javaType, ColumnType.CHAR, "@Column(fixed = true)");
    } else if (!annotations.string(col, "enumType").isEmpty()) {
      javaType = javaType.asEnumType(annotations.string(col, "enumType"), "@Column(enumType)");
    }
    switch (javaType.columnType() == null ? "" : javaType.boxName()) {
      case "java.util.Currency" -> length = length == 0 ? 3 : length; // an ISO 4217 code, as Hibernate sizes it
      case "java.time.Duration" -> precision = precision == 0 ? 21 : precision; // nanoseconds, as Hibernate stores them
      default -> { }
    }
    if (javaType.columnType() == ColumnType.CHAR && length == 0) {
      length = 1;
    }
    String sqlType = annotations.string(col, "sqlType");
    if (!sqlType.isEmpty()) { // a type jmigrate does not model, as written: the Java type's own mapping does not apply
      String other = json != null ? "@Json" : annotations.bool(col, "fixed") ? "fixed = true"
          : !annotations.string(col, "enumType").isEmpty() ? "enumType" : null;
      JavaType declared = TypeMapping.javaType(field.asType());
      javaType = other == null ? declared.asSqlType(sqlType)
          : new JavaType(declared.name() + " (@Column(sqlType) names the column's type itself: it cannot be combined with "
              + other + ")", null, declared.primitive(), declared.boxName(), null);
      length = annotations.integer(col, "length");
      precision = annotations.integer(col, "precision");
    }
    return new ColumnDeclaration(
        name,
        !given.isEmpty(),
        field.getSimpleName().toString(),
        field.getEnclosingElement().getSimpleName().toString(),
        javaType,
        id != null,
        id != null && annotations.bool(id, "generated"),
        nullable != null ? (Boolean) nullable.getValue() : kotlin,
        length,
        precision,
        scale,
        annotations.bool(col, "unique"),
        explicitString(col, "defaultValue"),
        explicitString(col, "defaultSql"),
        List.copyOf(variants),
        renamed == null ? null : annotations.string(renamed, "value"),
        foreignKey,
        mirror(field, JmigrateExtractor.NARROW) != null,
        origin,
        explicitString(col, "comment"),
        explicitString(col, "generatedAs"),
        explicit(col, "stored") == null || annotations.bool(col, "stored"))
        .withCollation(explicitString(col, "collation"));
  }

  /**
   * A Kotlin property's nullability, as the column's when {@code @Column(nullable)} does not say (Room reads it
   * so too): {@code name: String} is NOT NULL, {@code bio: String?} may be NULL. kapt hands the processor Java
   * stubs of Kotlin classes, marked {@code @kotlin.Metadata}, whose fields carry JetBrains' {@code @NotNull} or
   * {@code @Nullable}; null for a Java class, whose nullability stays jmigrate's default.
   */
  static Boolean kotlinNullability(Element field) {
    Element type = field.getEnclosingElement();
    if (type == null || Annotations.mirror(type, "kotlin.Metadata") == null) {
      return null;
    }
    if (Annotations.mirror(field, "org.jetbrains.annotations.NotNull") != null) {
      return false;
    }
    return Annotations.mirror(field, "org.jetbrains.annotations.Nullable") != null ? true : null;
  }

  /**
   * A {@code String} stored as {@code type} ({@code @Json}, {@code @Column(fixed = true)}); any
   * other field type becomes an unsupported type whose name says why.
   */
  private static JavaType retyped(JavaType t, ColumnType type, String what) {
    boolean text = t.name().equals("java.lang.String") || (type == ColumnType.CHAR && t.columnType() == ColumnType.CHAR);
    if (!text) {
      return new JavaType(t.name() + " (" + what + " applies to String fields only)", null, t.primitive(), t.boxName(), null);
    }
    return new JavaType(t.name(), type, t.primitive(), t.boxName(), null);
  }
}
