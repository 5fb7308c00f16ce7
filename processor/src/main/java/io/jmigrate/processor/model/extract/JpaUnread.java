package io.jmigrate.processor.model.extract;

import static io.jmigrate.processor.model.extract.JpaHierarchy.superclass;

import io.jmigrate.processor.model.Origin;
import io.jmigrate.processor.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * What jmigrate does not read or cannot map as Hibernate does: the warnings and errors at entities' and fields'
 * annotations.
 */
final class JpaUnread extends JpaPart {
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
  /** Hibernate's annotations read elsewhere, or that change no column (read as nothing): no warning. */
  private static final Set<String> HIBERNATE_HARMLESS = Set.of("OnDelete", "Formula", "NaturalId", "ColumnDefault", "CreationTimestamp",
      "UpdateTimestamp", "BatchSize", "Fetch", "Cache", "Cascade", "DynamicInsert", "DynamicUpdate", "Immutable",
      "SQLRestriction", "Where", "SQLDelete", "NotFound", "LazyGroup", "OptimisticLock", "NaturalIdCache",
      "CurrentTimestamp", "SoftDelete", "Nationalized",
      "Collate", // read by JpaColumns for a basic column
      "SQLOrder", "OrderBy", // the order of a collection's rows when loaded: SQL Hibernate appends to its query
      "Comment", // read by JpaColumns for a basic column, on a to-one field as its join column's, and on an entity as its
                 // table's comment; on a collection, left out as before
      "GeneratedColumn"); // read by JpaColumns for a basic column; on an association or embedded attribute, an error below

  /** The mapped superclasses already warned about (several entities may extend one). */
  final Set<String> warnedSuperclasses = new java.util.HashSet<>();
  /** The fields already checked: a mapped superclass's are read once per entity that extends it, reported once. */
  final Set<Element> checkedFields = new java.util.HashSet<>();

  JpaUnread(JpaPart shared) {
    super(shared);
  }

  /**
   * With {@code jpa} naming, a table name with capitals that Hibernate writes unquoted: MariaDB and MySQL keep it as
   * written (case-sensitive table names on Linux) while PostgreSQL and H2 fold it to lower case. With only
   * case-keeping targets jmigrate keeps the capitals too (nothing to say); with both kinds of targets no one name
   * serves both, an error; with no target dialects the build cannot know, a warning (once a build, see
   * {@link JpaGenerators#capitalsWithoutTargets}).
   */
  void checkCase(String logical, Origin at) {
    if (naming != JpaNaming.JPA || keepCapitals || logical.startsWith("`") || logical.startsWith("\"")
        || logical.equals(logical.toLowerCase(java.util.Locale.ROOT))) {
      return;
    }
    if (targets.isEmpty()) {
      generators.capitalsWithoutTargets("table", logical, physical(logical), at);
      return;
    }
    String keeping = JpaNaming.keepingCapitals(targets);
    if (keeping == null) {
      return;
    }
    problems.add(Problem.error(at, JpaNaming.capitalsReason(targets, "table", logical, physical(logical))
        + ". Name the table in lower case (@Table(name = \"" + physical(logical) + "\"), @JoinTable or"
        + " @CollectionTable), use -Ajmigrate.naming=snake_case, build for " + keeping + " alone (-Ajmigrate.dialects="
        + String.join(",", JpaNaming.keepingTargets(targets)) + ": jmigrate then keeps the capitals, as Hibernate writes"
        + " them), or run " + keeping + " with lower_case_table_names=1 (which stores Hibernate's name in lower case"
        + " too) and leave it out of the target dialects"));
  }

