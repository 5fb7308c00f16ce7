package io.jmigrate.processor.model.extract;

import io.jmigrate.processor.model.JavaType;
import io.jmigrate.schema.ColumnType;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Java field types to column types: shared by every extractor that reads javac elements. */
final class TypeMapping {
  private static final Map<String, ColumnType> DECLARED = Map.ofEntries(
      Map.entry("java.lang.Integer", ColumnType.INTEGER),
      Map.entry("java.lang.Long", ColumnType.BIGINT),
      Map.entry("java.lang.Short", ColumnType.SMALLINT),
      Map.entry("java.lang.Boolean", ColumnType.BOOLEAN),
      Map.entry("java.lang.Double", ColumnType.DOUBLE),
      Map.entry("java.lang.Float", ColumnType.REAL),
      Map.entry("java.math.BigDecimal", ColumnType.DECIMAL),
      Map.entry("java.lang.String", ColumnType.STRING),
      Map.entry("java.time.LocalDate", ColumnType.DATE),
      Map.entry("java.time.LocalTime", ColumnType.TIME),
      Map.entry("java.time.LocalDateTime", ColumnType.TIMESTAMP),
      Map.entry("java.time.Instant", ColumnType.TIMESTAMP_TZ),
      Map.entry("java.time.OffsetDateTime", ColumnType.TIMESTAMP_TZ),
      Map.entry("java.util.UUID", ColumnType.UUID),
      Map.entry("java.lang.Character", ColumnType.CHAR),
      // ISO 4217 code (VARCHAR(3)) and nanoseconds (NUMERIC(21,0)), as Hibernate stores them; the sizes
      // are the field extractor's defaults.
      Map.entry("java.util.Currency", ColumnType.STRING),
      Map.entry("java.time.Duration", ColumnType.DECIMAL));

  private TypeMapping() {}

  /** The column type of a field type, or null when it is not supported. */
  static ColumnType columnType(TypeMirror type) {
    switch (type.getKind()) {
      case INT:
        return ColumnType.INTEGER;
      case LONG:
        return ColumnType.BIGINT;
      case SHORT:
        return ColumnType.SMALLINT;
      case BOOLEAN:
        return ColumnType.BOOLEAN;
      case DOUBLE:
        return ColumnType.DOUBLE;
      case FLOAT:
        return ColumnType.REAL;
      case CHAR:
        return ColumnType.CHAR;
      case ARRAY:
        TypeMirror component = ((ArrayType) type).getComponentType();
        if (component.getKind() == TypeKind.BYTE) {
          return ColumnType.BINARY;
        }
        return enumConstants(component) != null ? null : arrayOf(columnType(component));
      case DECLARED:
        Element e = ((DeclaredType) type).asElement();
        if (e.getKind() == ElementKind.ENUM) {
          return ColumnType.STRING;
        }
        return DECLARED.get(((TypeElement) e).getQualifiedName().toString());
      default:
        return null;
    }
  }

  /** The array type of elements of {@code element}'s type: text, int and long; null for others. */
  static ColumnType arrayOf(ColumnType element) {
    if (element == null) {
      return null;
    }
    return switch (element) {
      case STRING -> ColumnType.STRING_ARRAY;
      case INTEGER -> ColumnType.INTEGER_ARRAY;
      case BIGINT -> ColumnType.BIGINT_ARRAY;
      default -> null;
    };
  }

  /** The enum constants of an enum field type, or null for other types. */
  static List<String> enumConstants(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED || ((DeclaredType) type).asElement().getKind() != ElementKind.ENUM) {
      return null;
    }
    return ((DeclaredType) type).asElement().getEnclosedElements().stream()
        .filter(x -> x.getKind() == ElementKind.ENUM_CONSTANT)
        .map(x -> x.getSimpleName().toString())
        .toList();
  }

  /** The schema's view of a field type. */
  static JavaType javaType(TypeMirror type) {
    ColumnType columnType = columnType(type);
    if (type.getKind().isPrimitive()) {
      return JavaType.primitive(type.toString(), columnType, boxName(type));
    }
    return new JavaType(type.toString(), columnType, false, type.toString(), enumConstants(type));
  }

  private static String boxName(TypeMirror primitive) {
    switch (primitive.getKind()) {
      case INT:
        return "Integer";
      case CHAR:
        return "Character";
      default:
        String s = primitive.toString();
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
  }
}
