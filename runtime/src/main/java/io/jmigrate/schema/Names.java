package io.jmigrate.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

/** Naming rules shared by the processor (defaults) and the values (renames). */
public final class Names {
  /** PostgreSQL's identifier limit; the tightest of the supported dialects. */
  public static final int MAX_IDENTIFIER_LENGTH = 63;

  private Names() {}

  /** {@code emailAddress} → {@code email_address}, {@code HTTPServer} → {@code http_server}. */
  public static String snakeCase(String javaName) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean prevLower = i > 0 && (Character.isLowerCase(javaName.charAt(i - 1)) || Character.isDigit(javaName.charAt(i - 1)));
        boolean nextLower = i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
        boolean prevUpper = i > 0 && Character.isUpperCase(javaName.charAt(i - 1));
        if (out.length() > 0 && out.charAt(out.length() - 1) != '_' && (prevLower || (prevUpper && nextLower))) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A deterministic constraint name that fits every dialect: long names keep a hash suffix. */
  public static String constraintName(String prefix, String table, List<String> columns) {
    String name = prefix + "_" + table + (columns.isEmpty() ? "" : "_" + String.join("_", columns));
    name = name.toLowerCase(Locale.ROOT);
    if (name.length() <= MAX_IDENTIFIER_LENGTH) {
      return name;
    }
    CRC32 crc = new CRC32();
    crc.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String hash = String.format("%08x", crc.getValue());
    return name.substring(0, MAX_IDENTIFIER_LENGTH - 9) + "_" + hash;
  }

  /** Whether {@code name} is a plain identifier: a letter or underscore, then letters, digits, underscores. */
  public static boolean isValidIdentifier(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_IDENTIFIER_LENGTH) {
      return false;
    }
    if (!(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) {
        return false;
      }
    }
    return true;
  }

  static List<String> replace(List<String> names, String from, String to) {
    List<String> out = new ArrayList<>(names.size());
    for (String n : names) {
      out.add(n.equals(from) ? to : n);
    }
    return List.copyOf(out);
  }
}
