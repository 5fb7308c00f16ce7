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
  BLOB,
  /**
   * Fixed-length text, {@code CHAR(n)} with {@code n} the column's length (1 when not given):
   * {@code char}/{@code Character}, a {@code String} with {@code @Column(fixed = true)}, JPA's
   * {@code @Enumerated(STRING)} with {@code length = 1}. PostgreSQL and H2 pad a shorter value
   * with spaces; MariaDB and MySQL remove trailing spaces when reading; SQLite keeps it as text.
   */
  CHAR,
  /**
   * A JSON document, stored as its text: {@code jsonb} on PostgreSQL, {@code JSON} on H2 and
   * MariaDB/MySQL, {@code TEXT} on SQLite (which has no JSON type; its JSON functions read text).
   */
  JSON,
  /**
   * An array of text ({@code String[]}; JPA: also {@code List<String>}), its elements bounded by the
   * column's length if set: {@code VARCHAR(n) ARRAY} on PostgreSQL and H2; a JSON array on MariaDB/MySQL,
   * as Hibernate stores it there; none on SQLite.
   */
  STRING_ARRAY,
  /** An array of {@code int}/{@code Integer} ({@code INTEGER ARRAY}); as {@link #STRING_ARRAY}. */
  INTEGER_ARRAY,
  /** An array of {@code long}/{@code Long} ({@code BIGINT ARRAY}); as {@link #STRING_ARRAY}. */
  BIGINT_ARRAY,
  /**
   * A value of a PostgreSQL enum type, named by the column's {@link ColumnDefinition#enumType()} (a
   * schema object, {@link EnumTypeDefinition}): JPA's {@code @Enumerated(STRING)} with
   * {@code @JdbcTypeCode(SqlTypes.NAMED_ENUM)}, or {@code @Column(enumType = "…")}. PostgreSQL only:
   * the processor refuses it for another target dialect, and the other dialects refuse to write it.
   */
  ENUM,
  /**
   * Long text read and written as a plain {@code String} (not through JDBC's {@code Clob}): Hibernate's
   * {@code SqlTypes.LONG32VARCHAR}/{@code LONG32NVARCHAR}, its successor of the old {@code TextType}. Each
   * database gets Hibernate's type for it: {@code text} on PostgreSQL, {@code CLOB} on H2, TINYTEXT … LONGTEXT
   * on MariaDB/MySQL chosen by the column's length (0 for none) as for a {@link #CLOB}, {@code TEXT} on SQLite.
   */
  LONG_TEXT,
  /**
   * A database type jmigrate does not model, named by the column's {@link ColumnDefinition#sqlType()} and
   * created as written ({@code @Column(sqlType = "tsvector")}: a PostgreSQL domain, {@code tsvector},
   * {@code citext}, {@code inet}, {@code interval}, MariaDB's {@code CHAR(10)} …). {@code validate} compares the
   * type's name; a change to or from it is never derived (the build refuses it).
   */
  NATIVE;

  /** The type of one element of an array type; null for the others. */
  public ColumnType element() {
    return switch (this) {
      case STRING_ARRAY -> STRING;
      case INTEGER_ARRAY -> INTEGER;
      case BIGINT_ARRAY -> BIGINT;
      default -> null;
    };
  }

  public boolean isInteger() {
    return this == INTEGER || this == BIGINT || this == SMALLINT;
  }

  /**
   * Whether a column of this type may have a collation of its own ({@link ColumnDefinition#collation()}): text
   * that every database keeps as text (VARCHAR/TEXT, CHAR). Not a CLOB, which is PostgreSQL's {@code oid}.
   */
  public boolean collates() {
    return this == STRING || this == CHAR || this == LONG_TEXT;
  }
}
