package io.jmigrate.schema;

/**
 * The dialect-neutral column types. Each dialect spells them its own way; the comments give
 * the Java types the processor maps to them.
 */
public enum ColumnType {
  /** {@code int}, {@code Integer}. */
  INTEGER,
  /** {@code long}, {@code Long}. */
  BIGINT,
  /** {@code short}, {@code Short}. */
  SMALLINT,
  /** {@code boolean}, {@code Boolean}. */
  BOOLEAN,
  /** {@code double}, {@code Double}. */
  DOUBLE,
  /** {@code float}, {@code Float}. */
  REAL,
  /** {@code BigDecimal}, with the column's precision and scale. */
  DECIMAL,
  /** {@code String} and enums (stored by constant name), bounded by the column's length if set. */
  STRING,
  /** {@code LocalDate}. */
  DATE,
  /** {@code LocalTime}. */
  TIME,
  /** {@code LocalDateTime}. */
  TIMESTAMP,
  /** {@code Instant}, {@code OffsetDateTime}. */
  TIMESTAMP_TZ,
  /** {@code UUID}. */
  UUID,
  /** {@code byte[]}. */
  BINARY;

  /** Whether a column of type {@code to} holds every value of type {@code this} (so a change needs no confirmation). */
  public boolean widensTo(ColumnType to) {
    if (this == to) {
      return true;
    }
    switch (this) {
      case SMALLINT:
        return to == INTEGER || to == BIGINT || to == DECIMAL || to == STRING;
      case INTEGER:
        return to == BIGINT || to == DECIMAL || to == STRING;
      case BIGINT:
        return to == DECIMAL || to == STRING;
      case REAL:
        return to == DOUBLE || to == STRING;
      case BOOLEAN:
      case DOUBLE:
      case DECIMAL:
      case DATE:
      case TIME:
      case TIMESTAMP:
      case TIMESTAMP_TZ:
      case UUID:
        return to == STRING;
      default:
        return false;
    }
  }

  public boolean isInteger() {
    return this == INTEGER || this == BIGINT || this == SMALLINT;
  }
}
