package io.jmigrate.processor.model.extract;

import io.jmigrate.processor.model.Problem;
import io.jmigrate.processor.model.TableDeclaration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
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
 *
 * <p>This class holds the settings and runs the passes; each concern is a package-private class that
 * shares this read's state ({@link JpaPart}): {@link JpaHierarchy}, {@link JpaEntityTables} (pass 1),
 * {@link JpaKeys}, {@link JpaAssociations} (pass 2), {@link JpaJoins}, {@link JpaCollections},
 * {@link JpaSharedTables} and {@link JpaUnread}.
 */
public final class JpaExtractor implements Extractor {
  private final List<String> targets;
  private final Map<String, TypeElement> autoApply = new HashMap<>();
  private final Annotations annotations = new Annotations();
  private final List<Problem> problems = new ArrayList<>();
  private final JpaColumns columns;
  private final JpaGenerators generators;

  private final Map<String, JpaEntity> entities = new LinkedHashMap<>();
  private final Map<String, JpaTable> tables = new LinkedHashMap<>();
  private final JpaPart shared;
  private final JpaUnread unread;
  private final JpaHierarchy hierarchy;
  private final JpaEntityTables entityTables;
  private final JpaAssociations associations;
  private final JpaSharedTables sharedTables;

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
    this.targets = List.copyOf(targets);
    this.generators = new JpaGenerators(annotations, naming, problems).targets(this.targets);
    this.columns = new JpaColumns(annotations, naming, autoApply, problems);
    this.columns.beanValidation = beanValidation;
    this.columns.targets = this.targets;
    this.shared = new JpaPart(naming, types, this.targets, annotations, problems, columns, generators, entities, tables);
    this.unread = new JpaUnread(shared);
    this.hierarchy = new JpaHierarchy(shared);
    JpaKeys keys = new JpaKeys(shared);
    JpaJoins joins = new JpaJoins(shared);
    this.entityTables = new JpaEntityTables(shared, hierarchy, keys, unread);
    this.associations = new JpaAssociations(shared, keys, joins, new JpaCollections(shared, joins, unread), unread);
    this.sharedTables = new JpaSharedTables(shared);
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
    generators.line = line;
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
    unread.warnedSuperclasses.clear();
    unread.checkedFields.clear();
    hierarchy.discover(roots);
    for (JpaEntity e : entities.values()) {
      e.parent = entities.get(JpaHierarchy.qualifiedName(JpaHierarchy.entitySuperclass(e.type)));
    }
    // Parents first: a JOINED subclass's key references its parent's.
    List<JpaEntity> ordered = new ArrayList<>(entities.values());
    ordered.sort(Comparator.comparingInt(JpaHierarchy::depth));
    for (JpaEntity e : ordered) {
      entityTables.ownColumns(e);
    }
    for (JpaEntity e : ordered) {
      associations.references(e);
    }
    for (JpaEntity e : ordered) {
      JpaTable t = shared.tableOf(e);
      if (t != null) {
        generators.declared(e.type, t.name);
      }
    }
    for (JpaEntity e : ordered) {
      if (!tables.containsKey(e.qualifiedName())) {
        entityTables.tablelessDrops(e);
      }
    }
    sharedTables.shareTables();
    List<TableDeclaration> out = new ArrayList<>(tables.values().stream().map(t -> t.declaration(defaultCollation, columns.line, columns.columnChecks)).toList());
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

}
