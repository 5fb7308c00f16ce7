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
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The keyword warning (see {@link KeywordNamesTest}) for every other name Hibernate writes unquoted: a to-one's join
 * column, a join table and its join column, a collection table, its join column and its value column, an
 * {@code @OrderColumn}, a {@code @MapKeyColumn}, a {@code @DiscriminatorColumn}, a sequence and a generator table.
 * For each kind, each word gets an entity of its own where only that name is the word; the build warns, at that
 * entity's file, for exactly the words whose table (or sequence) Hibernate's own {@code hbm2ddl=create} fails to make.
 */
class KeywordNamesEverywhereTest {
  /** Keywords of one database or another (MariaDB's function names among them), and plain words. */
  private static final List<String> WORDS = List.of("value", "key", "year", "month", "row", "user", "order", "end",
      "window", "index", "range", "position", "count", "sum", "values", "day", "limit", "title", "status", "name");

  /** A kind of name: the entities (by class name prefix) that hold it, and what must exist unless it failed. */
  private record Kind(String prefix, String build, Function<String, String> source, Function<String, String> made) {}

  private static String entity(String cls, String annotations, String body) {
    return "package kw;\nimport jakarta.persistence.*;\nimport java.util.*;\n" + annotations + "\npublic class " + cls
        + " {\n  @Id Long id;\n" + body + "\n}\n";
  }

  private static final List<Kind> KINDS = List.of(
      new Kind("JC_", "columns", w -> entity("JC_" + w, "@Entity @Table(name = \"jc_" + w + "\")",
          "  @ManyToOne @JoinColumn(name = \"" + w + "\") KwTarget t;"), w -> "table jc_" + w),
      new Kind("JJ_", "columns", w -> entity("JJ_" + w, "@Entity @Table(name = \"jj_" + w + "\")",
          "  @ManyToMany @JoinTable(name = \"jjt_" + w + "\", joinColumns = @JoinColumn(name = \"" + w + "\"))"
              + " Set<KwTarget> ts;"), w -> "table jjt_" + w),
      new Kind("CJ_", "columns", w -> entity("CJ_" + w, "@Entity @Table(name = \"cj_" + w + "\")",
          "  @ElementCollection @CollectionTable(name = \"cjt_" + w + "\", joinColumns = @JoinColumn(name = \"" + w
              + "\")) Set<String> s;"), w -> "table cjt_" + w),
      new Kind("CV_", "columns", w -> entity("CV_" + w, "@Entity @Table(name = \"cv_" + w + "\")",
          "  @ElementCollection @CollectionTable(name = \"cvt_" + w + "\") @Column(name = \"" + w + "\") Set<String> s;"),
          w -> "table cvt_" + w),
      new Kind("OC_", "columns", w -> entity("OC_" + w, "@Entity @Table(name = \"oc_" + w + "\")",
          "  @ElementCollection @CollectionTable(name = \"oct_" + w + "\") @OrderColumn(name = \"" + w + "\")"
              + " List<String> s;"), w -> "table oct_" + w),
      new Kind("MK_", "columns", w -> entity("MK_" + w, "@Entity @Table(name = \"mk_" + w + "\")",
          "  @ElementCollection @CollectionTable(name = \"mkt_" + w + "\") @MapKeyColumn(name = \"" + w + "\")"
              + " Map<String, String> m;"), w -> "table mkt_" + w),
      new Kind("DC_", "columns", w -> entity("DC_" + w, "@Entity @Table(name = \"dc_" + w + "\")"
          + " @DiscriminatorColumn(name = \"" + w + "\")", "") + "@Entity class DS_" + w + " extends DC_" + w + " {}\n",
          w -> "table dc_" + w),
      new Kind("JT_", "join tables", w -> entity("JT_" + w, "@Entity @Table(name = \"jt_" + w + "\")",
          "  @ManyToMany @JoinTable(name = \"" + w + "\") Set<KwTarget> ts;"), w -> "table " + w),
      new Kind("CT_", "collection tables", w -> entity("CT_" + w, "@Entity @Table(name = \"ct_" + w + "\")",
          "  @ElementCollection @CollectionTable(name = \"" + w + "\") Set<String> s;"), w -> "table " + w),
      new Kind("TG_", "generator tables", w -> "package kw;\nimport jakarta.persistence.*;\n@Entity @Table(name = \"tg_"
          + w + "\")\npublic class TG_" + w + " {\n  @Id @GeneratedValue(strategy = GenerationType.TABLE, generator ="
          + " \"g\") @TableGenerator(name = \"g\", table = \"" + w + "\") Long id;\n}\n", w -> "table " + w),
      new Kind("SQ_", "sequences", w -> "package kw;\nimport jakarta.persistence.*;\n@Entity @Table(name = \"sq_" + w
          + "\")\npublic class SQ_" + w + " {\n  @Id @GeneratedValue(generator = \"s\") @SequenceGenerator(name = \"s\","
          + " sequenceName = \"" + w + "\") Long id;\n}\n", w -> "sequence " + w));

