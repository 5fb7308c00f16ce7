package io.jmigrate.processor.model;

/** How Java names become SQL names, and which SQL names jmigrate accepts (the processor's rules). */
public final class Naming {
  /** PostgreSQL's identifier limit; the tightest of the supported dialects. */
  public static final int MAX_IDENTIFIER_LENGTH = 63;

  private Naming() {}

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
}
