package io.jmigrate.processor.model.extract;

import io.jmigrate.processor.model.Origin;
import io.jmigrate.processor.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names Hibernate writes unquoted that a target database takes for a keyword, so that Hibernate's own DDL and
 * queries fail there while jmigrate, which quotes every name, creates the table: {@code value}, {@code key} or
 * {@code year} on H2, {@code user} or {@code order} on PostgreSQL, {@code key} or {@code index} on MariaDB. Measured
 * with Hibernate 7.4 ({@code hbm2ddl=create}, no {@code globally_quoted_identifiers}): a table, and a column, of
 * each candidate name (the databases' published keyword lists), kept when Hibernate's {@code create table} failed.
 */
final class HibernateKeywords {
  private static final Set<String> POSTGRESQL = words(
      "all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate "
      + "collation column concurrently constraint create cross current_catalog current_date current_role "
      + "current_schema current_time current_timestamp current_user default deferrable desc distinct do else "
      + "end except false fetch for foreign freeze from full grant group having ilike in initially inner "
      + "intersect into is isnull join lateral leading left like limit localtime localtimestamp natural not "
      + "notnull null offset on only or order outer overlaps placing primary references returning right select "
      + "session_user similar some symmetric table tablesample then to trailing true union unique user using "
      + "variadic verbose when where window with");
  private static final Set<String> H2 = words(
      "all and any array as asymmetric authorization between case cast check constraint cross current_catalog "
      + "current_date current_path current_role current_schema current_time current_timestamp current_user day "
      + "default distinct else end except exists false fetch for foreign from full group having hour if in "
      + "inner intersect interval is join key left like limit localtime localtimestamp minus minute month "
      + "natural not null offset on or order primary qualify right row rownum second select session_user set "
      + "some symmetric system_user table to true uescape union unique unknown user using value values when "
      + "where window with year");
  /** As a table name; as a column name MariaDB takes {@code cast}, {@code count}, {@code max}, {@code min}, {@code position} and {@code sum}. */
  private static final Set<String> MARIADB_TABLES = words(
      "accessible add all alter analyze and as asc asensitive before between bigint binary blob both by call "
      + "cascade case cast change char character check collate column condition constraint continue convert "
      + "count create cross current_date current_role current_time current_timestamp current_user cursor "
      + "database databases day_hour day_microsecond day_minute day_second dec decimal declare default delayed "
      + "delete desc describe deterministic distinct distinctrow div double drop dual each else elseif enclosed "
      + "escaped except exists exit explain false fetch float float4 float8 for force foreign from fulltext "
      + "grant group having high_priority hour_microsecond hour_minute hour_second if ignore in index infile "
      + "inner inout insensitive insert int int1 int2 int3 int4 int8 integer intersect interval into is iterate "
      + "join key keys kill leading leave left like limit linear lines load localtime localtimestamp lock long "
      + "longblob longtext loop low_priority match max maxvalue mediumblob mediumint mediumtext middleint min "
      + "minute_microsecond minute_second mod modifies natural no_write_to_binlog not null numeric offset on "
      + "optimize optionally or order out outer outfile over partition position precision primary procedure "
      + "purge range read read_write reads real recursive references regexp release rename repeat replace "
      + "require resignal restrict return returning revoke right rlike row_number rows schema schemas "
      + "second_microsecond select sensitive separator set show signal smallint spatial specific sql "
      + "sql_big_result sql_calc_found_rows sql_small_result sqlexception sqlstate sqlwarning ssl starting "
      + "straight_join sum table terminated then tinyblob tinyint tinytext to trailing trigger true undo union "
      + "unique unlock unsigned update usage use using utc_date utc_time utc_timestamp values varbinary varchar "
      + "varcharacter varying when where while with write xor year_month zerofill");
  private static final Set<String> MARIADB_FUNCTIONS = words("cast count max min position sum");

  private HibernateKeywords() {}

  private static Set<String> words(String spaced) {
    return Set.of(spaced.split(" "));
  }

  /**
   * A warning when a quoted name in lower case ({@code "`rank`"}) meets H2 among the targets: Hibernate quotes it and
   * H2 keeps it in lower case ({@code "rank"}), while jmigrate's schema records the name without its quoting, and
   * its H2 dialect writes it as H2 folds unquoted names ({@code RANK}, in a database without
   * {@code DATABASE_TO_LOWER}): Hibernate's validate passes (it compares names ignoring case), its queries do not find
   * the {@code kind}. Null otherwise.
   */
  static Problem quotedLowerCaseOnH2(List<String> targets, String kind, String given, String physical, Origin at) {
    if (!targets.contains("h2") || !physical.equals(physical.toLowerCase(java.util.Locale.ROOT))
        || physical.equals(physical.toUpperCase(java.util.Locale.ROOT))) {
      return null;
    }
    String upper = physical.toUpperCase(java.util.Locale.ROOT);
    return new Problem(at.element(), "the quoted " + kind + " name " + physical + " keeps its lower case in Hibernate's"
        + " SQL (\"" + physical + "\"), but on an H2 database that folds names to upper case (H2's default) jmigrate"
        + " creates it as " + upper + ": Hibernate's validate passes there and its queries do not find the " + kind
        + ". Open H2 with DATABASE_TO_LOWER=TRUE (docs/databases.md; there jmigrate creates " + physical + "), or leave"
        + " the quotes out if it is no keyword", true, at.annotation(), at.value());
  }

  /** The target dialects (of {@code targets}) where Hibernate's unquoted name fails: empty when none, or no targets. */
  static List<String> failingOn(List<String> targets, String name, boolean table) {
    Map<String, Set<String>> byTarget = Map.of("postgresql", POSTGRESQL, "h2", H2, "mariadb", MARIADB_TABLES);
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    List<String> out = new ArrayList<>();
    for (String t : targets.stream().distinct().toList()) {
      Set<String> words = byTarget.get(t);
      if (words != null && words.contains(lower) && (table || !t.equals("mariadb") || !MARIADB_FUNCTIONS.contains(lower))) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * A warning at {@code at} when Hibernate writes {@code given} (the name as the mapping writes it; quoted names are
   * Hibernate's quoted ones) as {@code physical} unquoted and a target dialect takes it for a keyword; null otherwise.
   * {@code kind} says what the name is ({@code table}, {@code column}, {@code join table}, {@code join column},
   * {@code collection table}, {@code discriminator column}, {@code order column}, {@code map key column},
   * {@code sequence}, {@code generator table}); one ending in {@code table} is checked as a table.
   */
  static Problem warning(List<String> targets, String kind, String given, String physical, Origin at, String quoted) {
    if (given.startsWith("`") || given.startsWith("\"")) {
      return quotedLowerCaseOnH2(targets, kind, given, physical, at);
    }
    // measured: MariaDB takes its function names (count, position, sum) for a sequence's as for a column's
    List<String> failing = failingOn(targets, physical, kind.endsWith("table"));
    if (failing.isEmpty()) {
      return null;
    }
    return new Problem(at.element(), "the " + kind + " name " + physical + " is a keyword of " + String.join(" and ", failing)
        + " that Hibernate writes unquoted: jmigrate quotes it and creates the " + kind + ", but Hibernate's own DDL and"
        + " queries fail there. Quote it in the mapping (" + quoted.replace("%s", physical) + "), set"
        + " hibernate.globally_quoted_identifiers=true, or rename it", true, at.annotation(), at.value());
  }
}
