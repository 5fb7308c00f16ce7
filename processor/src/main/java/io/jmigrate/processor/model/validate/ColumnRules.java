package io.jmigrate.processor.model.validate;

import io.jmigrate.processor.model.ColumnDeclaration;
import io.jmigrate.processor.model.Problem;
import io.jmigrate.schema.ColumnType;

/** What one column declaration must be on its own: a valid name, a supported type, consistent options. */
final class ColumnRules {
  static final String SUPPORTED_TYPES = "int, long, short, boolean, double, float (and their boxes), BigDecimal, "
      + "String, char, Character, LocalDate, LocalDateTime, LocalTime, Instant, OffsetDateTime, UUID, byte[], "
      + "Currency, Duration, enums, and arrays of String, int/Integer and long/Long";

  private ColumnRules() {}

  /** The column's first problem, or null: later rules assume the earlier ones hold. */
  static Problem check(ColumnDeclaration c) {
    Problem p = name(c);
    if (p == null) {
      p = type(c);
    }
    if (p == null) {
      p = nullable(c);
    }
    if (p == null) {
      p = sizes(c);
    }
    if (p == null) {
      p = DefaultRules.check(c);
    }
    return p;
  }

  private static Problem name(ColumnDeclaration c) {
    String message = Identifiers.problem("column", c.name(), c.nameGiven() ? null : "the field " + c.field(),
        "@Column(name = \"…\")");
    return message == null ? null : Problem.error(c.origin().of("name"), message);
  }

  private static Problem type(ColumnDeclaration c) {
    String sql = c.javaType().sqlType();
    if (c.javaType().columnType() == ColumnType.NATIVE && sql == null) {
      // Never a migration with a column that no statement can create (it would fail at sql, baseline and migrate).
      return Problem.error(c.origin(), "column " + c.name() + " is of a type jmigrate does not model but names no SQL"
          + " type; give it one: @Column(sqlType = \"…\"), or columnDefinition on a JPA @Column or @JoinColumn");
    }
    if (sql != null && (sql.isBlank() || sql.contains(";") || sql.contains("--") || sql.contains("/*")
        || sql.chars().anyMatch(ch -> ch < 0x20))) {
      return Problem.error(c.origin().of("sqlType"), "@Column(sqlType = \"" + sql.replace("\n", "\\n") + "\") must be one"
          + " SQL type as a definition writes it (\"tsvector\", \"char(10)\", \"smallint[]\"): not blank, on one line,"
          + " without ';' or a comment");
    }
    if (c.javaType().columnType() != null) {
      return null;
    }
    return Problem.error(c.origin(), "unsupported column type " + c.javaType() + " for field " + c.field()
        + ". Supported: " + SUPPORTED_TYPES + ". Mark the field @Transient (or transient) to leave it out of the table.");
  }

  private static Problem nullable(ColumnDeclaration c) {
    if (!Boolean.TRUE.equals(c.nullable())) {
      return null;
    }
    if (c.javaType().primitive()) {
      return Problem.error(c.origin().of("nullable"), "field " + c.field() + " is a primitive " + c.javaType()
          + ", which cannot hold NULL: use " + c.javaType().boxName() + " for a nullable column, or remove nullable = true");
    }
    if (c.id()) {
      return Problem.error(c.origin().of("nullable"), "@Id column " + c.name() + " cannot be nullable: a primary key "
          + "is never NULL. Remove nullable = true.");
    }
    return null;
  }

  private static Problem sizes(ColumnDeclaration c) {
    ColumnType type = c.javaType().columnType();
    if (c.length() < 0 || c.precision() < 0 || c.scale() < 0) {
      String which = c.length() < 0 ? "length" : c.precision() < 0 ? "precision" : "scale";
      return Problem.error(c.origin().of(which), "length, precision and scale cannot be negative");
    }
    if (type == ColumnType.NATIVE && (c.length() > 0 || c.precision() > 0 || c.scale() > 0)) {
      String which = c.length() > 0 ? "length" : c.precision() > 0 ? "precision" : "scale";
      return Problem.error(c.origin().of(which), "@Column(sqlType = \"" + c.javaType().sqlType() + "\") is the column's"
          + " type as written: give its size inside it (sqlType = \"char(10)\", \"numeric(5,2)\"), not as " + which);
    }
    // A large object's length is the JPA @Column's, which sizes MariaDB's TINYTEXT … LONGTEXT.
    if (c.length() > 0 && type != ColumnType.STRING && type != ColumnType.CHAR && type != ColumnType.CLOB
        && type != ColumnType.LONG_TEXT && type != ColumnType.BLOB && type != ColumnType.STRING_ARRAY) {
      return Problem.error(c.origin().of("length"), "length applies to String columns only, not " + c.javaType()
          + "; for BigDecimal use precision and scale");
    }
    if ((c.precision() > 0 || c.scale() > 0) && type != ColumnType.DECIMAL) {
      return Problem.error(c.origin().of(c.precision() > 0 ? "precision" : "scale"),
          "precision and scale apply to BigDecimal columns only, not " + c.javaType());
    }
    if (c.scale() > c.precision() && c.precision() > 0 || c.scale() > 0 && c.precision() == 0) {
      return Problem.error(c.origin().of("scale"), "scale (" + c.scale() + ") needs a precision at least as large");
    }
    return null;
  }
}
