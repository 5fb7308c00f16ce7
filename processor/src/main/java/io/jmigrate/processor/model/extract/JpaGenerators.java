package io.jmigrate.processor.model.extract;

import static io.jmigrate.processor.model.extract.Annotations.explicit;

import io.jmigrate.processor.model.ColumnDeclaration;
import io.jmigrate.processor.model.JavaType;
import io.jmigrate.processor.model.Origin;
import io.jmigrate.processor.model.Problem;
import io.jmigrate.processor.model.SequenceDeclaration;
import io.jmigrate.processor.model.TableDeclaration;
import io.jmigrate.processor.model.TableDeclaration.Shape;
import io.jmigrate.schema.ColumnType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;

/**
 * What Hibernate 7 makes for a key's {@code @GeneratedValue} other than {@code IDENTITY}, measured
 * against its own schema export:
 *
 * <ul>
 *   <li>{@code AUTO} (the default) and {@code SEQUENCE} on a number: a sequence. Without a generator,
 *       {@code <table>_SEQ} (the hierarchy root's table as Hibernate names it, after its physical naming:
 *       Hibernate's {@code implicit_name_base}, 6.6 and 7 alike) through the naming again ({@code owner_seq};
 *       {@code @Table(name = "things")}: {@code things_seq}),
 *       starting at 1, increment 50. {@code generator = "g"} names a {@code @SequenceGenerator(name = "g")}
 *       on the field, its class, the entity or a superclass, or the package; its {@code sequenceName}
 *       (else {@code g}) through the naming, {@code initialValue} (1) and {@code allocationSize} (50). A
 *       name no generator declares is the sequence's name. An unnamed {@code @SequenceGenerator} there
 *       serves a {@code @GeneratedValue} without {@code generator}. Entities that share a sequence must
 *       agree on its start and increment (Hibernate refuses them too).
 *   <li>{@code TABLE}: a table of rows {@code (sequence_name varchar(255) primary key, next_val bigint)}:
 *       {@code hibernate_sequences} without a generator, else the {@code @TableGenerator}'s {@code table}
 *       (by default the generator's name) through the naming, {@code pkColumnName} and
 *       {@code valueColumnName} as written (Hibernate's naming strategy does not see them); and its rows, one per segment
 *       ({@code pkColumnValue}, else {@code default}) starting at {@code initialValue} (0 by default), as the export inserts them.
 * </ul>
 *
 * A sequence on SQLite, which has none, is the one-row table Hibernate makes there too.
 */
final class JpaGenerators {
  /** The JPA annotations read here: not reported as unread. */
  static final Set<String> READ = Set.of("SequenceGenerator", "SequenceGenerators", "TableGenerator", "TableGenerators");

  private static final JavaType STRING = JavaType.of("java.lang.String", ColumnType.STRING);
  private static final JavaType LONG = JavaType.of("java.lang.Long", ColumnType.BIGINT);

  private final Annotations annotations;
  private final JpaNaming naming;
  private final List<Problem> problems;
  /** The databases of a target that keeps unquoted capitals, or null. */
  private String keepingCapitals;
  /** Whether sequence and generator table names keep their capitals (see {@link JpaNaming#keepsCapitals}). */
  private boolean keepCapitals;
  /** Whether this build warned of a name with capitals and no target dialects (once a build). */
  private boolean warnedCapitals;
  /** The target dialects. */
  private List<String> targets = List.of();
  private final List<SequenceDeclaration> sequences = new ArrayList<>();
  private final Map<String, TableDeclaration> tables = new LinkedHashMap<>();
  /** Generator table → segment → the value its row starts with. */
  private final Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
  /** The Hibernate whose names are reproduced (its snake_case rule differs). */
  HibernateLine line = HibernateLine.V7;

  JpaGenerators(Annotations annotations, JpaNaming naming, List<Problem> problems) {
    this.annotations = annotations;
    this.naming = naming;
    this.problems = problems;
  }

