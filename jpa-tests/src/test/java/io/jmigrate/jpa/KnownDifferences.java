package io.jmigrate.jpa;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Column types where jmigrate's dialect and Hibernate's choose differently for the same Java type
 * and the comparison accepts it: both hold the same values, and Hibernate's validate passes on
 * jmigrate's column. They come from the runtime's dialects (one type per jmigrate column type),
 * not from reading the entities. Anything else that differs is reported.
 */
final class KnownDifferences {
  /** Per database: Hibernate's type name → jmigrate's, with the reason. */
  private static final Map<Target, Map<String, String>> ACCEPTED = Map.of(
      // @Enumerated(STRING): Hibernate uses H2's and MariaDB's native ENUM('A', …); jmigrate has no
      // enum type and writes VARCHAR(n) (as Hibernate does on PostgreSQL, there with a CHECK).
      // @Enumerated(ORDINAL): Hibernate's TINYINT, jmigrate's SMALLINT (wider).
      // byte[]: Hibernate applies JPA's length 255 (VARBINARY(255)); jmigrate's BINARY has no length
      // and is wider (H2's VARBINARY without a length, MariaDB's LONGBLOB).
      Target.H2, Map.of("enum", "character varying", "tinyint", "smallint", "binary varying", "binary varying"),
      // BOOLEAN: Hibernate's BIT(1), jmigrate's BOOLEAN (= TINYINT(1)). (An entity's Instant is
      // DATETIME(6) in both.)
      Target.MARIADB, Map.of("enum", "varchar", "tinyint", "smallint", "bit", "boolean", "varbinary", "longblob"));

  /**
   * Per database: one exact type of Hibernate's → jmigrate's. UUID on MariaDB with
   * {@code preferred_uuid_jdbc_type=CHAR} (see {@link Hibernate#open}): Hibernate's VARCHAR(36), jmigrate's
   * CHAR(36) (a UUID's text is always 36 characters; validate accepts either).
   */
  private static final Map<Target, Map<String, String>> ACCEPTED_EXACTLY = Map.of(
      Target.MARIADB, Map.of("varchar(36)", "char(36)"));

  /** A check of 'N' and 'Y' only, in each database's spelling. */
  private static final java.util.regex.Pattern CONVERTED_BOOLEAN = java.util.regex.Pattern.compile(
      "(?i)(in ?\\('N', ?'Y'\\)|ARRAY\\['N'::character varying, 'Y'::character varying\\])");

  private KnownDifferences() {}

  /** Hibernate's catalog lines with each accepted column type replaced by jmigrate's. */
  static List<String> accept(Target target, List<String> hibernate, List<String> jmigrate) {
    Map<String, String> accepted = ACCEPTED.getOrDefault(target, Map.of());
    Map<String, String> jmigrateColumns = new HashMap<>();
    for (String line : jmigrate) {
      if (line.startsWith("column ")) {
        jmigrateColumns.put(line.split(" ")[1], line);
      }
    }
    List<String> out = new ArrayList<>();
    for (String line : hibernate) {
      if (line.startsWith("check ") && CONVERTED_BOOLEAN.matcher(line).find()) {
        // A Boolean through an AttributeConverter (the lab's YesNo): Hibernate runs the converter to list the two
        // values it checks; jmigrate reads the entities at compile time and cannot run it, so it makes no check.
        continue;
      }
      String other = line.startsWith("column ") ? jmigrateColumns.get(line.split(" ")[1]) : null;
      if (other != null && !other.equals(line)) {
        String[] h = typeAndFlags(line);
        String[] j = typeAndFlags(other);
        if (h[1].equals(j[1]) && (base(j[0]).equals(accepted.get(base(h[0])))
            || j[0].equals(ACCEPTED_EXACTLY.getOrDefault(target, Map.of()).get(h[0])))) {
          out.add(other);
          continue;
        }
      }
      out.add(line);
    }
    if (target == Target.H2 || target == Target.MARIADB) {
      // A @Check on such a column: Hibernate's check is the @Check's alone (on H2 comparing with its ENUM type's
      // value), jmigrate's the @Check's and the names' in one, as Hibernate writes it on PostgreSQL.
      for (String line : jmigrate) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?s)check (\\S+) \\((.*)\\) AND \\((.*)\\)")
            .matcher(line);
        if (!m.matches()) {
          continue;
        }
        for (String[] parts : new String[][] {{m.group(2), m.group(3)}, {m.group(3), m.group(2)}}) {
          String own = "check " + m.group(1) + " " + parts[0];
          boolean names = parts[1].matches("(?is)[`\"]?\\w+[`\"]? in ?\\(.*");
          java.util.Optional<String> hibernates = out.stream().filter(h -> h.startsWith("check ")
              && h.replaceAll("CAST\\(('[^']*') AS ENUM\\([^)]*\\)\\)", "$1").equals(own)).findFirst();
          if (names && hibernates.isPresent()) {
            out.set(out.indexOf(hibernates.get()), line);
            break;
          }
        }
      }
      // @Enumerated(STRING): Hibernate's ENUM('A', …) type holds the names there; jmigrate's VARCHAR holds
      // them through the check Hibernate writes on PostgreSQL (c in ('A', …)).
      for (String line : jmigrate) {
        if (line.startsWith("check ") && line.matches("(?is)check \\S+ [`\"]?\\w+[`\"]? in ?\\(.*") && !out.contains(line)) {
          out.add(line);
        }
      }
    }
    return out.stream().sorted().toList();
  }

  /** A column line's type (which may contain spaces) and its flags ({@code not null}, {@code identity}). */
  private static String[] typeAndFlags(String columnLine) {
    String rest = columnLine.substring(columnLine.indexOf(' ', "column ".length()) + 1);
    String flags = "";
    for (String flag : List.of(" identity", " not null")) {
      if (rest.endsWith(flag)) {
        rest = rest.substring(0, rest.length() - flag.length());
        flags = flag + flags;
      }
    }
    return new String[] {rest, flags};
  }

  private static String base(String type) {
    return type.replaceAll("\\(.*\\)", "");
  }
}
