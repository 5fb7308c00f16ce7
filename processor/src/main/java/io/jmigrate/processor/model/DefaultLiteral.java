package io.jmigrate.processor.model;

import io.jmigrate.schema.ColumnType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What a {@code defaultValue} literal means for a column type. */
public final class DefaultLiteral {
  private DefaultLiteral() {}

  /**
   * The canonical form of a literal, so that {@code "1.50"} and {@code "1.5"} do not look like a
   * change.
   *
   * @throws IllegalArgumentException with the reason when the literal does not parse as the type
   */
  public static String canonical(ColumnType type, String literal, List<String> enumConstants) {
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
            throw new IllegalArgumentException("out of range: the column holds " + min + " to " + max);
          }
          return Long.toString(n);
        }
        case BOOLEAN:
          if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return v.toLowerCase(java.util.Locale.ROOT);
          }
          throw new IllegalArgumentException("a boolean default is \"true\" or \"false\"");
        case DOUBLE:
        case REAL:
        case DECIMAL: {
          BigDecimal d = new BigDecimal(v).stripTrailingZeros();
          boolean finite = type == ColumnType.DOUBLE ? Double.isFinite(d.doubleValue())
              : type != ColumnType.REAL || Float.isFinite(d.floatValue());
          if (!finite) {
            throw new IllegalArgumentException("out of range for a " + (type == ColumnType.REAL ? "float" : "double"));
          }
          return d.signum() == 0 ? "0" : d.toPlainString();
        }
        case STRING:
        case ENUM:
          if (enumConstants != null && !enumConstants.contains(literal)) {
            throw new IllegalArgumentException("not a constant of the enum; expected one of " + enumConstants);
          }
          return literal;
        case CHAR:
        case JSON:
        case NATIVE:
          return literal; // text as written, quoted; the database reads it as its type when the column takes it
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
        case STRING_ARRAY:
        case INTEGER_ARRAY:
        case BIGINT_ARRAY:
          throw new IllegalArgumentException("array columns take no defaultValue; use defaultSql");
        case BINARY:
        default:
          throw new IllegalArgumentException("byte[] columns take no defaultValue; use defaultSql");
      }
    } catch (IllegalArgumentException e) {
      throw e.getMessage() == null ? new IllegalArgumentException("not a " + type, e) : e;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Whether the column takes the given literal as its default: an empty one counts for text only. */
  public static boolean applies(ColumnDeclaration column) {
    return column.defaultValue() != null
        && (!column.defaultValue().isEmpty() || column.javaType().columnType() == ColumnType.STRING);
  }
}