  /** With a target dialect that keeps an unquoted name's capitals (MariaDB), where a sequence's name keeps them. */
  JpaGenerators targets(List<String> dialects) {
    this.keepingCapitals = JpaNaming.keepingCapitals(dialects);
    this.keepCapitals = naming.keepsCapitals(dialects);
    this.targets = dialects;
    return this;
  }

  void clear() {
    warnedCapitals = false;
    sequences.clear();
    tables.clear();
    rows.clear();
  }

  /** The rows Hibernate's export inserts into the generator tables: table → segment → first value. */
  Map<String, Map<String, Long>> rows() {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    rows.forEach((t, r) -> out.put(t, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(r))));
    return java.util.Collections.unmodifiableMap(out);
  }

  /**
   * The sequences; a rename from the lower-case name (see {@link #sequence}) yields to a rename the project declares for
   * the same sequence ({@code @Sequence(renamedFrom)}).
   */
  List<SequenceDeclaration> sequences() {
    List<SequenceDeclaration> out = new ArrayList<>();
    for (SequenceDeclaration q : sequences) {
      boolean fromLowerCase = q.renamedFrom() != null && q.renamedFrom().equals(q.name().toLowerCase(java.util.Locale.ROOT));
      boolean declared = fromLowerCase && sequences.stream().anyMatch(o -> o != q && o.name().equals(q.name())
          && o.renamedFrom() != null && !o.renamedFrom().equals(q.renamedFrom()));
      out.add(declared ? new SequenceDeclaration(q.name(), q.start(), q.increment(), null, q.origin()) : q);
    }
    return List.copyOf(out);
  }

  /** The generator tables, each once. */
  List<TableDeclaration> tables() {
    return List.copyOf(tables.values());
  }

  /**
   * Records what the key's generator needs ({@code strategy} AUTO, SEQUENCE or TABLE, on a number);
   * false when it is not one of those, for the caller to refuse.
   *
   * @param f the key field
   * @param g its {@code @GeneratedValue}
   * @param root the entity at the root of the field's hierarchy, whose table the implicit sequence is named after
   * @param rootEntityName that entity's name
   */
  boolean generated(Element f, AnnotationMirror g, String strategy, ColumnDeclaration c, TypeElement root,
      String rootEntityName) {
    String implicit = implicitBase(root, rootEntityName) + "_SEQ";
    String generator = annotations.string(g, "generator");
    Origin at = Origin.of(f, g).with("s", g, explicit(g, "strategy")).of("s");
    if (!strategy.equals("AUTO") && !strategy.equals("SEQUENCE") && !strategy.equals("TABLE")) {
      return false;
    }
    AnnotationMirror hibernate = generator.isEmpty() ? null : hibernateGenerator(f, root, generator);
    if (hibernate != null) {
      // The error says it: no "does not read @GenericGenerator" warning besides it (read before the key).
      problems.removeIf(p -> p.warning() && p.element() == f && p.annotation() != null
          && Jpa.qualifiedName(p.annotation()).startsWith(Jpa.HIBERNATE + "GenericGenerator"));
      problems.add(Problem.error(Origin.of(f, g).with("g", g, explicit(g, "generator")).of("g"), "jmigrate does not map"
          + " Hibernate's @GenericGenerator (generator = \"" + generator + "\"): its strategy decides what the database"
          + " needs; use a @SequenceGenerator or @TableGenerator of that name, or IDENTITY"));
      return true;
    }
    Declared d = find(f, root, generator, strategy);
    if (d == null && !generator.isEmpty() && !strategy.equals("TABLE")) {
      // A name no generator declares is the sequence's own name (Hibernate 6+).
      sequence(physical(generator, at), 1, 50, at);
      return true;
    }
    if (strategy.equals("TABLE") || (d != null && d.table())) {
      table(d, c, root, at);
      return true;
    }
    if (d == null) {
      implicitSequence(implicit, rootEntityName, at);
      return true;
    }
    AnnotationMirror m = d.mirror();
    if (!annotations.string(m, "schema").isEmpty() || !annotations.string(m, "catalog").isEmpty()) {
      problems.add(Problem.error(Origin.of(d.at(), m), "jmigrate migrates one schema, the connection's: remove "
          + "schema and catalog from the @SequenceGenerator"));
      return true;
    }
    String name = annotations.string(m, "sequenceName");
    Object initial = annotations.value(m, "initialValue");
    Object allocation = annotations.value(m, "allocationSize");
    long start = initial == null ? 1 : ((Number) initial).longValue();
    long increment = allocation == null ? 50 : ((Number) allocation).longValue();
    if (name.isEmpty() && d.name().isEmpty()) {
      String physical = physical(implicit, Origin.of(d.at(), m));
      sequences.add(new SequenceDeclaration(physical, start, increment, formerImplicit(physical, rootEntityName),
          Origin.of(d.at(), m)));
      return true;
    }
    sequence(physical(!name.isEmpty() ? name : d.name(), Origin.of(d.at(), m)), start, increment, Origin.of(d.at(), m));
    return true;
  }

  /**
   * The base of Hibernate's implicit sequence name: the root table's name as Hibernate holds it, which its physical
   * naming strategy has seen ({@code CamelCaseToUnderscoresNamingStrategy}: lower case with underscores;
   * Hibernate's default: as written, {@code Cargo}), quotes removed. The {@code _SEQ} name then goes through the
   * physical naming again, as a sequence name.
   */
  private String implicitBase(TypeElement root, String rootEntityName) {
    String given = annotations.string(Jpa.mirror(root, "Table"), "name");
    String logical = given.isEmpty() ? rootEntityName : given;
    if (logical.length() > 1 && (logical.charAt(0) == '`' || logical.charAt(0) == '"')
        && logical.charAt(logical.length() - 1) == logical.charAt(0)) {
      return logical.substring(1, logical.length() - 1);
    }
    return naming == JpaNaming.SNAKE_CASE ? naming.physical(logical, line) : logical;
  }

  /** The implicit sequence, renamed from the name jmigrate gave it before 0.2.0 when that differs. */
  private void implicitSequence(String logical, String rootEntityName, Origin at) {
    String physical = physical(logical, at);
    sequences.add(new SequenceDeclaration(physical, 1, 50, formerImplicit(physical, rootEntityName), at));
  }

  /**
   * jmigrate before 0.2.0 named the implicit sequence after the root entity ({@code <entity>_seq}), as Hibernate
   * does not: where that differs from Hibernate's name, the new name is a rename of the old one (keeping its
   * value), which the diff applies only when the previous snapshot has the old name and the models do not.
   */
  private String formerImplicit(String physical, String rootEntityName) {
    String former = naming.physical(rootEntityName + "_SEQ", line);
    return former.equals(physical) ? null : former;
  }

  /** jmigrate's {@code @Sequence} on an entity or its fields: a sequence of its own (one {@code inspect --jpa} kept). */
  void declared(TypeElement entity, String table) {
    sequences.addAll(JmigrateExtractor.declaredSequences(annotations, entity, table));
  }

  /**
   * The sequence's name through the naming. With {@code jpa} naming a name with capitals keeps them when every target
   * keeps them (MariaDB), and is an error when the targets mix those with ones that fold it (as for tables):
   * Hibernate writes it unquoted ({@code Owner_SEQ}), which MariaDB keeps as written while PostgreSQL and H2 fold
   * it, so no one name serves both. Without target dialects, a warning (once a build).
   */
  private String physical(String logical, Origin at) {
    return physical(logical, at, "sequence", "@SequenceGenerator(sequenceName = \"%s\")");
  }

  /** A sequence's or generator table's name ({@code kind}); {@code fix} names it in lower case ({@code %s}). */
  private String physical(String logical, Origin at, String kind, String fix) {
    String name = naming.table(logical, keepCapitals, line);
    Problem keyword = HibernateKeywords.warning(targets, kind, logical, name, at, fix.replace("%s", "\\\"%s\\\""));
    if (keyword != null && !problems.contains(keyword)) {
      problems.add(keyword);
    }
    if (naming == JpaNaming.JPA && !keepCapitals && !logical.startsWith("`") && !logical.startsWith("\"")
        && !logical.equals(logical.toLowerCase(java.util.Locale.ROOT))) {
      if (targets.isEmpty()) {
        capitalsWithoutTargets(kind, logical, name, at);
      } else if (keepingCapitals != null) {
        problems.add(Problem.error(at, JpaNaming.capitalsReason(targets, kind, logical, name)
            + ". Give it a lower-case name (" + fix.replace("%s", name) + "), use"
            + " -Ajmigrate.naming=snake_case, or build for " + keepingCapitals + " alone (-Ajmigrate.dialects="
            + String.join(",", JpaNaming.keepingTargets(targets)) + ")"));
      }
    }
    return name;
  }

  /**
   * With {@code jpa} naming and no {@code -Ajmigrate.dialects}, a table or sequence name with capitals that Hibernate
   * writes unquoted: jmigrate creates it in lower case, as PostgreSQL and H2 fold it, but on MariaDB and MySQL
   * Hibernate's name keeps its capitals (table names are case-sensitive on Linux) and is another table. The build
   * cannot know the database: a warning at the first such name of the build, naming the option.
   */
  void capitalsWithoutTargets(String kind, String logical, String physical, Origin at) {
    if (warnedCapitals) {
      return;
    }
    warnedCapitals = true;
    problems.add(new Problem(at.element(), "with -Ajmigrate.naming=jpa Hibernate names this " + kind + " " + logical
        + ", unquoted, and jmigrate creates " + physical + ", as PostgreSQL and H2 fold it; on MariaDB and MySQL"
        + " Hibernate's name keeps its capitals (table names are case-sensitive on Linux) and does not find " + physical
        + ". Name the target databases with -Ajmigrate.dialects (mariadb: jmigrate keeps Hibernate's capitals;"
        + " postgresql or h2: lower case, as now). Said once, for the first table or sequence name with capitals",
        true, at.annotation(), at.value()));
  }

  /**
   * A named sequence. One whose capitals are kept (MariaDB the only target) is a rename of its lower-case name, the one
   * jmigrate gave it before (without target dialects, or before 0.2.0), so that a project that now names
   * {@code mariadb} keeps its next value: the diff renames only when the previous snapshot has the lower-case name and
   * the models do not.
   */
  private void sequence(String name, long start, long increment, Origin at) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    sequences.add(new SequenceDeclaration(name, start, increment, keepCapitals && !lower.equals(name) ? lower : null,
        at));
  }

  /** The segment table: its key column (the segment's name) and the next value. */
  private void table(Declared d, ColumnDeclaration key, TypeElement root, Origin at) {
    AnnotationMirror m = d == null ? null : d.mirror();
    if (m != null && (!annotations.string(m, "schema").isEmpty() || !annotations.string(m, "catalog").isEmpty())) {
      problems.add(Problem.error(Origin.of(d.at(), m), "jmigrate migrates one schema, the connection's: remove "
          + "schema and catalog from the @TableGenerator"));
      return;
    }
    String table = m == null ? "hibernate_sequences" : or(or(annotations.string(m, "table"), d.name()), "hibernate_sequences");
    String pk = m == null ? "sequence_name" : or(annotations.string(m, "pkColumnName"), "sequence_name");
    String value = m == null ? "next_val" : or(annotations.string(m, "valueColumnName"), "next_val");
    Origin origin = m == null ? Origin.of(root) : Origin.of(root, m);
    String name = physical(table, m == null ? origin : Origin.of(d.at(), m), "generator table",
        "@TableGenerator(table = \"%s\")");
    List<ColumnDeclaration> columns = List.of(
        new ColumnDeclaration(asWritten(pk), true, pk, "", STRING, true, false, false, 255, 0, 0, false,
            null, null, null, null, false, origin),
        new ColumnDeclaration(asWritten(value), true, value, "", LONG, false, false, true, 0, 0, 0, false,
            null, null, null, null, false, origin));
    TableDeclaration t = new TableDeclaration(root.getQualifiedName().toString(), root.getSimpleName().toString(),
        name, true, Shape.CLASS, columns, List.of(), null, List.of(), List.of(), origin);
    // The segment's row, as Hibernate's export inserts it: pkColumnValue (else "default") and initialValue.
    String segment = m == null ? "default" : or(annotations.string(m, "pkColumnValue"), "default");
    Object initial = m == null ? null : annotations.value(m, "initialValue");
    rows.computeIfAbsent(name, x -> new LinkedHashMap<>())
        .putIfAbsent(segment, initial == null ? 0L : ((Number) initial).longValue());
    TableDeclaration was = tables.putIfAbsent(name, t);
    if (was != null && !columnNames(was).equals(columnNames(t))) {
      problems.add(Problem.error(at, "the generator table " + name + " is declared with the columns "
          + columnNames(was) + " and " + columnNames(t) + "; one table has one shape: make the generators agree"));
    }
  }

  /**
   * A generator table's column name: Hibernate writes {@code pkColumnName} and {@code valueColumnName}
   * without its physical naming strategy (measured: {@code genName} stays {@code genName}), unquoted, so
   * the database folds it to lower case; a quoted one keeps its case.
   */
  private static String asWritten(String name) {
    if (name.length() > 1 && (name.charAt(0) == '`' || name.charAt(0) == '"') && name.endsWith(name.substring(0, 1))) {
      return name.substring(1, name.length() - 1);
    }
    return name.toLowerCase(java.util.Locale.ROOT);
  }

  private static List<String> columnNames(TableDeclaration t) {
    return t.columns().stream().map(ColumnDeclaration::name).toList();
  }

  private static String or(String given, String otherwise) {
    return given.isEmpty() ? otherwise : given;
  }

  /** A generator annotation and where it is written. */
  private record Declared(AnnotationMirror mirror, Element at, String name, boolean table) {}

  /**
   * The generator {@code name} declares (or, for an empty name, the unnamed one of the strategy's kind),
   * looked up as Hibernate does: the field, its class, the entity and its superclasses, the package.
   */
  private Declared find(Element field, TypeElement root, String name, String strategy) {
    List<Element> scopes = new ArrayList<>();
    scopes.add(field);
    scopes.add(field.getEnclosingElement());
    for (TypeElement t = root; t != null; t = superclass(t)) {
      scopes.add(t);
    }
    Element p = root;
    while (p != null && !(p instanceof PackageElement)) {
      p = p.getEnclosingElement();
    }
    if (p != null) {
      scopes.add(p);
    }
    for (Element scope : scopes) {
      for (boolean table : new boolean[] {false, true}) {
        String single = table ? "TableGenerator" : "SequenceGenerator";
        for (AnnotationMirror m : Jpa.repeated(annotations, scope, single, single + "s")) {
          String declared = annotations.string(m, "name");
          boolean fits = name.isEmpty() ? declared.isEmpty() && table == strategy.equals("TABLE") : declared.equals(name);
          if (fits) {
            return new Declared(m, scope, declared, table);
          }
        }
      }
    }
    return null;
  }

  /** Hibernate's {@code @GenericGenerator} of that name where a JPA generator would be looked up, or null. */
  private AnnotationMirror hibernateGenerator(Element field, TypeElement root, String name) {
    List<Element> scopes = new ArrayList<>(List.of(field, field.getEnclosingElement()));
    for (TypeElement t = root; t != null; t = superclass(t)) {
      scopes.add(t);
    }
    for (Element scope : scopes) {
      for (AnnotationMirror m : annotations.repeated(scope, Jpa.HIBERNATE + "GenericGenerator",
          Jpa.HIBERNATE + "GenericGenerators")) {
        if (annotations.string(m, "name").equals(name)) {
          return m;
        }
      }
    }
    return null;
  }

  private static TypeElement superclass(TypeElement t) {
    if (t.getSuperclass().getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement s = (TypeElement) ((DeclaredType) t.getSuperclass()).asElement();
    return s.getQualifiedName().contentEquals("java.lang.Object") ? null : s;
  }
}
