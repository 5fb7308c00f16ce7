package io.jmigrate.processor.model.validate;

import io.jmigrate.processor.model.Naming;

/**
 * The names jmigrate accepts, and what exactly is wrong with one it does not.
 *
 * <p>Names are ASCII letters, digits and underscores. Every identifier is quoted, so PostgreSQL
 * and SQLite would take other letters too, but not alike: PostgreSQL's limit is 63 <em>bytes</em>
 * and it silently cuts longer names (a 40-letter non-ASCII name is cut), other databases limit
 * characters, and a non-ASCII name has to be quoted in every hand-written statement forever.
 * An ASCII name given with {@code @Table(name = …)} / {@code @Column(name = …)} keeps the Java
 * name free (a field {@code größe} with {@code @Column(name = "groesse")} is fine).
 */
final class Identifiers {
  private Identifiers() {}

  /**
   * Null when {@code name} is valid, else the message.
   *
   * @param what "table", "column", "index", "@RenamedFrom column", …
   * @param derivedFrom the Java name the name was derived from ({@code "the field größe"}), or null when given
   * @param fix how to give a name instead ({@code "@Column(name = \"…\")"})
   */
  static String problem(String what, String name, String derivedFrom, String fix) {
    if (Naming.isValidIdentifier(name)) {
      return null;
    }
    String source = derivedFrom == null ? "" : " (from " + derivedFrom + ")";
    return "invalid " + what + " name \"" + name + "\"" + source + ": " + reason(name)
        + ". Names are ASCII letters, digits and underscores, starting with a letter or underscore, at most "
        + Naming.MAX_IDENTIFIER_LENGTH + " characters" + (fix == null ? "" : "; give one with " + fix);
  }

  private static String reason(String name) {
    if (name.isEmpty()) {
      return "it is empty";
    }
    if (name.length() > Naming.MAX_IDENTIFIER_LENGTH) {
      return "it has " + name.length() + " characters";
    }
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      String shown = "'" + new String(Character.toChars(c)) + "'";
      if (c >= 128) {
        return shown + (Character.isLetter(c) ? " is not an ASCII letter" : " is not an ASCII character");
      }
      if (!(Character.isLetterOrDigit(c) || c == '_')) {
        return (c == ' ' ? "a space" : shown) + " is not a letter, digit or underscore";
      }
      if (i == 0 && Character.isDigit(c)) {
        return "it starts with a digit";
      }
      i += Character.charCount(c);
    }
    return "it is not a plain identifier";
  }
}
