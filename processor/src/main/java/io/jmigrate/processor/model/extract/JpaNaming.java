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

  /**
   * The database name of a logical name, under the Hibernate {@code line} the application runs. A quoted name
   * ({@code `OrderItem`}) keeps its case, but not with {@code snake_case} under Hibernate 6.6, whose
   * {@code CamelCaseToUnderscoresNamingStrategy} converts and lower-cases it as any other (still quoted:
   * {@code order_item}); Hibernate 7's {@code PhysicalNamingStrategySnakeCaseImpl} leaves it as written.
   */
  public String physical(String logical, HibernateLine line) {
    if (logical.length() > 1 && (logical.charAt(0) == '`' || logical.charAt(0) == '"')
        && logical.charAt(logical.length() - 1) == logical.charAt(0)) {
      String quoted = logical.substring(1, logical.length() - 1);
      return this == SNAKE_CASE && line == HibernateLine.V6_6 ? underscores(quoted, line).toLowerCase(Locale.ROOT)
          : quoted;
    }
    return (this == SNAKE_CASE ? underscores(logical, line) : logical).toLowerCase(Locale.ROOT);
  }

  /**
   * The database name of a table or sequence: as {@link #physical}, but with {@code keepCapitals} (see
   * {@link #keepsCapitals}) a {@code jpa} name keeps its capitals as Hibernate writes it ({@code Cargo},
   * {@code Cargo_SEQ}, {@code PRODUCT_CATEGORY}), which MariaDB and MySQL store as written.
   */
  public String table(String logical, boolean keepCapitals, HibernateLine line) {
    if (!keepCapitals || this != JPA) {
      return physical(logical, line);
    }
    if (logical.length() > 1 && (logical.charAt(0) == '`' || logical.charAt(0) == '"')
        && logical.charAt(logical.length() - 1) == logical.charAt(0)) {
      return logical.substring(1, logical.length() - 1);
    }
    return logical;
  }

  /**
   * Whether table and sequence names keep Hibernate's capitals: with {@code jpa} naming when every target dialect
   * keeps an unquoted name's capitals (MariaDB and MySQL on Linux, where table names are case-sensitive), so the name
   * Hibernate writes unquoted is the one jmigrate creates. Column, index and constraint names stay in lower case:
   * MariaDB compares them without case, and so do Hibernate's queries and validate. No targets: false (the build
   * cannot know the database; the reader warns where that matters).
   */
  public boolean keepsCapitals(java.util.List<String> targets) {
    if (this != JPA || targets.isEmpty()) {
      return false;
    }
    for (String t : targets) {
      try {
        if (!io.jmigrate.dialect.Dialect.named(t).buildRules().keepsUnquotedCapitals()) {
          return false;
        }
      } catch (io.jmigrate.dialect.UnsupportedDatabaseException unknown) {
        return false; // reported once, by the processor
      }
    }
    return true;
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
  String joinTable(String owningTable, String attribute, String targetTable, boolean keepCapitals,
      HibernateLine line) {
    return table(this == SNAKE_CASE ? owningTable + "_" + attribute : owningTable + "_" + targetTable, keepCapitals,
        line);
  }

  /**
   * How messages name the databases of the first target dialect that keeps an unquoted name's capitals (MariaDB and
   * MySQL), where Hibernate's unquoted names with capitals serve no two targets alike; null when no target does.
   */
  static String keepingCapitals(java.util.List<String> targets) {
    for (String t : targets) {
      io.jmigrate.dialect.BuildRules r = rules(t);
      if (r != null && r.keepsUnquotedCapitals()) {
        return r.databases();
      }
    }
    return null;
  }

  /** The target dialects that keep an unquoted name's capitals. */
  static java.util.List<String> keepingTargets(java.util.List<String> targets) {
    return targets.stream().filter(t -> rules(t) != null && rules(t).keepsUnquotedCapitals()).toList();
  }

  private static io.jmigrate.dialect.BuildRules rules(String target) {
    try {
      return io.jmigrate.dialect.Dialect.named(target).buildRules();
    } catch (io.jmigrate.dialect.UnsupportedDatabaseException unknown) {
      return null; // reported once, by the processor
    }
  }

  /**
   * Why a name with capitals that Hibernate writes unquoted is refused when the targets mix databases that keep its
   * capitals ({@code logical}) with ones that fold it to lower case ({@code physical}, which jmigrate creates).
   */
  static String capitalsReason(java.util.List<String> targets, String kind, String logical, String physical) {
    return "with -Ajmigrate.naming=jpa Hibernate names this " + kind + " " + logical + ", unquoted: "
        + keepingCapitals(targets) + " keep its capitals (table names are case-sensitive on Linux) while PostgreSQL"
        + " and H2 fold it to " + physical + " (-Ajmigrate.dialects=" + String.join(",", targets) + "), so no one"
        + " name serves both";
  }
}
