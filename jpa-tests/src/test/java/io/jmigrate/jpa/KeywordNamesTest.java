package io.jmigrate.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Table and column names that a database takes for a keyword, which Hibernate writes unquoted: the build warns for
 * exactly the names whose table Hibernate's own {@code hbm2ddl=create} fails to make on the target, over the
 * databases' published keyword lists (and a few plain words); a quoted name gets no warning, and Hibernate and
 * jmigrate then make the same table.
 */
class KeywordNamesTest {
  /** Candidates: H2's, PostgreSQL's and MariaDB's published reserved words, and a few that are none. */
  private static final List<String> WORDS = List.of(
      "accessible", "add", "all", "alter", "amount", "analyse", "analyze", "and", "any", "array", "as", "asc",
      "asensitive", "asymmetric", "authorization", "avg", "before", "between", "bigint", "binary", "blob", "both",
      "by", "call", "cascade", "case", "cast", "change", "char", "character", "check", "collate", "collation",
      "column", "concurrently", "condition", "constraint", "continue", "convert", "count", "create", "cross",
      "current_catalog", "current_date", "current_path", "current_role", "current_schema", "current_time",
      "current_timestamp", "current_user", "cursor", "database", "databases", "day", "day_hour", "day_microsecond",
      "day_minute", "day_second", "dec", "decimal", "declare", "default", "deferrable", "delayed", "delete", "desc",
      "describe", "deterministic", "distinct", "distinctrow", "div", "do", "double", "drop", "dual", "each", "else",
      "elseif", "enclosed", "end", "escaped", "except", "exists", "exit", "explain", "false", "fetch", "float",
      "float4", "float8", "for", "force", "foreign", "freeze", "from", "full", "fulltext", "general", "grant",
      "group", "groups", "having", "high_priority", "hour", "hour_microsecond", "hour_minute", "hour_second", "if",
      "ignore", "ilike", "in", "index", "infile", "initially", "inner", "inout", "insensitive", "insert", "int",
      "int1", "int2", "int3", "int4", "int8", "integer", "intersect", "interval", "into", "is", "isnull", "iterate",
      "join", "key", "keys", "kill", "lateral", "leading", "leave", "left", "like", "limit", "linear", "lines",
      "load", "localtime", "localtimestamp", "lock", "long", "longblob", "longtext", "loop", "low_priority", "match",
      "max", "maxvalue", "mediumblob", "mediumint", "mediumtext", "middleint", "min", "minus", "minute",
      "minute_microsecond", "minute_second", "mod", "modifies", "month", "name", "natural", "no_write_to_binlog",
      "not", "note", "notnull", "null", "numeric", "offset", "on", "only", "optimize", "option", "optionally", "or",
      "order", "out", "outer", "outfile", "over", "overlaps", "partition", "placing", "position", "precision",
      "primary", "procedure", "purge", "qualify", "range", "read", "read_write", "reads", "real", "recursive",
      "references", "regexp", "release", "rename", "repeat", "replace", "require", "resignal", "restrict", "return",
      "returning", "revoke", "right", "rlike", "row", "row_number", "rownum", "rows", "schema", "schemas", "second",
      "second_microsecond", "select", "sensitive", "separator", "session_user", "set", "show", "signal", "similar",
      "slow", "smallint", "some", "spatial", "specific", "sql", "sql_big_result", "sql_calc_found_rows",
      "sql_small_result", "sqlexception", "sqlstate", "sqlwarning", "ssl", "starting", "status", "straight_join",
      "sum", "symmetric", "system_user", "table", "tablesample", "terminated", "then", "tinyblob", "tinyint",
      "tinytext", "title", "to", "top", "trailing", "trigger", "true", "uescape", "undo", "union", "unique",
      "unknown", "unlock", "unsigned", "update", "usage", "use", "user", "using", "utc_date", "utc_time",
      "utc_timestamp", "value", "values", "varbinary", "varchar", "varcharacter", "variadic", "varying", "verbose",
      "when", "where", "while", "window", "with", "write", "xor", "year", "year_month", "zerofill");

