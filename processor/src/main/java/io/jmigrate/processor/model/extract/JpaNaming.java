package io.jmigrate.processor.model.extract;

import java.util.Locale;

/**
 * How JPA's logical names (entity, attribute and explicit names) become table and column names:
 * the {@code -Ajmigrate.naming} option, as Hibernate's naming strategies do it.
 *
 * <p>Both apply to explicit names too (Hibernate's physical strategy sees every name), and both
 * give lower case: Hibernate writes names unquoted, so PostgreSQL folds {@code firstName} to
 * {@code firstname}, and jmigrate quotes every name it writes. A name written quoted
 * ({@code "`Order`"} or {@code "\"Order\""}) keeps its case.
 */
public enum JpaNaming {
  /**
   * Spring Boot's configuration of Hibernate: {@code CamelCaseToUnderscoresNamingStrategy}
   * ({@code firstName} → {@code first_name}) with {@code SpringImplicitNamingStrategy} (a join
   * table is named after the owning table and the attribute, {@code owner_pets}).
   */
  SNAKE_CASE("snake_case"),
  /**
   * Hibernate's own defaults: names as written ({@code PhysicalNamingStrategyStandardImpl}), a
   * join table after both tables ({@code ImplicitNamingStrategyJpaCompliantImpl}).
   */
  JPA("jpa");

  private final String option;

  JpaNaming(String option) {
    this.option = option;
  }

  /** The strategy an option value names (null or blank: the default), or null for an unknown value. */
  public static JpaNaming of(String option) {
    if (option == null || option.isBlank()) {
      return SNAKE_CASE;
    }
    for (JpaNaming n : values()) {
      if (n.option.equals(option.trim().toLowerCase(Locale.ROOT))) {
        return n;
      }
    }
    return null;
  }

  public String option() {
    return option;
  }

  /** The database name of a logical name, under the Hibernate {@code line} the application runs. */
  public String physical(String logical, HibernateLine line) {
    if (logical.length() > 1 && (logical.charAt(0) == '`' || logical.charAt(0) == '"')
        && logical.charAt(logical.length() - 1) == logical.charAt(0)) {
      return logical.substring(1, logical.length() - 1);
    }
    return (this == SNAKE_CASE ? underscores(logical, line) : logical).toLowerCase(Locale.ROOT);
  }

  /**
   * {@code CamelCaseToUnderscoresNamingStrategy}'s rule, which the two Hibernate lines apply differently: an
   * underscore goes before an upper-case letter between two lower-case letters ({@code PetType} → {@code Pet_Type},
   * but {@code HTTPServer} stays one word); Hibernate 7 (its {@code PhysicalNamingStrategySnakeCaseImpl}, which
   * Spring Boot 4 configures) counts a digit as a lower-case letter there, 6.6 does not ({@code OAuth2Client}:
   * 7 {@code OAuth2_Client}, 6.6 {@code OAuth2Client}; {@code sha256Hash}: 7 {@code sha256_Hash}).
   */
  static String underscores(String name, HibernateLine line) {
    boolean digits = line == HibernateLine.V7;
    StringBuilder s = new StringBuilder(name);
    for (int i = 1; i < s.length() - 1; i++) {
      if (lower(s.charAt(i - 1), digits) && Character.isUpperCase(s.charAt(i)) && lower(s.charAt(i + 1), digits)) {
        s.insert(i++, '_');
      }
    }
    return s.toString();
  }

  private static boolean lower(char c, boolean orDigit) {
    return Character.isLowerCase(c) || orDigit && Character.isDigit(c);
  }

  /**
   * The join table of a {@code @ManyToMany} or unidirectional {@code @OneToMany} without
   * {@code @JoinTable(name)}, from the physical names of both tables and the attribute.
   */
  String joinTable(String owningTable, String attribute, String targetTable, HibernateLine line) {
    return physical(this == SNAKE_CASE ? owningTable + "_" + attribute : owningTable + "_" + targetTable, line);
  }

  /**
   * How messages name the databases of the first target dialect that keeps an unquoted name's
   * capitals (MariaDB and MySQL), where Hibernate's unquoted names with capitals serve no two
   * targets alike; null when no target does.
   */
  static String keepingCapitals(java.util.List<String> targets) {
    for (String t : targets) {
      try {
        io.jmigrate.dialect.BuildRules r = io.jmigrate.dialect.Dialect.named(t).buildRules();
        if (r.keepsUnquotedCapitals()) {
          return r.databases();
        }
      } catch (io.jmigrate.dialect.UnsupportedDatabaseException unknown) {
        // reported once, by the processor
      }
    }
    return null;
  }

  /**
   * Why a name with capitals that Hibernate writes unquoted is refused: what the case-keeping databases hold ({@code logical}) is not what jmigrate creates ({@code physical}, lower case, as
   * PostgreSQL and H2 fold it); with only case-keeping targets, PostgreSQL and H2 are not named.
   */
  static String capitalsReason(java.util.List<String> targets, String kind, String logical, String physical) {
    String keeping = keepingCapitals(targets);
    boolean folding = targets.stream().anyMatch(t -> {
      try {
        return !io.jmigrate.dialect.Dialect.named(t).buildRules().keepsUnquotedCapitals();
      } catch (io.jmigrate.dialect.UnsupportedDatabaseException unknown) {
        return false;
      }
    });
    return "with -Ajmigrate.naming=jpa Hibernate names this " + kind + " " + logical + ", unquoted: " + keeping
        + " keep its capitals (table names are case-sensitive on Linux)" + (folding ? " while PostgreSQL and H2 fold it"
        + " to " + physical + ", which jmigrate creates, so no one name serves both" : ", but jmigrate creates " + physical
        + " (it writes an entity's names in lower case)");
  }
}
