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

  public boolean isInteger() {
    return this == INTEGER || this == BIGINT || this == SMALLINT;
  }
}