  @ParameterizedTest
  @EnumSource(value = Target.class, names = {"POSTGRESQL", "H2", "MARIADB"})
  void theWarningsAreTheNamesHibernatesExportFailsOn(Target target, @TempDir Path dir) throws Exception {
    Path sources = Files.createDirectories(dir.resolve("entities/kw"));
    for (String w : WORDS) { // a table of the name, and a column of it in a table of another name
      Files.writeString(sources.resolve("T_" + w + ".java"), "package kw;\nimport jakarta.persistence.*;\n"
          + "@Entity @Table(name = \"" + w + "\")\npublic class T_" + w + " {\n  @Id Long id;\n  String f;\n}\n");
      Files.writeString(sources.resolve("C_" + w + ".java"), "package kw;\nimport jakarta.persistence.*;\n"
          + "@Entity @Table(name = \"c_" + w + "\")\npublic class C_" + w + " {\n  @Id Long id;\n"
          + "  @Column(name = \"" + w + "\") String f;\n}\n");
    }
    EntityProject project = new EntityProject(dir.resolve("project"));
    project.useSources(List.of(dir.resolve("entities")));
    String dialect = target.name().toLowerCase(java.util.Locale.ROOT);
    EntityProject.Build build = project.build("-Ajmigrate.dialects=" + dialect, "-Xmaxwarns", "10000").assertOk();
    TreeSet<String> warnedTables = new TreeSet<>();
    TreeSet<String> warnedColumns = new TreeSet<>();
    Pattern warning = Pattern.compile("the (table|column) name (\\S+) is a keyword of " + dialect + " that Hibernate writes");
    for (String m : build.messages(javax.tools.Diagnostic.Kind.WARNING)) {
      Matcher x = warning.matcher(m);
      assertTrue(x.find(), m);
      (x.group(1).equals("table") ? warnedTables : warnedColumns).add(x.group(2));
    }
    String url = target.newDatabaseUrl(dir);
    try (URLClassLoader loader = build.loader()) {
      Hibernate.open(url, target, build.entityClasses(loader), loader, "create", Hibernate.Naming.SNAKE_CASE).close();
    }
    TreeSet<String> failedTables = new TreeSet<>();
    TreeSet<String> failedColumns = new TreeSet<>();
    try (Connection c = DriverManager.getConnection(url)) {
      List<String> catalog = Catalog.read(c, target);
      for (String w : WORDS) {
        if (catalog.stream().noneMatch(l -> l.equalsIgnoreCase("table " + w))) {
          failedTables.add(w);
        }
        if (catalog.stream().noneMatch(l -> l.equalsIgnoreCase("table c_" + w))) {
          failedColumns.add(w);
        }
      }
    }
    assertTrue(failedTables.contains("from"), "the names the export fails on: " + failedTables);
    assertEquals(failedTables, warnedTables, "tables");
    assertEquals(failedColumns, warnedColumns, "columns");
  }

  /**
   * Quoted as the warning says, the export and jmigrate's migration agree, and Hibernate's queries find the columns on
   * jmigrate's H2 database with DATABASE_TO_LOWER=TRUE (the tests' and the docs' setting). With H2's default folding
   * (upper case) jmigrate creates them upper case while Hibernate 7 quotes them lower case: validate passes, the
   * query fails, which is what the build's warning at each name says.
   */
  @Test
  void aQuotedKeywordIsNoWarningAndHibernateMakesItToo(@TempDir Path dir) throws Exception {
    List<String> warnings = setting(dir);
    assertEquals(2, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("the quoted column name value keeps its lower case in Hibernate's SQL"),
        warnings.toString());
  }

  /** The warnings of a build of Setting with quoted {@code value} and {@code key} columns, checked as above. */
  private static List<String> setting(Path dir) throws Exception {
    Path sources = Files.createDirectories(dir.resolve("entities/kw"));
    Files.writeString(sources.resolve("Setting.java"), """
        package kw;

        import jakarta.persistence.Column;
        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;

        @Entity
        public class Setting {
          @Id
          Long id;

          @Column(name = "\\"value\\"")
          String value;

          @Column(name = "\\"key\\"", nullable = false)
          String key;
        }
        """);
    EntityProject project = new EntityProject(dir.resolve("project"));
    project.useSources(List.of(dir.resolve("entities")));
    EntityProject.Build build = project.build("-Ajmigrate.dialects=h2").assertOk();
    String hibernateUrl = Target.H2.newDatabaseUrl(dir);
    String jmigrateUrl = Target.H2.newDatabaseUrl(dir);
    build.exportAndMigrate(Target.H2, hibernateUrl, jmigrateUrl);
    try (Connection h = DriverManager.getConnection(hibernateUrl);
        Connection j = DriverManager.getConnection(jmigrateUrl)) {
      List<String> got = Catalog.read(j, Target.H2);
      List<String> exported = Catalog.read(h, Target.H2);
      assertTrue(exported.stream().anyMatch(l -> l.equalsIgnoreCase("column setting.value character varying(255)")), exported.toString());
      assertEquals(KnownDifferences.accept(Target.H2, exported, got), got);
    }
    // Hibernate's queries on jmigrate's databases: the tests' H2 (DATABASE_TO_LOWER=TRUE, as docs/databases.md
    // recommends), and H2 as it folds names by default (upper case), where the quoted lower-case name is not what
    // jmigrate creates (checked with Hibernate 7: 6.6 makes of a quoted name what H2's folding makes of it).
    try (URLClassLoader loader = build.loader()) {
      List<Class<?>> classes = build.entityClasses(loader);
      try (org.hibernate.SessionFactory sf = Hibernate.open(jmigrateUrl, Target.H2, classes, loader, "validate",
          Hibernate.Naming.SNAKE_CASE)) {
        assertEquals(java.util.Map.of("Setting", 0), Rows.load(sf, classes));
      }
      if (Hibernate.major() >= 7) {
        String folding = "jdbc:h2:mem:kw_default_folding;DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(folding)) {
          build.migrator(loader).migrate(c);
        }
        try (org.hibernate.SessionFactory sf = Hibernate.open(folding, Target.H2, classes, loader, "validate",
            Hibernate.Naming.SNAKE_CASE)) { // validate passes: Hibernate compares names ignoring case
          org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> Rows.load(sf, classes),
              "the query finds no lower-case column");
        }
      }
    }
    return build.messages(javax.tools.Diagnostic.Kind.WARNING);
  }
}
