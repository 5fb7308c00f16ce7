package io.jmigrate.processor.model;

import io.jmigrate.schema.ColumnType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Java field types to column types, and {@code defaultValue} literals to their canonical form. */
final class TypeMapping {
  static final String SUPPORTED = "int, long, short, boolean, double, float (and their boxes), BigDecimal, "
      + "String, LocalDate, LocalDateTime, LocalTime, Instant, OffsetDateTime, UUID, byte[] and enums";

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
      Map.entry("java.util.UUID", ColumnType.UUID));

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
      case ARRAY:
        return ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE ? ColumnType.BINARY : null;
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

  /**
   * The canonical form of a {@code defaultValue} literal, so that {@code "1.50"} and
   * {@code "1.5"} do not look like a change.
   *
   * @throws IllegalArgumentException with the reason when the literal does not parse
   */
  static String canonicalDefault(ColumnType type, String literal, List<String> enumConstants) {
    String v = literal.trim();
    try {
      switch (type) {
        case INTEGER:
        case SMALLINT:
        case BIGINT: {
          long n = Long.parseLong(v);
          long max = type == ColumnType.SMALLINT ? Short.MAX_VALUE : type == ColumnType.INTEGER ? Integer.MAX_VALUE : Long.MAX_VALUE;
          long min = type == ColumnType.SMALLINT ? Short.MIN_VALUE : type == ColumnType.INTEGER ? Integer.MIN_VALUE : Long.MIN_VALUE;
          if (n > max || n < min) {
            throw new IllegalArgumentException("out of range for " + type.name().toLowerCase(Locale.ROOT));
          }
          return Long.toString(n);
        }
        case BOOLEAN:
          if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return v.toLowerCase(Locale.ROOT);
          }
          throw new IllegalArgumentException("a boolean default is \"true\" or \"false\"");
        case DOUBLE:
        case REAL:
        case DECIMAL: {
          BigDecimal d = new BigDecimal(v).stripTrailingZeros();
          return d.signum() == 0 ? "0" : d.toPlainString();
        }
        case STRING:
          if (enumConstants != null && !enumConstants.contains(literal)) {
            throw new IllegalArgumentException("not a constant of the enum; expected one of " + enumConstants);
          }
          return literal;
        case DATE:
          return LocalDate.parse(v).toString();
        case TIME:
          return LocalTime.parse(v).toString();
        case TIMESTAMP:
          return LocalDateTime.parse(v).toString();
        case TIMESTAMP_TZ:
          return OffsetDateTime.parse(v).toString();
        case UUID:
          return UUID.fromString(v).toString();
        case BINARY:
        default:
          throw new IllegalArgumentException("byte[] columns take no defaultValue; use defaultSql");
      }
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