  @ParameterizedTest
  @EnumSource(value = Target.class, names = {"POSTGRESQL", "H2", "MARIADB"})
  void theWarningsAreTheNamesHibernatesExportFailsOn(Target target, @TempDir Path dir) throws Exception {
    String dialect = target.name().toLowerCase(Locale.ROOT);
    Pattern warning = Pattern.compile("^([A-Z]{2}_)\\S+\\.java:\\d+: the ([a-z ]+?) name (\\S+) is a keyword of "
        + dialect + " that Hibernate writes unquoted");
    List<String> problems = new ArrayList<>();
    for (String group : KINDS.stream().map(Kind::build).distinct().toList()) {
      Path sources = Files.createDirectories(dir.resolve(group.replace(' ', '_') + "/entities/kw"));
      Files.writeString(sources.resolve("KwTarget.java"), "package kw;\nimport jakarta.persistence.*;\n"
          + "@Entity @Table(name = \"kw_target\")\npublic class KwTarget {\n  @Id Long id;\n}\n");
      List<Kind> kinds = KINDS.stream().filter(k -> k.build.equals(group)).toList();
      for (Kind k : kinds) {
        for (String w : WORDS) {
          Files.writeString(sources.resolve(k.prefix + w + ".java"), k.source.apply(w));
        }
      }
      EntityProject project = new EntityProject(dir.resolve(group.replace(' ', '_') + "/project"));
      project.useSources(List.of(sources.getParent()));
      EntityProject.Build build = project.build("-Ajmigrate.dialects=" + dialect, "-Xmaxwarns", "10000").assertOk();
      Map<String, TreeSet<String>> warned = new java.util.TreeMap<>();
      for (String m : build.messages(javax.tools.Diagnostic.Kind.WARNING)) {
        Matcher x = warning.matcher(m);
        assertTrue(x.find(), m);
        warned.computeIfAbsent(x.group(1), p -> new TreeSet<>()).add(x.group(3));
      }
      String url = target.newDatabaseUrl(dir);
      try (URLClassLoader loader = build.loader()) {
        Hibernate.open(url, target, build.entityClasses(loader), loader, "create", Hibernate.Naming.SNAKE_CASE).close();
      }
      try (Connection c = DriverManager.getConnection(url)) {
        List<String> catalog = Catalog.read(c, target);
        for (Kind k : kinds) {
          TreeSet<String> failed = new TreeSet<>();
          for (String w : WORDS) {
            String made = k.made.apply(w);
            if (catalog.stream().noneMatch(l -> l.equalsIgnoreCase(made) || l.toLowerCase(Locale.ROOT)
                .startsWith(made.toLowerCase(Locale.ROOT) + " "))) {
              failed.add(w);
            }
          }
          TreeSet<String> got = warned.getOrDefault(k.prefix, new TreeSet<>());
          if (!failed.equals(got)) {
            problems.add(k.prefix + " (" + group + "): Hibernate's export fails on " + failed + ", warned: " + got);
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }
}
