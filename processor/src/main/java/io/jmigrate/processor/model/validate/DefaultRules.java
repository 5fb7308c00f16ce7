package io.jmigrate.processor.model.validate;

import io.jmigrate.processor.model.ColumnDeclaration;
import io.jmigrate.processor.model.DefaultLiteral;
import io.jmigrate.processor.model.Problem;
import io.jmigrate.schema.ColumnType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A column's default must be a value the column can hold, checked here rather than at deploy:
 * PostgreSQL accepts such a default in CREATE TABLE, then refuses it as soon as a row takes it
 * (ADD COLUMN on a table with rows, the first insert: "value too long", "numeric field
 * overflow"), and rounds extra decimals to the scale, while SQLite stores any of them as written.
 */
final class DefaultRules {
  private DefaultRules() {}

  static Problem check(ColumnDeclaration c) {
    boolean value = c.defaultValue() != null && !c.defaultValue().isEmpty();
    if (value && c.defaultSql() != null && !c.defaultSql().isEmpty()) {
      return Problem.error(c.origin().of("defaultSql"), "give either defaultValue or defaultSql, not both");
    }
    if (!DefaultLiteral.applies(c)) {
      return null;
    }
    String canonical;
    try {
      canonical = DefaultLiteral.canonical(c.javaType().columnType(), c.defaultValue(), c.javaType().enumConstants());
    } catch (IllegalArgumentException e) {
      return at(c, "is not a valid " + c.javaType() + ": " + e.getMessage()
          + ". Give a literal of the field's type, or an SQL expression with defaultSql.");
    }
    ColumnType type = c.javaType().columnType();
    if ((type == ColumnType.STRING || type == ColumnType.CHAR) && c.length() > 0) {
      int chars = c.defaultValue().codePointCount(0, c.defaultValue().length());
      if (chars > c.length()) {
        return at(c, "has " + chars + " characters, but the column's length is " + c.length()
            + " (PostgreSQL refuses it as soon as a row takes it: value too long). Shorten the default, or raise length.");
      }
    }
    if (type == ColumnType.DECIMAL && c.precision() > 0) {
      return decimal(c, new BigDecimal(canonical));
    }
    return null;
  }

  /** Within {@code NUMERIC(precision, scale)}: at most {@code scale} decimals, at most {@code precision - scale} whole digits. */
  private static Problem decimal(ColumnDeclaration c, BigDecimal d) {
    int decimals = Math.max(0, d.scale());
    if (decimals > c.scale()) {
      return at(c, "has " + decimals + " digits after the point, but the column's scale is " + c.scale()
          + " (precision " + c.precision() + ", scale " + c.scale() + "): PostgreSQL would store "
          + d.setScale(c.scale(), RoundingMode.HALF_UP).toPlainString() + ", SQLite the value as written. "
          + "Give at most " + c.scale() + " decimals, or raise scale.");
    }
    int whole = Math.max(0, d.precision() - d.scale());
    int room = c.precision() - c.scale();
    if (whole > room) {
      return at(c, "has " + whole + " digits before the point, but precision " + c.precision() + " with scale "
          + c.scale() + " leaves room for " + room + " (PostgreSQL refuses it as soon as a row takes it: numeric "
          + "field overflow). Give a smaller default, or raise precision.");
    }
    return null;
  }

  private static Problem at(ColumnDeclaration c, String what) {
    return Problem.error(c.origin().of("defaultValue"), "defaultValue \"" + c.defaultValue() + "\" " + what);
  }
}