  /** A warning at every JPA or Hibernate annotation on the field that jmigrate does not read. */
  void checkField(Element f) {
    if (!checkedFields.add(f)) {
      return;
    }
    AnnotationMirror generatedColumn = Annotations.mirror(f, Jpa.HIBERNATE + "GeneratedColumn");
    if (generatedColumn != null && (JpaHierarchy.isRelation(f) || JpaColumns.isEmbedded(f)
        || Jpa.has(f, "ElementCollection"))) {
      problems.add(Problem.error(Origin.of(f, generatedColumn), "jmigrate maps Hibernate's @GeneratedColumn on a basic"
          + " attribute, not on an association, an embedded attribute or an element collection (" + f.getSimpleName()
          + "): put it on a basic attribute, or remove it"));
    }
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
      } else if (name.equals(Jpa.HIBERNATE + "Index")) {
        // JpaEntityTables maps it on a basic attribute or the key
        if (JpaHierarchy.isRelation(f) || JpaColumns.isEmbedded(f) || Jpa.has(f, "ElementCollection")) {
          problems.add(new Problem(f, "jmigrate maps Hibernate's @Index on a basic attribute only, not on "
              + f.getSimpleName() + ", so its schema lacks the index " + annotations.string(m, "name") + " that"
              + " Hibernate 5 and 6.6 create on its columns (Hibernate 7 removed the annotation). Declare it on the"
              + " entity, which jmigrate maps: " + indexFix(List.of(m), List.of(fieldColumn(f))), true, m, null));
        }
      } else if (name.startsWith(Jpa.HIBERNATE) && !HIBERNATE_HARMLESS.contains(name.substring(Jpa.HIBERNATE.length()))
          && !((name.equals(Jpa.HIBERNATE + "Check") || name.equals(Jpa.HIBERNATE + "Checks")) // JpaColumns reads a basic column's
              && !JpaHierarchy.isRelation(f) && !Jpa.has(f, "ElementCollection") && !JpaColumns.isEmbedded(f))
          && !(name.equals(Jpa.HIBERNATE + "JdbcTypeCode") && JpaTypes.reads(annotations.integer(m, "value")))
          && !(name.equals(Jpa.HIBERNATE + "JdbcType") && JpaTypes.jdbcType(JpaColumns.jdbcTypeClass(m)) != null)) {
        problems.add(new Problem(f, "jmigrate does not read Hibernate's @" + name.substring(Jpa.HIBERNATE.length())
            + " on " + f.getSimpleName() + "; if it changes the column (its type, default or constraints), the schema "
            + "will differ from Hibernate's", true, m, null));
      }
    }
  }

  /**
   * The JPA declaration of Hibernate 5's indexes ({@code @org.hibernate.annotations.Index}, named by {@code indexes},
   * on the columns in {@code columns}, one comma-separated list each): what jmigrate maps and Hibernate 5, 6 and 7 all
   * create.
   */
  private String indexFix(List<AnnotationMirror> indexes, List<String> columns) {
    List<String> each = new ArrayList<>();
    for (int i = 0; i < indexes.size(); i++) {
      each.add("@Index(name = \"" + annotations.string(indexes.get(i), "name") + "\", columnList = \"" + columns.get(i)
          + "\")");
    }
    return "@Table(indexes = " + (each.size() == 1 ? each.get(0) : "{" + String.join(", ", each) + "}")
        + ") of jakarta.persistence (javax.persistence with Hibernate 5)";
  }

  /** The column a field-level Hibernate {@code @Index} indexes, as {@code columnList} names it. */
  private String fieldColumn(Element f) {
    for (String a : new String[] {"Column", "JoinColumn"}) {
      String given = annotations.string(Jpa.mirror(f, a), "name");
      if (!given.isEmpty()) {
        return given;
      }
    }
    // an association's default join column depends on the key it references: named, not guessed
    return JpaHierarchy.isRelation(f) ? "<the join column of " + f.getSimpleName() + ">" : f.getSimpleName().toString();
  }

  /** A warning at every class-level JPA annotation jmigrate does not read; errors for what changes tables. */
  void checkType(TypeElement type) {
    for (AnnotationMirror m : type.getAnnotationMirrors()) {
      String jpa = Jpa.simpleNameIfJpa(m);
      if (jpa != null && JpaGenerators.READ.contains(jpa)) {
        continue;
      }
      String name = Jpa.qualifiedName(m);
      if (name.equals(Jpa.HIBERNATE + "Table") || name.equals(Jpa.HIBERNATE + "Tables")) {
        continue; // its indexes: JpaEntityTables.hibernateTableIndexes
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
          // Measured: Hibernate 6.6 and 7 both refuse it at start-up ("Mapped superclass '…' may not specify a
          // '@Table'", "… may not specify an '@Inheritance' mapping strategy").
          problems.add(Problem.error(Origin.of(c, m), "Hibernate refuses @" + a + " on a @MappedSuperclass at start-up"
              + " (\"Mapped superclass '" + c.getQualifiedName() + "' may not specify " + (a.equals("Inheritance")
              ? "an '@Inheritance' mapping strategy" : "a '@Table'") + "\"): " + c.getSimpleName() + " has no table of"
              + " its own. Move it to the entity (" + type.getSimpleName() + ")" + (a.equals("Inheritance")
              ? ", the root of the hierarchy" : "")));
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
