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
  BINARY,
  /**
   * A character large object: a JPA {@code @Lob String} ({@code char[]}, {@code java.sql.Clob}),
   * read and written through JDBC's {@code Clob}. Its length (0 for none) only chooses MariaDB's
   * TINYTEXT … LONGTEXT, as Hibernate does. PostgreSQL has no CLOB: there it is an {@code oid}
   * naming a large object, which is what the driver's {@code Clob} and Hibernate expect.
   */
  CLOB,
  /** A binary large object: a JPA {@code @Lob byte[]} or {@code java.sql.Blob}; as {@link #CLOB}, {@code oid} on PostgreSQL. */
  BLOB;

  public boolean isInteger() {
    return this == INTEGER || this == BIGINT || this == SMALLINT;
  }
}
