package io.jmigrate.inspect;

import io.jmigrate.schema.ColumnDefinition;
import io.jmigrate.schema.ColumnType;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column's default as the catalog spells it ({@code 'abc'::character varying}, {@code 0},
 * {@code now()}) → the model's {@code defaultValue} (a literal of the field's type) or
 * {@code defaultSql} (an expression, used as written).
 */
final class Defaults {
  private Defaults() {}

  /** A quoted string, optionally followed by PostgreSQL casts: {@code 'it''s'::text}. */
  private static final Pattern QUOTED = Pattern.compile("(?s)'((?:[^']|'')*)'(?:::[A-Za-z_ ]+(?:\\(\\d+(?:,\\d+)?\\))?)*");
  private static final Pattern NUMBER = Pattern.compile("\\(?(-?\\d+(?:\\.\\d+)?)\\)?(?:::[A-Za-z_ ]+)*");

  static ColumnDefinition apply(ColumnDefinition col, String def) {
    return apply(col, def, false);
  }

  /**
   * As {@link #apply(ColumnDefinition, String)}; {@code backslashEscapes}: the catalog writes a text default
   * as MariaDB/MySQL do, with backslash escapes ({@code 'C:\\'} for {@code C:\}, {@code \n} for a newline).
   */
  static ColumnDefinition apply(ColumnDefinition col, String def, boolean backslashEscapes) {
    if (def == null) {
      return col;
    }
    String text = def.trim();
    if (text.isEmpty() || text.equalsIgnoreCase("NULL") || text.toUpperCase(Locale.ROOT).startsWith("NULL::")) {
      return col;
    }
    ColumnType type = col.type();
    Matcher quoted = QUOTED.matcher(text);
    Matcher number = NUMBER.matcher(text);
    if (type == ColumnType.BOOLEAN) {
      String b = quoted.matches() ? quoted.group(1) : text;
      String v = b.toLowerCase(Locale.ROOT);
      if (v.equals("true") || v.equals("1") || v.equals("b'1'")) {
        return col.defaultValue("true");
      }
      if (v.equals("false") || v.equals("0") || v.equals("b'0'")) {
        return col.defaultValue("false");
      }
      return col.defaultSql(text);
    }
    boolean numeric = type.isInteger() || type == ColumnType.DECIMAL || type == ColumnType.DOUBLE || type == ColumnType.REAL;
    if (numeric) {
      if (number.matches()) {
        return col.defaultValue(canonicalNumber(number.group(1), type));
      }
      if (quoted.matches() && NUMBER.matcher(quoted.group(1)).matches()) {
        return col.defaultValue(canonicalNumber(quoted.group(1), type));
      }
      return col.defaultSql(text);
    }
    if ((type == ColumnType.STRING || type == ColumnType.CHAR || type == ColumnType.JSON || type == ColumnType.ENUM) && quoted.matches()) {
      String value = quoted.group(1);
      return col.defaultValue(backslashEscapes ? unescape(value) : value.replace("''", "'"));
    }
    // Dates, times, UUIDs and the like keep the database's spelling, as an expression.
    return col.defaultSql(text);
  }

  /** MariaDB's escapes in a quoted default ({@code \\}, {@code \n}, {@code \0}, …) and doubled quotes, read back. */
  static String unescape(String quoted) {
    StringBuilder s = new StringBuilder(quoted.length());
    for (int i = 0; i < quoted.length(); i++) {
      char ch = quoted.charAt(i);
      if (ch == '\\' && i + 1 < quoted.length()) {
        char next = quoted.charAt(++i);
        s.append(switch (next) {
          case '0' -> '\0';
          case 'n' -> '\n';
          case 'r' -> '\r';
          case 't' -> '\t';
          case 'b' -> '\b';
          case 'Z' -> '\u001A';
          default -> next; // \\, \', \" and any other character stand for themselves
        });
      } else if (ch == '\'' && i + 1 < quoted.length() && quoted.charAt(i + 1) == '\'') {
        s.append('\'');
        i++;
      } else {
        s.append(ch);
      }
    }
    return s.toString();
  }

  /** {@code 0.00} stays {@code 0.00} for a decimal; an integer's {@code 007} is {@code 7}. */
  private static String canonicalNumber(String n, ColumnType type) {
    if (type.isInteger() && !n.contains(".")) {
      return String.valueOf(Long.parseLong(n));
    }
    return n;
  }
}
