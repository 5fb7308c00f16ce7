package io.jmigrate.processor.model.extract;

import static io.jmigrate.processor.model.extract.Annotations.explicit;
import static io.jmigrate.processor.model.extract.Annotations.track;

import io.jmigrate.processor.model.ColumnDeclaration;
import io.jmigrate.processor.model.ForeignKeyDeclaration;
import io.jmigrate.processor.model.IndexDeclaration;
import io.jmigrate.processor.model.JavaType;
import io.jmigrate.processor.model.Origin;
import io.jmigrate.processor.model.Problem;
import io.jmigrate.processor.model.TableDeclaration;
import io.jmigrate.processor.model.TableDeclaration.Shape;
import io.jmigrate.processor.model.extract.JpaColumns.Scope;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.schema.ReferentialAction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Reads JPA entities ({@code jakarta.persistence} or {@code javax.persistence}) into the same
 * declarations jmigrate's own annotations give, column for column as Hibernate 7 builds them
 * ({@code hbm2ddl=create}); constraint names are jmigrate's. What it does not map is a javac
 * error (or, where Hibernate adds nothing to the schema either, a warning) at the element, never
 * a silently missing column. jmigrate's {@code @RenamedFrom}, {@code @Drop} and {@code @Narrow}
 * work on entities and their fields.
 *
 * <p>Two passes: first each table's own columns (keys, basic and embedded attributes), so that
 * every key is known; then the columns and tables that reference keys (to-one join columns, a
 * one-to-many's join column in the child table, join tables, collection tables).
 */
public final class JpaExtractor implements Extractor {
  /** Class-level JPA annotations that shape no column, or that this class reads. */
  private static final Set<String> TYPE_ANNOTATIONS = Set.of("Entity", "Table", "Inheritance", "DiscriminatorColumn",
      "DiscriminatorValue", "IdClass", "AttributeOverride", "AttributeOverrides", "NamedQuery", "NamedQueries",
      "NamedNativeQuery", "NamedNativeQueries", "NamedEntityGraph", "NamedEntityGraphs", "EntityListeners",
      "ExcludeDefaultListeners", "ExcludeSuperclassListeners", "Cacheable", "SqlResultSetMapping",
      "SqlResultSetMappings", "PrimaryKeyJoinColumn", "Access", "NamedStoredProcedureQuery",
      "NamedStoredProcedureQueries", "MappedSuperclass", "Embeddable");
  /** Field-level JPA annotations this class reads, or that shape no column. */
  private static final Set<String> FIELD_ANNOTATIONS = Set.of("Id", "GeneratedValue", "EmbeddedId", "Column", "Basic",
      "Enumerated", "Temporal", "Version", "ManyToOne", "OneToOne", "OneToMany", "ManyToMany", "JoinColumn",
      "JoinColumns", "JoinTable", "ElementCollection", "CollectionTable", "Embedded", "AttributeOverride",
      "AttributeOverrides", "Convert", "OrderBy", "Lob", "Access");
  /** The Java type of a list's {@code @OrderColumn}: an int, which Hibernate 7 checks {@code >= 0}. */
  static final String LIST_INDEX = "int (a list's index)";

  /** Hibernate's annotations read elsewhere, or that change no column (read as nothing): no warning. */
  private static final Set<String> HIBERNATE_HARMLESS = Set.of("OnDelete", "Formula", "NaturalId", "ColumnDefault", "CreationTimestamp",
      "UpdateTimestamp", "BatchSize", "Fetch", "Cache", "Cascade", "DynamicInsert", "DynamicUpdate", "Immutable",
      "SQLRestriction", "Where", "SQLDelete", "NotFound", "LazyGroup", "OptimisticLock", "NaturalIdCache",
      "CurrentTimestamp", "SoftDelete", "Nationalized",
      "Comment"); // read by JpaColumns for a basic column (its comment); on an association, left out as before

  private final JpaNaming naming;
  private final Types types;
  private final List<String> targets;
  private final Map<String, TypeElement> autoApply = new HashMap<>();
  private final Annotations annotations = new Annotations();
  private final List<Problem> problems = new ArrayList<>();
  private final JpaColumns columns;
  private final JpaGenerators generators;

  private final Map<String, Entity> entities = new LinkedHashMap<>();
  private final Map<String, Table> tables = new LinkedHashMap<>();
  /** The mapped superclasses already warned about (several entities may extend one). */
  private final Set<String> warnedSuperclasses = new java.util.HashSet<>();

  /** One entity class: its names, its place in a hierarchy. */
  private static final class Entity {
    final TypeElement type;
    final String entityName;
    Entity parent;

    Entity(TypeElement type, String entityName) {
      this.type = type;
      this.entityName = entityName;
    }

    Entity root() {
      return parent == null ? this : parent.root();
    }

    String qualifiedName() {
      return type.getQualifiedName().toString();
    }
  }

  /** A table being assembled: an entity's, or a join or collection table that belongs to one. */
  private static final class Table {
    final String className;
    final String simpleName;
    final String name;
    final boolean nameGiven;
    final TypeElement owner;
    Origin origin;
    final List<ColumnDeclaration> columns = new ArrayList<>();
    final List<IndexDeclaration> indexes = new ArrayList<>();
    String renamedFrom;
    final List<String> dropColumns = new ArrayList<>();
    final List<String> dropTables = new ArrayList<>();
    String primaryKeyName = "";
    /** This table's own collation (jmigrate's {@code @Table(collation)}); null: the entities' default. */
    String collation;
    /** Columns only a read-only attribute maps so far ({@code insertable = false, updatable = false}). */
    final Set<String> readOnly = new java.util.HashSet<>();

    Table(String className, String simpleName, String name, boolean nameGiven, TypeElement owner) {
      this.className = className;
      this.simpleName = simpleName;
      this.name = name;
      this.nameGiven = nameGiven;
      this.owner = owner;
      this.origin = Origin.of(owner);
    }

    List<ColumnDeclaration> key() {
      return columns.stream().filter(ColumnDeclaration::id).toList();
    }

    ColumnDeclaration column(String name) {
      return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * Adds a column, unless a second attribute maps it read-only ({@code insertable = false, updatable =
     * false}, as Hibernate asks for a column mapped twice): one column, the writable attribute's.
     */
    void place(ColumnDeclaration c, boolean readOnlyAttribute) {
      ColumnDeclaration mapped = column(c.name());
      if (mapped == null) {
        columns.add(c);
        if (readOnlyAttribute) {
          readOnly.add(c.name());
        }
      } else if (readOnly.contains(c.name()) && !readOnlyAttribute) {
        columns.set(columns.indexOf(mapped), c);
        readOnly.remove(c.name());
      } else if (!readOnlyAttribute) {
        columns.add(c); // mapped twice, both writable: reported as a duplicate column, as Hibernate refuses it
      }
    }

    TableDeclaration declaration(String defaultCollation, HibernateLine line) {
      // The key first, in the order Hibernate gives a key's columns, then the rest as declared.
      List<ColumnDeclaration> ordered = new ArrayList<>(key());
      ordered.sort(Comparator.comparingInt((ColumnDeclaration c) -> Math.max(physicalSize(c), 4))
          .thenComparing(c -> physicalSize(c) > 2048).thenComparing(ColumnDeclaration::name));
      columns.stream().filter(c -> !c.id()).forEach(ordered::add);
      return new TableDeclaration(className, simpleName, name, nameGiven, Shape.CLASS, ordered, indexes, renamedFrom,
          dropColumns, dropTables, origin, primaryKeyName, true, collation != null ? collation : defaultCollation,
          checks(ordered, line));
    }

    /**
     * The checks Hibernate 7 makes: a list's order column {@code >= 0}; a discriminator in its hierarchy's values; for each enum it stores itself (a
     * column's or a map key's), {@code c in ('A','B')} by name (a
     * column check on PostgreSQL; H2's and MariaDB's ENUM type holds the same values there, which
     * jmigrate's VARCHAR holds through the check), {@code c between 0 and n} by ordinal; and the table's
     * {@code @org.hibernate.annotations.Check}s. Named as PostgreSQL names Hibernate's unnamed ones
     * ({@code <table>_<column>_check}, {@code <table>_check}), so a database Hibernate made validates.
     */
    private List<io.jmigrate.processor.model.CheckDeclaration> checks(List<ColumnDeclaration> ordered, HibernateLine line) {
      List<io.jmigrate.processor.model.CheckDeclaration> out = new ArrayList<>();
      java.util.Set<String> names = new java.util.TreeSet<>();
      for (ColumnDeclaration c : ordered) {
        List<String> constants = c.javaType().enumConstants();
        String expression;
        boolean discriminator = c.javaType().name().equals("discriminator");
        if (c.javaType().name().equals(LIST_INDEX) && line.checksOrderAndDiscriminator()) {
          expression = c.name() + " >= 0";
        } else if (constants == null || constants.isEmpty() || (discriminator && !line.checksOrderAndDiscriminator())
            || c.javaType().columnType() == io.jmigrate.schema.ColumnType.ENUM) { // a PostgreSQL enum type holds its values
          continue;
        } else {
          boolean numbers = c.javaType().columnType() == io.jmigrate.schema.ColumnType.INTEGER; // a discriminator's
          expression = c.javaType().columnType() == io.jmigrate.schema.ColumnType.SMALLINT
              ? c.name() + " between 0 and " + (constants.size() - 1)
              : c.name() + " in (" + String.join(",", constants.stream().map(k -> numbers ? k : "'" + k.replace("'", "''") + "'").toList()) + ")";
        }
        String checkName = name + "_" + c.name() + "_check";
        checkName = checkName.length() <= 63 ? checkName : io.jmigrate.schema.Names.constraintName("ck", name, List.of(c.name()));
        if (names.add(checkName)) {
          out.add(new io.jmigrate.processor.model.CheckDeclaration(expression, checkName, out.size() + 1, c.origin()));
        }
      }
      int unnamed = 0;
      Annotations annotations = new Annotations();
      List<AnnotationMirror> declared = owner == null || !owner.getQualifiedName().contentEquals(className) ? List.of()
          : annotations.repeated(owner, Jpa.HIBERNATE + "Check", Jpa.HIBERNATE + "Checks");
      for (AnnotationMirror check : declared) {
        String given = annotations.string(check, "name");
        String checkName = !given.isEmpty() ? given : name + "_check" + (unnamed++ == 0 ? "" : String.valueOf(unnamed - 1));
        if (names.add(checkName)) {
          out.add(new io.jmigrate.processor.model.CheckDeclaration(annotations.string(check, "constraints"), checkName,
              out.size() + 1, Origin.of(owner, check)));
        }
      }
      return out;
    }
  }

  /**
   * The size Hibernate's {@code ColumnOrderingStrategyStandard} gives a column's type, by which (at
   * least 4, then above 2048 or not, then the name) it orders the columns of a primary key. A text
   * or binary column of the default length counts as the database's longest.
   */
  static int physicalSize(ColumnDeclaration c) {
    return switch (c.javaType().columnType()) {
      case BOOLEAN -> 1;
      case SMALLINT -> 2;
      case INTEGER, REAL, DOUBLE, DATE, TIME -> 4; // float(53) is 7 bytes of decimal digits, rounded: 2
      case BIGINT, TIMESTAMP, TIMESTAMP_TZ -> 8;
      case UUID -> 16;
      case DECIMAL -> (int) Math.ceil((c.precision() == 0 ? 38 : c.precision()) / (Math.log(10) / Math.log(2) * 8));
      case STRING, BINARY, CLOB, LONG_TEXT, BLOB -> c.length() == 255 || c.length() == 0 ? Integer.MAX_VALUE / 2 : c.length();
      case CHAR -> Math.max(c.length(), 1);
      case JSON, STRING_ARRAY, INTEGER_ARRAY, BIGINT_ARRAY, ENUM -> Integer.MAX_VALUE / 2;
    };
  }

  public JpaExtractor(JpaNaming naming) {
    this(naming, List.of());
  }

  /** With the {@code @Converter(autoApply = true)} classes of the compilation, which apply to their type everywhere. */
  public JpaExtractor(JpaNaming naming, Collection<TypeElement> converters) {
    this(naming, converters, null);
  }

  /** With javac's type utilities, which resolve the type variables of generic mapped superclasses ({@code ID id}). */
  public JpaExtractor(JpaNaming naming, Collection<TypeElement> converters, Types types) {
    this(naming, converters, types, List.of());
  }

  /** … and the target dialects ({@code -Ajmigrate.dialects}), for what one of them reads differently. */
  public JpaExtractor(JpaNaming naming, Collection<TypeElement> converters, Types types, List<String> targets) {
    this(naming, converters, types, targets, false);
  }

  /**
   * … and whether Hibernate will apply Bean Validation constraints ({@code @NotNull}, {@code @Size}, …)
   * to the schema, as it does when a validator is on the class path at run time.
   */
  public JpaExtractor(JpaNaming naming, Collection<TypeElement> converters, Types types, List<String> targets,
      boolean beanValidation) {
    this.naming = naming;
    this.targets = List.copyOf(targets);
    this.generators = new JpaGenerators(annotations, naming, problems).targets(this.targets);
    this.types = types;
    this.columns = new JpaColumns(annotations, naming, autoApply, problems);
    this.columns.beanValidation = beanValidation;
    collation(null);
    for (TypeElement c : converters) {
      AnnotationMirror converter = Jpa.mirror(c, "Converter");
      TypeMirror attribute = JpaColumns.converterArgument(c, 0);
      if (converter != null && annotations.bool(converter, "autoApply") && attribute != null) {
        autoApply.put(JpaTypes.qualifiedName(attribute), c);
      }
    }
  }

  /**
   * The entities' tables' collation on MariaDB/MySQL unless an entity's {@code @io.jmigrate.Table(collation)}
   * says otherwise: Hibernate's {@code create table} names none, so its tables get the database's default
   * ({@code "database"}, usually case-insensitive); {@code -Ajmigrate.collation} changes it. Set by {@link #collation}.
   */
  private String defaultCollation;

  /**
   * The entities' collation, from {@code -Ajmigrate.collation}; null or blank: the database's, as Hibernate's,
   * unless the target dialects leave MariaDB out (then no collation is recorded: none of them keeps one, and a
   * project upgrading jmigrate gets no migration for it).
   */
  public JpaExtractor collation(String collation) {
    defaultCollation = collation != null && !collation.isBlank() ? collation.trim()
        : targets.isEmpty() || targets.contains("mariadb") ? io.jmigrate.schema.TableDefinition.DATABASE_COLLATION
        : null;
    return this;
  }

  /** Reproduces the schema of this Hibernate line (7 unless told). */
  public JpaExtractor following(HibernateLine line) {
    columns.line = line;
    return this;
  }

  /**
   * Hibernate Validator: on the class path, Hibernate applies Bean Validation constraints to the schema (the
   * compile class path stands for the run time one; Spring Boot's validation starter brings it).
   */
  public static final String VALIDATOR = "org.hibernate.validator.HibernateValidator";

  /** Whether {@code e} is a JPA entity (of either namespace). */
  public static boolean isEntity(Element e) {
    return Jpa.has(e, "Entity");
  }

  /** The entity's {@code @Table(name)} as written; empty without one. */
  public static String givenTableName(TypeElement t) {
    AnnotationMirror table = isEntity(t) ? Jpa.mirror(t, "Table") : null;
    return table == null ? "" : new Annotations().string(table, "name");
  }

  /** The qualified names of the annotations that make a type an entity or a converter. */
  public static List<String> entityAnnotations() {
    return List.of("jakarta.persistence.Entity", "javax.persistence.Entity");
  }

  public static List<String> converterAnnotations() {
    return List.of("jakarta.persistence.Converter", "javax.persistence.Converter");
  }

  @Override
  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  @Override
  public List<TableDeclaration> extract(Collection<TypeElement> roots) {
    problems.clear();
    entities.clear();
    tables.clear();
    generators.clear();
    warnedSuperclasses.clear();
    discover(roots);
    for (Entity e : entities.values()) {
      e.parent = entities.get(qualifiedName(entitySuperclass(e.type)));
    }
    // Parents first: a JOINED subclass's key references its parent's.
    List<Entity> ordered = new ArrayList<>(entities.values());
    ordered.sort(Comparator.comparingInt(JpaExtractor::depth));
    for (Entity e : ordered) {
      ownColumns(e);
    }
    for (Entity e : ordered) {
      references(e);
    }
    for (Entity e : ordered) {
      Table t = tableOf(e);
      if (t != null) {
        generators.declared(e.type, t.name);
      }
    }
    for (Entity e : ordered) {
      if (!tables.containsKey(e.qualifiedName())) {
        tablelessDrops(e);
      }
    }
    shareTables();
    List<TableDeclaration> out = new ArrayList<>(tables.values().stream().map(t -> t.declaration(defaultCollation, columns.line)).toList());
    generators.tables().stream().filter(g -> out.stream().noneMatch(t -> t.name().equals(g.name()))).forEach(out::add);
    return out;
  }

  @Override
  public List<io.jmigrate.processor.model.SequenceDeclaration> sequences() {
    return generators.sequences();
  }

  @Override
  public java.util.Map<String, java.util.Map<String, Long>> generatorRows() {
    return generators.rows();
  }

  /**
   * Entities mapped to one table (a summary and a detail entity over the same rows): Hibernate's table is
   * the union of their columns, so jmigrate's is too, kept under the entity whose class name sorts first.
   * A column both map must agree (type, sizes, nullability, key); otherwise it is an error at the field.
   */
  private void shareTables() {
    Map<String, List<Table>> byName = new java.util.TreeMap<>();
    for (Table t : tables.values()) {
      if (!t.className.contains("#")) {
        byName.computeIfAbsent(t.name, k -> new ArrayList<>()).add(t);
      }
    }
    Map<String, Table> mergedInto = new HashMap<>();
    for (List<Table> group : byName.values()) {
      if (group.size() < 2) {
        continue;
      }
      group.sort(Comparator.comparing((Table t) -> t.className));
      Table first = group.get(0);
      for (Table other : group.subList(1, group.size())) {
        merge(first, other);
        mergedInto.put(other.className, first);
        tables.remove(other.className);
      }
    }
    if (mergedInto.isEmpty()) {
      return;
    }
    // References to a merged entity reference the shared table.
    for (Table t : tables.values()) {
      t.columns.replaceAll(c -> {
        ForeignKeyDeclaration fk = c.foreignKey();
        Table to = fk == null ? null : mergedInto.get(fk.targetClass());
        return to == null ? c : new ColumnDeclaration(c.name(), c.nameGiven(), c.field(), c.declaringClass(),
            c.javaType(), c.id(), c.generated(), c.nullable(), c.length(), c.precision(), c.scale(), c.unique(),
            c.defaultValue(), c.defaultSql(), c.defaultSqlVariants(), c.renamedFrom(),
            new ForeignKeyDeclaration(to.className, to.simpleName, fk.targetIsTable(), fk.column(), fk.onDelete(),
                fk.onUpdate(), fk.name()), c.narrow(), c.origin(), c.comment());
      });
    }
  }

  private void merge(Table into, Table other) {
    for (ColumnDeclaration c : other.columns) {
      ColumnDeclaration mine = into.column(c.name());
      if (mine == null) {
        if (c.id()) {
          problems.add(Problem.error(c.origin(), "the table " + into.name + " is mapped by " + into.simpleName + " and "
              + other.simpleName + " with different keys: " + other.simpleName + "." + c.field() + " is a key column "
              + "that " + into.simpleName + " does not have. Give both entities the same @Id"));
        }
        into.columns.add(c);
      } else if (!sameColumn(mine, c)) {
        problems.add(Problem.error(c.origin(), "the table " + into.name + " is mapped by " + into.simpleName + " and "
            + other.simpleName + ", so Hibernate makes one column " + c.name() + " for both; they differ: "
            + describe(mine) + " in " + mine.declaringClass() + "." + mine.field() + ", " + describe(c) + " here. "
            + "Map it the same way in both"));
      } else if (mine.foreignKey() == null && c.foreignKey() != null) {
        into.columns.set(into.columns.indexOf(mine), c);
      }
    }
    for (IndexDeclaration i : other.indexes) {
      if (into.indexes.stream().noneMatch(x -> x.columns().equals(i.columns()) && x.unique() == i.unique())) {
        into.indexes.add(i);
      }
    }
    into.dropColumns.addAll(other.dropColumns);
    into.dropTables.addAll(other.dropTables);
    if (into.renamedFrom == null) {
      into.renamedFrom = other.renamedFrom;
    }
  }

  private static boolean sameColumn(ColumnDeclaration a, ColumnDeclaration b) {
    return a.javaType().columnType() == b.javaType().columnType() && a.length() == b.length()
        && a.precision() == b.precision() && a.scale() == b.scale()
        && java.util.Objects.equals(a.nullable(), b.nullable()) && a.id() == b.id() && a.generated() == b.generated();
  }

  private static String describe(ColumnDeclaration c) {
    return c.javaType().columnType() + (c.length() > 0 ? "(" + c.length() + ")" : c.precision() > 0 ? "("
        + c.precision() + "," + c.scale() + ")" : "") + (Boolean.FALSE.equals(c.nullable()) ? " NOT NULL" : "")
        + (c.id() ? " key" : "") + (c.generated() ? " identity" : "");
  }

  // ---- the entities ----

  /** The given entities and every entity their associations and superclasses reach. */
  private void discover(Collection<TypeElement> roots) {
    Deque<TypeElement> work = new ArrayDeque<>(roots);
    while (!work.isEmpty()) {
      TypeElement t = work.poll();
      if (!isEntity(t) || entities.containsKey(t.getQualifiedName().toString())) {
        continue;
      }
      entities.put(t.getQualifiedName().toString(), new Entity(t, entityName(t)));
      TypeElement parent = entitySuperclass(t);
      if (parent != null) {
        work.add(parent);
      }
      targets(t, work, new java.util.HashSet<>());
    }
  }

  /** The targets of the associations of {@code t}, its superclasses and its embeddables (nested too). */
  private void targets(TypeElement t, Deque<TypeElement> work, Set<String> seen) {
    if (!seen.add(t.getQualifiedName().toString())) {
      return;
    }
    for (TypeElement c = t; c != null; c = superclass(c)) {
      for (Element f : c.getEnclosedElements()) {
        if (f.getKind() != ElementKind.FIELD) {
          continue;
        }
        TypeElement target = isRelation(f) ? target(f) : null;
        if (target != null) {
          work.add(target);
        }
        TypeElement embeddable = JpaColumns.embeddable(f.asType());
        if (embeddable != null) {
          targets(embeddable, work, seen);
        }
      }
    }
  }

  private static int depth(Entity e) {
    return e.parent == null ? 0 : 1 + depth(e.parent);
  }

  /** {@code @Entity(name)}, else the class name without its package ({@code Outer$Inner} for a nested one). */
  private String entityName(TypeElement t) {
    String given = annotations.string(Jpa.mirror(t, "Entity"), "name");
    if (!given.isEmpty()) {
      return given;
    }
    String name = t.getSimpleName().toString();
    for (Element e = t.getEnclosingElement(); e instanceof TypeElement outer; e = outer.getEnclosingElement()) {
      name = outer.getSimpleName() + "$" + name;
    }
    return name;
  }

  private static TypeElement superclass(TypeElement t) {
    TypeMirror s = t.getSuperclass();
    if (s.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement p = (TypeElement) ((DeclaredType) s).asElement();
    return p.getQualifiedName().contentEquals("java.lang.Object") ? null : p;
  }

  /** The nearest entity among the superclasses (a mapped superclass or a plain class may sit between). */
  private static TypeElement entitySuperclass(TypeElement t) {
    for (TypeElement s = superclass(t); s != null; s = superclass(s)) {
      if (isEntity(s)) {
        return s;
      }
    }
    return null;
  }

  private static String qualifiedName(TypeElement t) {
    return t == null ? null : t.getQualifiedName().toString();
  }

  private String strategy(Entity e) {
    String s = Jpa.constant(annotations, Jpa.mirror(e.root().type, "Inheritance"), "strategy");
    return s == null ? "SINGLE_TABLE" : s;
  }

  private boolean hasSubclasses(Entity root) {
    return entities.values().stream().anyMatch(x -> x != root && x.root() == root);
  }

  /** The table that holds the entity's rows (and key): a single-table subclass's is its root's. */
  private Table tableOf(Entity e) {
    return tables.get(strategy(e).equals("SINGLE_TABLE") ? e.root().qualifiedName() : e.qualifiedName());
  }

  // ---- pass 1: each table's own columns ----

  private void ownColumns(Entity e) {
    String strategy = strategy(e);
    Entity root = e.root();
    if (strategy.equals("SINGLE_TABLE") && e != root) {
      return; // its columns go into the root's table
    }
    if (strategy.equals("TABLE_PER_CLASS") && e.type.getModifiers().contains(Modifier.ABSTRACT)) {
      return; // Hibernate makes no table for an abstract class of a table-per-class hierarchy
    }
    checkType(e.type);
    AnnotationMirror tableAnnotation = Jpa.mirror(e.type, "Table");
    String given = annotations.string(tableAnnotation, "name");
    Table t = new Table(e.qualifiedName(), e.type.getSimpleName().toString(),
        naming.physical(given.isEmpty() ? e.entityName : given), !given.isEmpty(), e.type);
    t.origin = track(Origin.of(e.type), tableAnnotation, "name", "name");
    checkCase(given.isEmpty() ? e.entityName : given, t.origin.of("name"));
    tables.put(t.className, t);
    jmigrateTypeAnnotations(e.type, t);
    indexes(e.type, tableAnnotation, t);

    Map<String, JpaColumns.Override> overrides = columns.overrides(e.type);
    String simple = e.type.getSimpleName().toString();
    switch (strategy) {
      case "JOINED" -> {
        if (e != root) {
          joinedKey(e, t);
        }
        segment(e.type, new Scope(simple, overrides, false, false, false), t, e);
      }
      case "TABLE_PER_CLASS" -> {
        List<Entity> chain = new ArrayList<>();
        for (Entity x = e; x != null; x = x.parent) {
          chain.add(0, x);
        }
        for (Entity x : chain) {
          segment(x.type, new Scope(x.type.getSimpleName().toString(), overrides, false, false, false), t, e);
        }
      }
      default -> {
        segment(e.type, new Scope(simple, overrides, false, false, false), t, e);
        for (Entity sub : entities.values()) {
          if (sub != e && sub.root() == e) {
            segment(sub.type, new Scope(sub.type.getSimpleName().toString(), Map.of(), false, true, false), t, sub);
          }
        }
      }
    }
    if ((strategy.equals("SINGLE_TABLE") && hasSubclasses(e)) || Jpa.has(e.type, "DiscriminatorColumn")) {
      discriminator(e, t);
    }
    if (t.key().isEmpty() && problems.stream().noneMatch(p -> !p.warning())) {
      problems.add(Problem.at(e.type, "entity " + e.entityName + " has no @Id or @EmbeddedId field; jmigrate reads "
          + "annotations on fields (field access) only"));
    }
  }

  /** The key and basic and embedded columns of one class and its mapped superclasses. */
  private void segment(TypeElement type, Scope scope, Table t, Entity entity) {
    columns.viewFrom(types, entity.type);
    Set<String> idClassFields = idClassFields(type);
    List<Element> fields = persistentFields(type, annotations, problems, false);
    for (Element f : fields) {
      checkField(f);
      Scope here = new Scope(f.getEnclosingElement().getSimpleName().toString(), scope.overrides(), false,
          scope.forceNullable(), false);
      boolean id = Jpa.has(f, "Id") || Jpa.has(f, "EmbeddedId") || idClassFields.contains(f.getSimpleName().toString());
      if (id && isRelation(f)) {
        problems.add(Problem.at(f, "jmigrate does not map a key that is an association (" + f.getSimpleName()
            + ", a derived identity: Hibernate would make its join column the key, referencing the target's); give the "
            + "entity a key of its own (an @Id column) and keep the association beside it"));
        continue;
      }
      if (Jpa.has(f, "MapsId")) {
        problems.add(Problem.error(Origin.of(f, Jpa.mirror(f, "MapsId")), "jmigrate does not map @MapsId ("
            + f.getSimpleName() + "): Hibernate would make the association's join column the key, shared with the "
            + "target's; give the entity an @Id of its own (the same column: @Id Long x plus @JoinColumn(name = \"x\", "
            + "insertable = false, updatable = false) on the association, which jmigrate maps)"));
        continue;
      }
      if (isRelation(f) || Jpa.has(f, "ElementCollection")) {
        continue; // pass 2
      }
      if (id) {
        List<ColumnDeclaration> key = new ArrayList<>();
        columns.attribute(f, here.forId(), key);
        for (ColumnDeclaration c : key) {
          t.place(generated(f, c, entity), false);
        }
        continue;
      }
      List<ColumnDeclaration> own = new ArrayList<>();
      columns.attribute(f, here, own);
      boolean readOnly = readOnly(Jpa.mirror(f, "Column"));
      own.forEach(c -> t.place(c, readOnly));
    }
    // Hibernate's @NaturalId: one unique constraint over the natural-id columns of the class.
    List<String> natural = new ArrayList<>();
    AnnotationMirror naturalAt = null;
    for (Element f : persistentFields(type, annotations, new ArrayList<>(), false)) {
      AnnotationMirror n = Annotations.mirror(f, Jpa.HIBERNATE + "NaturalId");
      if (n != null && !isRelation(f)) {
        int before = natural.size();
        List<ColumnDeclaration> cs = new ArrayList<>();
        columns.attribute(f, new Scope("", scope.overrides(), false, false, false), cs);
        cs.forEach(c -> natural.add(c.name()));
        naturalAt = natural.size() > before ? n : naturalAt;
      }
    }
    if (!natural.isEmpty()) {
      t.indexes.add(new IndexDeclaration(natural, true, "", Origin.of(type, naturalAt)));
    }
    for (String name : idClassFields) {
      if (fields.stream().noneMatch(f -> f.getSimpleName().contentEquals(name))) {
        problems.add(Problem.error(Origin.of(type, idClassAnnotation(type)), "the @IdClass of " + type.getSimpleName()
            + " has the field " + name + ", which " + type.getSimpleName() + " does not have: Hibernate maps each of "
            + "the key class's fields to the entity's field of the same name. Add the field to the entity"));
      }
    }
  }

  /** {@code @Column} or {@code @JoinColumn} with {@code insertable = false, updatable = false}. */
  private boolean readOnly(AnnotationMirror column) {
    return column != null && explicit(column, "insertable") != null && explicit(column, "updatable") != null
        && !annotations.bool(column, "insertable") && !annotations.bool(column, "updatable");
  }

  /** The {@code @IdClass} of {@code type} or of a mapped superclass above it; null without one. */
  private static AnnotationMirror idClassAnnotation(TypeElement type) {
    for (TypeElement c = type; c != null; c = superclass(c)) {
      AnnotationMirror m = Jpa.mirror(c, "IdClass");
      if (m != null || (c != type && !Jpa.has(c, "MappedSuperclass"))) {
        return m;
      }
    }
    return null;
  }

  /**
   * The names of the {@code @IdClass}'s fields: Hibernate makes the entity's field of each name a key
   * column, whether or not it is marked {@code @Id} there (a time series' {@code ts}, say), so that the key
   * is the key class's, all NOT NULL.
   */
  private Set<String> idClassFields(TypeElement type) {
    AnnotationMirror m = idClassAnnotation(type);
    TypeElement key = m == null ? null : annotations.type(m, "value");
    Set<String> out = new java.util.LinkedHashSet<>();
    for (TypeElement c = key; c != null; c = superclass(c)) {
      for (Element f : c.getEnclosedElements()) {
        if (JpaColumns.persistent(f)) {
          out.add(f.getSimpleName().toString());
        }
      }
    }
    return out;
  }

  /** The key column with {@code @GeneratedValue} applied: IDENTITY is an identity column; sequences and generator tables: {@link JpaGenerators}. */
  private ColumnDeclaration generated(Element f, ColumnDeclaration c, Entity entity) {
    AnnotationMirror g = Jpa.mirror(f, "GeneratedValue");
    if (g == null) {
      return c;
    }
    String strategy = Jpa.constant(annotations, g, "strategy");
    strategy = strategy == null ? "AUTO" : strategy;
    Origin at = Origin.of(f, g).with("s", g, explicit(g, "strategy")).of("s");
    if (strategy.equals("IDENTITY")) {
      if (strategy(entity).equals("TABLE_PER_CLASS") && hasSubclasses(entity.root())) {
        problems.add(Problem.error(at, "Hibernate refuses IDENTITY keys in a TABLE_PER_CLASS hierarchy (the key "
            + "must be unique across its tables); use another inheritance strategy"));
        return c;
      }
      return new ColumnDeclaration(c.name(), c.nameGiven(), c.field(), c.declaringClass(), c.javaType(), c.id(), true,
          c.nullable(), c.length(), c.precision(), c.scale(), c.unique(), null, null, c.renamedFrom(), c.foreignKey(),
          c.narrow(), c.origin().with("generated", g, explicit(g, "strategy"))).withComment(c.comment());
    }
    if (strategy.equals("UUID") || (strategy.equals("AUTO") && c.javaType().columnType() == ColumnType.UUID)) {
      return c; // Hibernate generates the UUID itself
    }
    if (!generators.generated(f, g, strategy, c, entity.root().type, entity.root().entityName)) {
      problems.add(Problem.error(at, "jmigrate does not map @GeneratedValue(strategy = " + strategy + ") on "
          + c.field() + "; use IDENTITY, SEQUENCE, TABLE or AUTO"));
    }
    return c;
  }

  /** A JOINED subclass's key: the root's key columns (or {@code @PrimaryKeyJoinColumn(name)}), referencing the parent's table. */
  private void joinedKey(Entity e, Table t) {
    Table parent = tableOf(e.parent);
    List<ColumnDeclaration> parentKey = parent == null ? List.of() : parent.key();
    if (parentKey.size() != 1) {
      if (parent != null) {
        problems.add(Problem.at(e.type, "jmigrate maps JOINED inheritance under a single-column key only; "
            + e.parent.type.getSimpleName() + " has " + parentKey.size() + " key columns"));
      }
      return;
    }
    ColumnDeclaration k = parentKey.get(0);
    AnnotationMirror pkjc = Jpa.mirror(e.type, "PrimaryKeyJoinColumn");
    String given = annotations.string(pkjc, "name");
    String name = given.isEmpty() ? k.name() : naming.physical(given);
    ForeignKeyDeclaration fk = new ForeignKeyDeclaration(parent.className, parent.simpleName, true, k.name(),
        ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
    t.columns.add(JpaColumns.reference(name, e.type, e.type.getSimpleName().toString(), k, false, false, true, fk,
        track(Origin.of(e.type), pkjc, "name", "name"), null, false));
  }

  private void discriminator(Entity root, Table t) {
    AnnotationMirror dc = Jpa.mirror(root.type, "DiscriminatorColumn");
    String given = annotations.string(dc, "name");
    String name = naming.physical(given.isEmpty() ? "DTYPE" : given);
    String kind = Jpa.constant(annotations, dc, "discriminatorType");
    Origin origin = track(Origin.of(root.type), dc, "name", "name");
    ColumnType type = ColumnType.STRING;
    int length = dc == null ? 31 : annotations.integer(dc, "length");
    if ("INTEGER".equals(kind)) {
      type = ColumnType.INTEGER;
      length = 0;
    } else if ("CHAR".equals(kind)) {
      type = ColumnType.CHAR; // Hibernate's char(1), whatever the length
      length = 1;
    }
    // Its default is the root's discriminator value: rows that exist when a table becomes a hierarchy's (and
    // rows written without one) are the root's. Hibernate always writes the value; the default only fills.
    AnnotationMirror dv = Jpa.mirror(root.type, "DiscriminatorValue");
    String value = dv != null ? annotations.string(dv, "value") : type == ColumnType.STRING ? root.entityName : null;
    if (value != null && (type == ColumnType.STRING || type == ColumnType.CHAR) && value.length() > length) {
      value = null;
    }
    t.columns.add(new ColumnDeclaration(name, true, name, root.type.getSimpleName().toString(),
        new JavaType("discriminator", type, false, "discriminator", discriminatorValues(root, type)), false, false, false,
        length, 0, 0, false, value, null, null, null, false, origin));
  }

  /**
   * The values Hibernate 7 checks the discriminator against: each concrete class of the hierarchy's, the root's
   * first, then its subclasses by entity name; null (no check) when a value is neither given nor the entity name.
   */
  private List<String> discriminatorValues(Entity root, ColumnType type) {
    List<Entity> hierarchy = new ArrayList<>();
    hierarchy.add(root);
    entities.values().stream().filter(x -> x != root && x.root() == root)
        .sorted(java.util.Comparator.comparing((Entity x) -> x.entityName)).forEach(hierarchy::add);
    List<String> values = new ArrayList<>();
    for (Entity x : hierarchy) {
      if (x.type.getModifiers().contains(Modifier.ABSTRACT)) {
        continue;
      }
      AnnotationMirror dv = Jpa.mirror(x.type, "DiscriminatorValue");
      if (dv == null && type != ColumnType.STRING) {
        return null;
      }
      values.add(dv != null ? annotations.string(dv, "value") : x.entityName);
    }
    return values.isEmpty() ? null : values;
  }

  /** {@code @Table(indexes, uniqueConstraints)}: column names as Hibernate resolves them, through the naming. */
  private void indexes(TypeElement type, AnnotationMirror table, Table t) {
    if (table == null) {
      return;
    }
    for (String member : new String[] {"schema", "catalog"}) {
      if (!annotations.string(table, member).isEmpty()) {
        problems.add(Problem.error(Origin.of(type).with("m", table, explicit(table, member)).of("m"), "jmigrate "
            + "migrates one schema, the connection's: remove @Table(" + member + ")"));
      }
    }
    for (AnnotationMirror index : Jpa.mirrors(annotations, table, "indexes")) {
      Origin at = track(Origin.of(type, index), index, "name", "name").with("columns", index,
          explicit(index, "columnList"));
      List<String> cols = new ArrayList<>();
      for (String part : annotations.string(index, "columnList").split(",")) {
        if (part.trim().toLowerCase(java.util.Locale.ROOT).endsWith(" desc")) {
          problems.add(new Problem(type, "jmigrate builds ascending indexes only: DESC in \""
              + annotations.string(index, "columnList") + "\" is left out (Hibernate keeps it)", true, index,
              explicit(index, "columnList")));
        }
        String c = part.trim().replaceAll("(?i)\\s+(asc|desc)$", "").trim();
        if (!c.isEmpty()) {
          cols.add(naming.physical(c));
        }
      }
      t.indexes.add(new IndexDeclaration(cols, annotations.bool(index, "unique"), annotations.string(index, "name"), at));
    }
    for (AnnotationMirror unique : Jpa.mirrors(annotations, table, "uniqueConstraints")) {
      Origin at = track(track(Origin.of(type, unique), unique, "name", "name"), unique, "columnNames", "columns");
      List<String> cols = annotations.strings(unique, "columnNames").stream().map(naming::physical).toList();
      t.indexes.add(new IndexDeclaration(cols, true, annotations.string(unique, "name"), at));
    }
  }

  /**
   * {@code @Drop} on an entity without a table (a single-table subclass, an abstract table-per-class
   * root) confirms for the table that holds its rows, or for a subclass's.
   */
  private void tablelessDrops(Entity e) {
    Table t = tableOf(e);
    for (Entity x : entities.values()) {
      if (t == null && x.root() == e.root() && x != e) {
        t = tables.get(x.qualifiedName());
      }
    }
    if (t == null) {
      return;
    }
    for (AnnotationMirror drop : annotations.repeated(e.type, JmigrateExtractor.DROP, JmigrateExtractor.DROP_LIST)) {
      t.dropColumns.addAll(annotations.strings(drop, "columns"));
      t.dropTables.addAll(annotations.strings(drop, "tables"));
    }
  }

  /** jmigrate's {@code @RenamedFrom} and {@code @Drop} on an entity. */
  private void jmigrateTypeAnnotations(TypeElement type, Table t) {
    AnnotationMirror renamed = Annotations.mirror(type, JmigrateExtractor.RENAMED_FROM);
    if (renamed != null) {
      t.renamedFrom = annotations.string(renamed, "value");
      t.origin = track(t.origin, renamed, "value", "renamedFrom");
    }
    for (AnnotationMirror drop : annotations.repeated(type, JmigrateExtractor.DROP, JmigrateExtractor.DROP_LIST)) {
      t.dropColumns.addAll(annotations.strings(drop, "columns"));
      t.dropTables.addAll(annotations.strings(drop, "tables"));
    }
    // JPA cannot name a primary key; jmigrate's @Table(primaryKeyName) on the entity keeps an adopted one.
    AnnotationMirror jmigrateTable = Annotations.mirror(type, JmigrateExtractor.TABLE);
    if (jmigrateTable != null) {
      t.primaryKeyName = annotations.string(jmigrateTable, "primaryKeyName");
      t.origin = track(t.origin, jmigrateTable, "primaryKeyName", "primaryKeyName");
      String collation = annotations.string(jmigrateTable, "collation");
      if (!collation.isEmpty()) {
        t.collation = collation;
        t.origin = track(t.origin, jmigrateTable, "collation", "collation");
      }
    }
  }

  // ---- pass 2: what references a key ----

  private void references(Entity e) {
    String strategy = strategy(e);
    Table t = tableOf(e);
    if (t == null) {
      return; // an abstract table-per-class entity: its subclasses' tables carry its associations
    }
    List<TypeElement> chain = new ArrayList<>();
    chain.add(e.type);
    if (strategy.equals("TABLE_PER_CLASS")) {
      for (Entity x = e.parent; x != null; x = x.parent) {
        chain.add(0, x.type);
      }
    }
    if (strategy.equals("TABLE_PER_CLASS") && e.type.getModifiers().contains(Modifier.ABSTRACT)) {
      return;
    }
    boolean forceNullable = strategy.equals("SINGLE_TABLE") && e != e.root();
    for (TypeElement type : chain) {
      Set<String> idClassFields = idClassFields(type);
      associations(e, t, persistentFields(type, annotations, new ArrayList<>(), false).stream()
          .filter(f -> !idClassFields.contains(f.getSimpleName().toString())).toList(), forceNullable);
    }
  }

  /**
   * The associations and element collections among {@code fields}, and inside their embeddables (nested
   * too): Hibernate maps an embeddable's association as the entity's own (its join column in the entity's
   * table, its join or collection table named after the entity and the attribute).
   */
  private void associations(Entity e, Table t, List<Element> fields, boolean forceNullable) {
    for (Element f : fields) {
      if (Jpa.has(f, "Id") || Jpa.has(f, "EmbeddedId") || Jpa.has(f, "MapsId")) {
        continue;
      }
      if (Jpa.has(f, "ElementCollection")) {
        collectionTable(e, t, f);
      } else if (Jpa.has(f, "ManyToOne") || Jpa.has(f, "OneToOne")) {
        toOne(e, t, f, forceNullable);
      } else if (Jpa.has(f, "OneToMany") || Jpa.has(f, "ManyToMany")) {
        toMany(e, t, f);
      } else if (JpaColumns.isEmbedded(f) && JpaColumns.embeddable(f.asType()) != null) {
        associations(e, t, persistentFields(JpaColumns.embeddable(f.asType()), annotations, new ArrayList<>(), true),
            forceNullable);
      }
    }
  }

  /** The owning side of a to-one association: a join column referencing the target's key (or referencedColumnName). */
  private void toOne(Entity e, Table t, Element f, boolean forceNullable) {
    String kind = Jpa.has(f, "ManyToOne") ? "ManyToOne" : "OneToOne";
    AnnotationMirror relation = Jpa.mirror(f, kind);
    if (!annotations.string(relation, "mappedBy").isEmpty()) {
      return; // the other side owns it
    }
    if (Jpa.has(f, "JoinTable") || Jpa.has(f, "PrimaryKeyJoinColumn")) {
      String a = Jpa.has(f, "JoinTable") ? "JoinTable" : "PrimaryKeyJoinColumn";
      problems.add(Problem.error(Origin.of(f, Jpa.mirror(f, a)), "jmigrate does not map @" + kind + " with @" + a
          + " (" + f.getSimpleName() + "): Hibernate would make a " + (a.equals("JoinTable") ? "join table of both "
          + "keys" : "reference through the primary key") + "; use @JoinColumn"));
      return;
    }
    AnnotationMirror jc = joinColumn(f);
    if (jc == null && Jpa.has(f, "JoinColumns")) {
      return; // reported
    }
    Entity target = targetEntity(f);
    Table targetTable = target == null ? null : tableOf(target);
    if (targetTable == null) {
      return;
    }
    ColumnDeclaration referenced = referenced(f, jc, target, targetTable);
    if (referenced == null) {
      return;
    }
    String given = annotations.string(jc, "name");
    String name = naming.physical(given.isEmpty() ? f.getSimpleName() + "_" + referenced.name() : given);
    // In a single-table subclass, Hibernate relaxes optional = false (other subclasses' rows hold NULL), but
    // keeps an explicit @JoinColumn(nullable = false), as it keeps @Column(nullable = false).
    boolean nullable = (relation == null || annotations.bool(relation, "optional") || forceNullable)
        && (jc == null || annotations.bool(jc, "nullable"));
    nullable &= forceNullable || !columns.notNullByValidation(f);
    boolean unique = kind.equals("OneToOne") || (jc != null && annotations.bool(jc, "unique"));
    Origin origin = track(track(track(Origin.of(f), jc, "name", "name"), jc, "nullable", "nullable"), jc,
        "referencedColumnName", "foreignKey.column");
    AnnotationMirror renamed = Annotations.mirror(f, JmigrateExtractor.RENAMED_FROM);
    origin = track(origin, renamed, "value", "renamedFrom");
    ForeignKeyDeclaration fk = noConstraint(jc) ? null : foreignKey(targetTable, referenced, onDelete(f), foreignKeyName(jc));
    ColumnDeclaration mapped = t.column(name);
    if (mapped != null && readOnly(jc)) {
      // A read-only association over a column the entity maps itself (a key column that is also a foreign
      // key, as in an @IdClass): Hibernate makes one column; the association adds its constraint to it.
      t.columns.set(t.columns.indexOf(mapped), new ColumnDeclaration(mapped.name(), mapped.nameGiven(), mapped.field(),
          mapped.declaringClass(), mapped.javaType(), mapped.id(), mapped.generated(), mapped.nullable(),
          mapped.length(), mapped.precision(), mapped.scale(), mapped.unique(), mapped.defaultValue(),
          mapped.defaultSql(), mapped.defaultSqlVariants(), mapped.renamedFrom(), fk, mapped.narrow(), mapped.origin(),
          mapped.comment()));
      return;
    }
    // A writable association over a column a read-only basic attribute maps too ({@code Long cityId} beside
    // {@code City city}): the association's column replaces it.
    t.place(JpaColumns.reference(name, f, f.getEnclosingElement().getSimpleName().toString(), referenced,
        nullable, unique, false, fk, origin,
        renamed == null ? null : annotations.string(renamed, "value"),
        Annotations.mirror(f, JmigrateExtractor.NARROW) != null), readOnly(jc));
  }

  /** The one {@code @JoinColumn} of an attribute (also one inside {@code @JoinColumns}); null, reported, for several. */
  private AnnotationMirror joinColumn(Element f) {
    AnnotationMirror jc = Jpa.mirror(f, "JoinColumn");
    AnnotationMirror many = Jpa.mirror(f, "JoinColumns");
    if (many != null) {
      List<AnnotationMirror> all = Jpa.mirrors(annotations, many, "value");
      if (all.size() == 1) {
        return all.get(0);
      }
      problems.add(Problem.error(Origin.of(f, many), "jmigrate maps associations with one join column only ("
          + f.getSimpleName() + " has " + all.size() + ", which Hibernate makes one composite foreign key of): "
          + "reference a single-column key, e.g. a unique column of the target with referencedColumnName"));
      return null;
    }
    return jc;
  }

  /** The column a join column references: {@code referencedColumnName}, else the target's single key column. */
  private ColumnDeclaration referenced(Element f, AnnotationMirror jc, Entity target, Table targetTable) {
    String refName = annotations.string(jc, "referencedColumnName");
    if (!refName.isEmpty()) {
      ColumnDeclaration c = targetTable.column(naming.physical(refName));
      if (c == null) {
        problems.add(Problem.error(Origin.of(f).with("r", jc, explicit(jc, "referencedColumnName")).of("r"),
            "referencedColumnName \"" + refName + "\" is not a column of " + targetTable.name + "; its columns are "
                + targetTable.columns.stream().map(ColumnDeclaration::name).toList()));
      }
      return c;
    }
    List<ColumnDeclaration> key = targetTable.key();
    if (key.size() != 1) {
      if (!key.isEmpty()) {
        problems.add(Problem.at(f, "jmigrate maps associations to a single-column key only; " + target.entityName
            + " has the composite key " + key.stream().map(ColumnDeclaration::name).toList() + ", which Hibernate "
            + "would reference with one join column per key column; reference a unique column of it "
            + "(@JoinColumn(referencedColumnName)) or give it a single-column key"));
      }
      return null;
    }
    return key.get(0);
  }

  /** {@code @JoinColumn(foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))}: Hibernate makes the column only. */
  private boolean noConstraint(AnnotationMirror joinColumn) {
    AnnotationMirror fk = joinColumn == null ? null : Jpa.nested(annotations, joinColumn, "foreignKey");
    return fk != null && "NO_CONSTRAINT".equals(Jpa.constant(annotations, fk, "value"));
  }

  private static ForeignKeyDeclaration foreignKey(Table target, ColumnDeclaration referenced, ReferentialAction onDelete,
      String name) {
    return new ForeignKeyDeclaration(target.className, target.simpleName, true, referenced.name(), onDelete,
        ReferentialAction.NO_ACTION, name);
  }

  /** {@code @JoinColumn(foreignKey = @ForeignKey(name = …))}: the constraint's name (kept from an adopted database); empty for jmigrate's. */
  private String foreignKeyName(AnnotationMirror joinColumn) {
    AnnotationMirror fk = joinColumn == null ? null : Jpa.nested(annotations, joinColumn, "foreignKey");
    return fk == null ? "" : annotations.string(fk, "name");
  }

  /** Hibernate's {@code @OnDelete(action = …)}: the foreign key's ON DELETE. */
  private ReferentialAction onDelete(Element f) {
    String action = Jpa.constant(annotations, Annotations.mirror(f, Jpa.HIBERNATE + "OnDelete"), "action");
    if (action == null) {
      return ReferentialAction.NO_ACTION;
    }
    try {
      return ReferentialAction.valueOf(action);
    } catch (IllegalArgumentException e) {
      return ReferentialAction.NO_ACTION;
    }
  }

  /** The associated entity, if it has a table to reference; otherwise null, reported at the field. */
  private Entity targetEntity(Element f) {
    TypeElement target = target(f);
    Entity e = target == null ? null : entities.get(target.getQualifiedName().toString());
    if (e == null) {
      problems.add(Problem.at(f, f.getSimpleName() + " is an association to " + (target == null ? f.asType()
          : target.getSimpleName()) + ", which is not an @Entity"));
    } else if (tableOf(e) == null) {
      problems.add(Problem.at(f, "jmigrate does not map an association to " + e.entityName + ", the abstract root of "
          + "a TABLE_PER_CLASS hierarchy: it has no table to reference. Reference a concrete subclass"));
      return null;
    }
    return e;
  }

  /** A one-to-many or many-to-many: a join column in the child's table, or a join table. */
  private void toMany(Entity e, Table t, Element f) {
    boolean manyToMany = Jpa.has(f, "ManyToMany");
    AnnotationMirror relation = Jpa.mirror(f, manyToMany ? "ManyToMany" : "OneToMany");
    if (!annotations.string(relation, "mappedBy").isEmpty()) {
      // The other side owns it; a list's @OrderColumn (a map's key column) is in the child's table all the same.
      if (!manyToMany && collectionKind(f)) {
        Entity target = targetEntity(f);
        ColumnDeclaration index = indexColumn(f);
        if (target != null && tableOf(target) != null && index != null) {
          tableOf(target).columns.add(index);
        }
      }
      return;
    }
    if (!collectionKind(f)) {
      return;
    }
    ColumnDeclaration index = indexColumn(f);
    Entity target = targetEntity(f);
    Table targetTable = target == null ? null : tableOf(target);
    if (targetTable == null || t.key().size() != 1) {
      if (t.key().size() > 1) {
        problems.add(Problem.at(f, "jmigrate maps associations of entities with a single-column key only"));
      }
      return;
    }
    ColumnDeclaration ownerKey = t.key().get(0);
    AnnotationMirror jc = manyToMany ? null : joinColumn(f);
    if (jc != null) {
      // A unidirectional one-to-many with @JoinColumn: the column lives in the child's table.
      String given = annotations.string(jc, "name");
      String name = naming.physical(given.isEmpty() ? f.getSimpleName() + "_" + ownerKey.name() : given);
      Origin origin = track(track(Origin.of(f), jc, "name", "name"), jc, "nullable", "nullable");
      targetTable.columns.add(JpaColumns.reference(name, f, e.type.getSimpleName().toString(), ownerKey,
          annotations.bool(jc, "nullable"), false, false,
          noConstraint(jc) ? null : foreignKey(t, ownerKey, onDelete(f), foreignKeyName(jc)), origin, null, false));
      if (index != null) {
        targetTable.columns.add(index);
      }
      return;
    }
    List<ColumnDeclaration> targetKey = targetTable.key();
    if (targetKey.size() != 1) {
      problems.add(Problem.at(f, "jmigrate maps associations to a single-column key only; " + target.entityName
          + " has " + targetKey.size() + " key columns"));
      return;
    }
    AnnotationMirror joinTable = Jpa.mirror(f, "JoinTable");
    String attribute = f.getSimpleName().toString();
    String given = annotations.string(joinTable, "name");
    String name = given.isEmpty() ? naming.joinTable(t.name, attribute, targetTable.name) : naming.physical(given);
    checkCase(given.isEmpty() ? attribute : given, Origin.of(f));
    Table join = joinTable(e, t, f, name, !given.isEmpty(), joinTable);

    String inverseOwner = manyToMany ? inverseAttribute(target, attribute) : null;
    AnnotationMirror ownerColumn = first(joinTable, "joinColumns");
    AnnotationMirror targetColumn = first(joinTable, "inverseJoinColumns");
    String ownerName = columnName(ownerColumn, (inverseOwner != null ? inverseOwner : e.entityName) + "_"
        + ownerKey.name());
    String targetName = columnName(targetColumn, attribute + "_" + targetKey.get(0).name());
    boolean set = isSet(f.asType()) && index == null;
    Origin origin = Origin.of(f);
    ColumnDeclaration owner = JpaColumns.reference(ownerName, f, e.type.getSimpleName().toString(), ownerKey, false,
        false, (manyToMany && set) || index != null, foreignKey(t, ownerKey, ReferentialAction.NO_ACTION, ""),
        track(origin, ownerColumn, "name", "name"), null, false);
    // A one-to-many's join table: each child once (its key, for a set; unique, for a list or a map). An
    // ordered list's or a map's key is the owner and the order or map key column.
    ColumnDeclaration child = JpaColumns.reference(targetName, f, e.type.getSimpleName().toString(), targetKey.get(0),
        false, !manyToMany && !set, set, foreignKey(targetTable, targetKey.get(0), ReferentialAction.NO_ACTION, ""),
        track(origin, targetColumn, "name", "name"), null, false);
    join.columns.add(owner);
    join.columns.add(child);
    if (index != null) {
      join.columns.add(JpaColumns.as(index, true, false));
    }
  }

  /**
   * The column of a list's {@code @OrderColumn} ({@code <attribute>_ORDER}, an integer) or of a map's key
   * ({@code @MapKeyColumn}, {@code <attribute>_KEY}), nullable as in the child's table; null for neither.
   */
  private ColumnDeclaration indexColumn(Element f) {
    String declaring = f.getEnclosingElement().getSimpleName().toString();
    AnnotationMirror order = Jpa.mirror(f, "OrderColumn");
    if (order != null) {
      String given = annotations.string(order, "name");
      Origin origin = track(Origin.of(f, order), order, "name", "name");
      return new ColumnDeclaration(naming.physical(given.isEmpty() ? f.getSimpleName() + "_ORDER" : given),
          !given.isEmpty(), f.getSimpleName().toString(), declaring,
          new JavaType(LIST_INDEX, ColumnType.INTEGER, false, "int", null), false,
          false, annotations.bool(order, "nullable"), 0, 0, 0, false, null, null, null, null, false, origin);
    }
    if (isMap(f.asType()) && f.asType() instanceof DeclaredType d && d.getTypeArguments().size() == 2) {
      ColumnDeclaration key = columns.mapKey(f, d.getTypeArguments().get(0), declaring);
      return key == null ? null : JpaColumns.as(key, false, true);
    }
    return null;
  }

  /** A join or collection table: it belongs to the entity, and jmigrate's {@code @RenamedFrom} on the field renames it. */
  private Table joinTable(Entity e, Table t, Element f, String name, boolean given, AnnotationMirror annotation) {
    String attribute = f.getSimpleName().toString();
    Table join = new Table(t.className + "#" + attribute, t.simpleName + "." + attribute, name, given, t.owner);
    join.origin = track(Origin.of(t.owner), annotation, "name", "name");
    AnnotationMirror renamed = Annotations.mirror(f, JmigrateExtractor.RENAMED_FROM);
    if (renamed != null) {
      join.renamedFrom = annotations.string(renamed, "value");
      join.origin = track(join.origin, renamed, "value", "renamedFrom");
    }
    if (tables.containsKey(join.className)) {
      return tables.get(join.className);
    }
    tables.put(join.className, join);
    return join;
  }

  /** {@code @ElementCollection}: a table of the values, with a join column to the owner. */
  private void collectionTable(Entity e, Table t, Element f) {
    if (!collectionKind(f)) {
      return;
    }
    if (t.key().size() != 1) {
      problems.add(Problem.at(f, "jmigrate maps element collections of entities with a single-column key only"));
      return;
    }
    ColumnDeclaration ownerKey = t.key().get(0);
    AnnotationMirror ct = Jpa.mirror(f, "CollectionTable");
    String attribute = f.getSimpleName().toString();
    String given = annotations.string(ct, "name");
    String name = naming.physical(given.isEmpty() ? e.entityName + "_" + attribute : given);
    checkCase(given.isEmpty() ? e.entityName + "_" + attribute : given, Origin.of(f));
    Table table = joinTable(e, t, f, name, !given.isEmpty(), ct);
    AnnotationMirror ownerColumn = first(ct, "joinColumns");
    String ownerName = columnName(ownerColumn, e.entityName + "_" + ownerKey.name());
    // An ordered list's or a map's rows: the key is the owner and the order or map key column, as Hibernate's.
    ColumnDeclaration index = indexColumn(f);
    table.columns.add(JpaColumns.reference(ownerName, f, e.type.getSimpleName().toString(), ownerKey, false, false,
        index != null, foreignKey(t, ownerKey, onDelete(f), ""), track(Origin.of(f), ownerColumn, "name", "name"), null,
        false));
    if (index != null) {
      table.columns.add(JpaColumns.as(index, true, false));
    }

    TypeMirror element = elementType(f);
    List<ColumnDeclaration> values = new ArrayList<>();
    Scope scope = new Scope(e.type.getSimpleName().toString(), columns.overrides(f), true, false, false);
    TypeElement embeddable = JpaColumns.embeddable(element);
    if (embeddable != null) {
      columns.embedded(embeddable, new Scope(embeddable.getSimpleName().toString(), scope.overrides(), true, false,
          false), values);
    } else {
      ColumnDeclaration c = columns.basic(f, element, scope, attribute);
      if (c != null) {
        values.add(c);
      }
    }
    table.columns.addAll(values);
    if (isSet(f.asType()) && index == null && !values.isEmpty() && columns.line.setRowsUnique()) {
      // Hibernate: a set's rows are unique (a unique constraint, its values may be NULL).
      List<String> unique = new ArrayList<>();
      unique.add(ownerName);
      values.stream().map(ColumnDeclaration::name).sorted().forEach(unique::add);
      table.indexes.add(new IndexDeclaration(unique, true, "", Origin.of(f)));
    }
  }

  /**
   * Lists (with {@code @OrderColumn} too), sets, collections and maps keyed by a column ({@code @MapKeyColumn},
   * or Hibernate's {@code <attribute>_KEY}) are mapped; arrays, and maps keyed otherwise, are not (an error at
   * the field).
   */
  private boolean collectionKind(Element f) {
    for (String a : new String[] {"MapKey", "MapKeyJoinColumn", "MapKeyJoinColumns", "MapKeyClass",
        "MapKeyTemporal"}) {
      if (Jpa.has(f, a)) {
        problems.add(Problem.error(Origin.of(f, Jpa.mirror(f, a)), "jmigrate does not map @" + a + " ("
            + f.getSimpleName() + "): Hibernate would key the map " + (a.equals("MapKey") ? "by an attribute of "
            + "the target entity" : a.startsWith("MapKeyJoin") ? "by a reference to an entity" : "by that type")
            + ", which jmigrate does not read. Key it by a column (@MapKeyColumn, with a number, String, enum or "
            + "java.time key), or use a List or Set"));
        return false;
      }
    }
    String raw = erasure(f.asType());
    if (isMap(f.asType())) {
      if (!(f.asType() instanceof DeclaredType d) || d.getTypeArguments().size() != 2) {
        problems.add(Problem.at(f, f.getSimpleName() + " needs its type arguments (Map<String, Tag>)"));
        return false;
      }
    } else if (!Set.of("java.util.List", "java.util.Set", "java.util.Collection", "java.util.SortedSet",
        "java.util.ArrayList", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet").contains(raw)) {
      problems.add(Problem.at(f, "jmigrate maps a collection attribute declared as List, Set, Collection or Map; "
          + f.getSimpleName() + " is " + f.asType()));
      return false;
    }
    if (Jpa.has(f, "OrderColumn") && !raw.endsWith("List")) {
      problems.add(Problem.error(Origin.of(f, Jpa.mirror(f, "OrderColumn")), "@OrderColumn orders a List; "
          + f.getSimpleName() + " is " + f.asType() + ". Declare it as a List, or remove @OrderColumn"));
      return false;
    }
    if (elementType(f) == null) {
      problems.add(Problem.at(f, f.getSimpleName() + " needs a type argument (List<Pet>), or targetEntity"));
      return false;
    }
    return true;
  }

  private static boolean isMap(TypeMirror type) {
    return Set.of("java.util.Map", "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap",
        "java.util.SortedMap").contains(erasure(type));
  }

  private static boolean isSet(TypeMirror type) {
    return erasure(type).endsWith("Set");
  }

  private static String erasure(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        ? ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString() : type.toString();
  }

  /** A collection's element type, a map's value type. */
  private static TypeMirror elementType(Element f) {
    if (f.asType() instanceof DeclaredType d && !d.getTypeArguments().isEmpty()) {
      TypeMirror element = d.getTypeArguments().get(isMap(f.asType()) ? 1 : 0);
      return d.getTypeArguments().size() == (isMap(f.asType()) ? 2 : 1) && element.getKind() == TypeKind.DECLARED
          ? element : null;
    }
    return null;
  }

  /** The target attribute of a bidirectional many-to-many that names {@code attribute} as its mappedBy. */
  private String inverseAttribute(Entity target, String attribute) {
    for (TypeElement c = target.type; c != null; c = superclass(c)) {
      for (Element f : c.getEnclosedElements()) {
        AnnotationMirror m = f.getKind() == ElementKind.FIELD ? Jpa.mirror(f, "ManyToMany") : null;
        if (m != null && annotations.string(m, "mappedBy").equals(attribute)) {
          return f.getSimpleName().toString();
        }
      }
    }
    return null;
  }

  private AnnotationMirror first(AnnotationMirror m, String member) {
    if (m == null) {
      return null;
    }
    List<AnnotationMirror> all = Jpa.mirrors(annotations, m, member);
    return all.isEmpty() ? null : all.get(0);
  }

  private String columnName(AnnotationMirror joinColumn, String implicit) {
    String given = annotations.string(joinColumn, "name");
    return naming.physical(given.isEmpty() ? implicit : given);
  }

  // ---- fields, targets and what is not mapped ----

  static boolean isRelation(Element f) {
    return Jpa.has(f, "ManyToOne") || Jpa.has(f, "OneToOne") || Jpa.has(f, "OneToMany") || Jpa.has(f, "ManyToMany");
  }

  /** The associated entity type: {@code targetEntity}, else the field's type or its element type. */
  private TypeElement target(Element f) {
    for (String kind : new String[] {"ManyToOne", "OneToOne", "OneToMany", "ManyToMany"}) {
      AnnotationMirror m = Jpa.mirror(f, kind);
      if (m == null) {
        continue;
      }
      TypeElement given = annotations.type(m, "targetEntity");
      if (given != null && !given.getQualifiedName().contentEquals("void")) {
        return given;
      }
      TypeMirror type = kind.endsWith("ToMany") ? elementType(f) : f.asType();
      return type != null && type.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) type).asElement()
          : null;
    }
    return null;
  }

  /**
   * The persistent fields of {@code type} and of the {@code @MappedSuperclass}es above it (up to
   * the next entity), superclasses first. Annotations on getters (property access) are an error:
   * jmigrate reads fields.
   */
  static List<Element> persistentFields(TypeElement type, Annotations annotations, List<Problem> problems,
      boolean embeddable) {
    List<Element> out = new ArrayList<>();
    TypeElement parent = superclass(type);
    if (parent != null && Jpa.has(parent, "MappedSuperclass")) {
      out.addAll(persistentFields(parent, annotations, problems, embeddable));
    }
    AnnotationMirror access = Jpa.mirror(type, "Access");
    if (access != null && "PROPERTY".equals(Jpa.constant(annotations, access, "value"))) {
      problems.add(Problem.error(Origin.of(type, access), "jmigrate reads fields (field access); "
          + "@Access(AccessType.PROPERTY) on " + type.getSimpleName() + " is not read. Annotate the fields"));
    }
    for (Element e : type.getEnclosedElements()) {
      if (e.getKind() == ElementKind.METHOD) {
        for (AnnotationMirror m : e.getAnnotationMirrors()) {
          String jpa = Jpa.simpleNameIfJpa(m);
          // @Transient on a getter says what field access already means (Hibernate reads no getter then).
          if (jpa != null && !jpa.equals("Transient") && !jpa.startsWith("Pre") && !jpa.startsWith("Post")) {
            problems.add(Problem.error(Origin.of(e, m), "jmigrate reads annotations on fields (field access), not "
                + "on getters: @" + jpa + " on " + type.getSimpleName() + "." + e.getSimpleName() + "() is not read. "
                + "Move it to the field"));
            break;
          }
        }
      } else if (JpaColumns.persistent(e)) {
        Element hidden = out.stream().filter(f -> f.getSimpleName().equals(e.getSimpleName())).findFirst().orElse(null);
        if (hidden != null) {
          // Measured: Hibernate 7 maps the superclass's attribute of that name and nothing of this field.
          problems.add(new Problem(e, type.getSimpleName() + "." + e.getSimpleName() + " hides the mapped field "
              + hidden.getEnclosingElement().getSimpleName() + "." + hidden.getSimpleName() + ": Hibernate maps the "
              + "inherited one and not this field, and so does jmigrate. Rename this field to map it too", true, null,
              null));
          continue;
        }
        out.add(e);
      }
    }
    return out;
  }

  /**
   * With {@code jpa} naming and MariaDB among the targets, a table name with capitals is an error:
   * Hibernate writes it unquoted, which MariaDB and MySQL keep as written (case-sensitive table names
   * on Linux) while PostgreSQL and H2 fold it to lower case, so no one name serves both.
   */
  private void checkCase(String logical, Origin at) {
    String keeping = naming == JpaNaming.JPA ? JpaNaming.keepingCapitals(targets) : null;
    if (keeping == null || logical.startsWith("`") || logical.startsWith("\"")
        || logical.equals(logical.toLowerCase(java.util.Locale.ROOT))) {
      return;
    }
    problems.add(Problem.error(at, "with -Ajmigrate.naming=jpa Hibernate names this table " + logical + ", unquoted: "
        + keeping + " keep its capitals (table names are case-sensitive on Linux) while PostgreSQL and H2 fold "
        + "it to " + naming.physical(logical) + ", which jmigrate creates. Name the table in lower case (@Table(name = "
        + "\"" + naming.physical(logical) + "\"), @JoinTable or @CollectionTable), or use -Ajmigrate.naming=snake_case"));
  }

  /** A warning at every JPA or Hibernate annotation on the field that jmigrate does not read. */
  private void checkField(Element f) {
    for (AnnotationMirror m : f.getAnnotationMirrors()) {
      String jpa = Jpa.simpleNameIfJpa(m);
      if (jpa != null && JpaGenerators.READ.contains(jpa)) {
        continue;
      }
      String name = Jpa.qualifiedName(m);
      if (jpa != null && jpa.startsWith("AssociationOverride")) {
        problems.add(Problem.error(Origin.of(f, m), "jmigrate does not read @" + jpa + " on " + f.getSimpleName()
            + ": the join columns it names would be missing. Name the join column in the embeddable "
            + "(@JoinColumn(name = …)), or remove it"));
      } else if (jpa != null && !FIELD_ANNOTATIONS.contains(jpa) && !jpa.equals("MapsId") && !jpa.startsWith("MapKey")
          && !jpa.equals("OrderColumn") && !jpa.equals("Transient")) {
        problems.add(new Problem(f, "jmigrate does not read @" + jpa + " on " + f.getSimpleName()
            + "; if it changes the column, the schema will differ from Hibernate's", true, m, null));
      } else if (name.startsWith(Jpa.HIBERNATE) && !HIBERNATE_HARMLESS.contains(name.substring(Jpa.HIBERNATE.length()))
          && !(name.equals(Jpa.HIBERNATE + "JdbcTypeCode") && JpaTypes.reads(annotations.integer(m, "value")))
          && !(name.equals(Jpa.HIBERNATE + "JdbcType") && JpaTypes.jdbcType(JpaColumns.jdbcTypeClass(m)) != null)) {
        problems.add(new Problem(f, "jmigrate does not read Hibernate's @" + name.substring(Jpa.HIBERNATE.length())
            + " on " + f.getSimpleName() + "; if it changes the column (its type, default or constraints), the schema "
            + "will differ from Hibernate's", true, m, null));
      }
    }
  }

  /** A warning at every class-level JPA annotation jmigrate does not read; errors for what changes tables. */
  private void checkType(TypeElement type) {
    for (AnnotationMirror m : type.getAnnotationMirrors()) {
      String jpa = Jpa.simpleNameIfJpa(m);
      if (jpa != null && JpaGenerators.READ.contains(jpa)) {
        continue;
      }
      if (jpa == null || TYPE_ANNOTATIONS.contains(jpa)) {
        continue;
      }
      boolean error = jpa.startsWith("SecondaryTable") || jpa.startsWith("AssociationOverride");
      problems.add(new Problem(type, "jmigrate does not read @" + jpa + " on " + type.getSimpleName()
          + (error ? ": the columns it places (Hibernate would put them in " + (jpa.startsWith("SecondaryTable")
              ? "a second table joined by the key" : "the join columns it names") + ") would be missing. Remove it, "
              + "or map the entity with one table"
              : "; if it changes a table, the schema will differ from Hibernate's"), !error, m, null));
    }
    for (TypeElement c = superclass(type); c != null && Jpa.has(c, "MappedSuperclass"); c = superclass(c)) {
      for (String a : new String[] {"Table", "Inheritance"}) {
        AnnotationMirror m = Jpa.mirror(c, a);
        if (m != null && warnedSuperclasses.add(c.getQualifiedName() + "@" + a)) {
          problems.add(new Problem(c, "Hibernate 7 refuses @" + a + " on a @MappedSuperclass (" + c.getSimpleName()
              + " has no table of its own), and jmigrate does not read it: move it to the entity ("
              + type.getSimpleName() + ")" + (a.equals("Inheritance") ? ", the root of the hierarchy" : ""), true, m,
              null));
        }
      }
    }
    if (!type.getTypeParameters().isEmpty() || (type.getNestingKind().isNested()
        && !type.getModifiers().contains(Modifier.STATIC))) {
      problems.add(Problem.at(type, "entity " + type.getSimpleName() + " must be a top-level or static class without "
          + "type parameters"));
    }
  }
}
