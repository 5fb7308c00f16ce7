package io.jmigrate.processor.model.extract;

import static io.jmigrate.processor.model.extract.Annotations.explicit;
import static io.jmigrate.processor.model.extract.Annotations.track;

import io.jmigrate.processor.model.ColumnDeclaration;
import io.jmigrate.processor.model.ForeignKeyDeclaration;
import io.jmigrate.processor.model.JavaType;
import io.jmigrate.processor.model.Origin;
import io.jmigrate.processor.model.Problem;
import io.jmigrate.processor.model.extract.JpaTypes.Sized;
import io.jmigrate.schema.ColumnType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Basic and embedded attributes → columns, as Hibernate 7 builds them: the type (with
 * {@code @Enumerated}, {@code @Temporal}, {@code @Convert}, {@code columnDefinition}), the name
 * (after {@code @AttributeOverride}), the sizes, and the nullability (primitives, {@code @Id},
 * {@code @Version}, {@code optional = false} and {@code nullable = false} are NOT NULL, except
 * inside an embeddable or in a single-table subclass). Problems are reported at the field.
 */
final class JpaColumns {
  /** An {@code @AttributeOverride}'s column and the element it is written on. */
  record Override(AnnotationMirror column, Element at, AnnotationMirror annotation) {}

  /**
   * Where an attribute sits: in which class (for messages), under which overrides (by attribute
   * path relative to here), inside an embeddable (whose primitives Hibernate leaves nullable),
   * in a single-table subclass (every column nullable), as part of the key; whether Hibernate applies Bean
   * Validation's constraints here ({@code validated}: the entity's own attributes, and an embeddable's reached
   * through {@code @Valid} embedded attributes only) and among them {@code @NotNull} ({@code validatedNotNull}:
   * when every {@code @Valid} embedded attribute on the way is {@code @NotNull} too), as its TypeSafeActivator does.
   */
  record Scope(String declaringClass, Map<String, Override> overrides, boolean embedded, boolean forceNullable,
      boolean id, boolean validated, boolean validatedNotNull) {
    /** A scope where Bean Validation applies unless {@code embedded} (an element collection's values: never). */
    Scope(String declaringClass, Map<String, Override> overrides, boolean embedded, boolean forceNullable, boolean id) {
      this(declaringClass, overrides, embedded, forceNullable, id, !embedded, !embedded);
    }

    Scope forId() {
      return new Scope(declaringClass, overrides, embedded, forceNullable, true, validated, validatedNotNull);
    }

    /**
     * The scope inside the embedded attribute {@code attribute}: outer overrides win over the embedded field's own.
     * Hibernate descends into it for Bean Validation when it is {@code cascaded} ({@code @Valid}), and applies
     * {@code @NotNull} inside when it is {@code notNull} as well.
     */
    Scope into(String attribute, Map<String, Override> own, String embeddable, boolean cascaded, boolean notNull) {
      Map<String, Override> inner = new HashMap<>(own);
      String prefix = attribute + ".";
      overrides.forEach((k, v) -> {
        if (k.startsWith(prefix)) {
          inner.put(k.substring(prefix.length()), v);
        }
      });
      return new Scope(embeddable, inner, true, forceNullable, id, validated && cascaded,
          validatedNotNull && cascaded && notNull);
    }
  }

  private final Annotations annotations;
  private final JpaNaming naming;
  private final Map<String, TypeElement> autoApply;
  private final List<Problem> problems;
  private Types types;
  /** The entity whose columns are being read: a generic superclass's {@code ID id} is seen as its {@code Long id}. */
  private DeclaredType viewpoint;

  void viewFrom(Types types, TypeElement entity) {
    this.types = types;
    this.viewpoint = entity == null ? null : (DeclaredType) entity.asType();
  }

  /** The field's type as a member of the entity being read (type variables of a generic superclass resolved). */
  TypeMirror typeOf(Element field) {
    TypeMirror declared = field.asType();
    if (types == null || viewpoint == null || declared.getKind() != TypeKind.TYPEVAR) {
      return declared;
    }
    try {
      return types.asMemberOf(viewpoint, field);
    } catch (IllegalArgumentException e) {
      return declared; // not a member of the entity (a field of an embeddable): reported as unsupported
    }
  }

  /** Whether Hibernate will apply Bean Validation constraints to the schema (a validator is on the class path). */
  boolean beanValidation;

  /** The Hibernate whose schema is reproduced. */
  HibernateLine line = HibernateLine.V7;

  /** The target dialects ({@code -Ajmigrate.dialects}): where Hibernate writes a generated column's NOT NULL. */
  List<String> targets = List.of();

  /** A Bean Validation constraint of the default group ({@code jakarta.validation.constraints} or {@code javax.…}). */
  AnnotationMirror validation(Element field, String simpleName) {
    for (String p : new String[] {"jakarta.validation.constraints.", "javax.validation.constraints."}) {
      AnnotationMirror m = Annotations.mirror(field, p + simpleName);
      if (m != null && annotations.strings(m, "groups").stream().allMatch(g -> g.endsWith("Default"))) {
        return m;
      }
    }
    return null;
  }

  /** Bean Validation's {@code @Valid} (cascaded validation) on the field, {@code jakarta.validation} or {@code javax.…}. */
  static boolean cascaded(Element field) {
    return Annotations.mirror(field, "jakarta.validation.Valid") != null
        || Annotations.mirror(field, "javax.validation.Valid") != null;
  }

  boolean notNullByValidation(Element field) {
    return beanValidation && (validation(field, "NotNull") != null || validation(field, "NotEmpty") != null
        || validation(field, "NotBlank") != null);
  }

  /** {@code @Size(max)} or Hibernate Validator's {@code @Length(max)}, when below the unbounded default. */
  private Integer maxLength(Element field) {
    AnnotationMirror size = validation(field, "Size");
    AnnotationMirror length = Annotations.mirror(field, "org.hibernate.validator.constraints.Length");
    for (AnnotationMirror m : new AnnotationMirror[] {length, size}) {
      if (m != null && annotations.integer(m, "max") < Integer.MAX_VALUE) {
        return annotations.integer(m, "max");
      }
    }
    return null;
  }

  JpaColumns(Annotations annotations, JpaNaming naming, Map<String, TypeElement> autoApply, List<Problem> problems) {
    this.annotations = annotations;
    this.naming = naming;
    this.autoApply = autoApply;
    this.problems = problems;
  }

  /** The attribute's {@code @AttributeOverride}s, by the attribute path they name. */
  Map<String, Override> overrides(Element e) {
    Map<String, Override> out = new HashMap<>();
    for (AnnotationMirror o : Jpa.repeated(annotations, e, "AttributeOverride", "AttributeOverrides")) {
      out.put(annotations.string(o, "name"), new Override(Jpa.nested(annotations, o, "column"), e, o));
    }
    return out;
  }

  /** Whether the attribute is embedded: {@code @Embedded}, {@code @EmbeddedId}, or of an {@code @Embeddable} type. */
  static boolean isEmbedded(Element field) {
    return Jpa.has(field, "Embedded") || Jpa.has(field, "EmbeddedId") || embeddable(field.asType()) != null;
  }

  static TypeElement embeddable(TypeMirror type) {
    if (type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement() instanceof TypeElement t
        && Jpa.has(t, "Embeddable")) {
      return t;
    }
    return null;
  }

  /**
   * The type an embedded attribute's columns come from: its {@code @Embeddable} type, or, for a field marked
   * {@code @Embedded} or {@code @EmbeddedId}, its class even without {@code @Embeddable} (the JPA specification asks
   * for it; Hibernate maps the class's fields all the same, as a legacy key class without it); null for neither.
   */
  static TypeElement embeddedType(Element field) {
    TypeElement t = embeddable(field.asType());
    if (t == null && (Jpa.has(field, "Embedded") || Jpa.has(field, "EmbeddedId"))
        && field.asType().getKind() == TypeKind.DECLARED && ((DeclaredType) field.asType()).asElement() instanceof TypeElement c
        && (c.getKind() == ElementKind.CLASS || c.getKind() == ElementKind.RECORD)
        && !c.getQualifiedName().toString().startsWith("java.")) {
      t = c;
    }
    return t;
  }

  /** The columns of a basic or embedded attribute, appended to {@code out}. */
  void attribute(Element field, Scope scope, List<ColumnDeclaration> out) {
    if (isEmbedded(field)) {
      TypeElement type = embeddedType(field);
      if (type == null) {
        problems.add(Problem.at(field, "@" + (Jpa.has(field, "EmbeddedId") ? "EmbeddedId" : "Embedded") + " "
            + field.getSimpleName() + " needs a class whose fields are its columns (usually annotated @Embeddable); "
            + field.asType() + " is not one"));
        return;
      }
      boolean cascaded = beanValidation && cascaded(field);
      embedded(type, scope.into(field.getSimpleName().toString(), overrides(field), type.getSimpleName().toString(),
          cascaded, cascaded && notNullByValidation(field)), out, true);
      return;
    }
    ColumnDeclaration c = basic(field, typeOf(field), scope, null);
    if (c != null) {
      out.add(c);
    }
  }

  /**
   * An embeddable's attributes (and those of its {@code @MappedSuperclass} ancestors), in declaration order.
   * Its associations and element collections are the entity's (read with the entity's, in the second pass),
   * except in a key or in an element collection's embeddable, where jmigrate does not map them.
   */
  void embedded(TypeElement type, Scope scope, List<ColumnDeclaration> out) {
    embedded(type, scope, out, false);
  }

  void embedded(TypeElement type, Scope scope, List<ColumnDeclaration> out, boolean associationsElsewhere) {
    for (Element f : JpaHierarchy.persistentFields(type, annotations, problems, true)) {
      if (JpaHierarchy.isRelation(f) || Jpa.has(f, "ElementCollection")) {
        if (!associationsElsewhere || scope.id()) {
          problems.add(Problem.at(f, "jmigrate does not map associations or element collections inside an "
              + (scope.id() ? "embedded key" : "@Embeddable of an element collection") + " (" + type.getSimpleName()
              + "." + f.getSimpleName() + "; Hibernate would " + (scope.id() ? "derive the key from the association"
              : "put its column in the collection table") + "); move it to the entity, or mark it @Transient"));
        }
        continue;
      }
      attribute(f, scope, out);
    }
  }

  /**
   * One basic attribute's column; null when a problem was reported instead. {@code defaultName}
   * replaces the attribute's name (an element collection's column); null for the attribute's.
   */
  ColumnDeclaration basic(Element field, TypeMirror type, Scope scope, String defaultName) {
    String attribute = field.getSimpleName().toString();
    Override override = scope.overrides().get(attribute);
    AnnotationMirror col = override != null && override.column() != null ? override.column() : Jpa.mirror(field, "Column");
    Origin origin = override != null ? Origin.of(override.at(), override.annotation()) : Origin.of(field);
    for (String member : new String[] {"name", "nullable", "length", "precision", "scale", "unique"}) {
      origin = track(origin, col, member, member);
    }
    AnnotationMirror renamed = Annotations.mirror(field, JmigrateExtractor.RENAMED_FROM);
    origin = track(origin, renamed, "value", "renamedFrom");

    Sized sized = Jpa.has(field, "Lob") ? lob(field, type, col, attribute) : type(field, type, col, attribute);
    if (sized == null) {
      return null;
    }

    String given = col == null ? "" : annotations.string(col, "name");
    String name = naming.physical(given.isEmpty() ? (defaultName != null ? defaultName : attribute) : given, line);
    Problem keyword = HibernateKeywords.warning(targets, "column", given, name, origin.of("name"),
        "@Column(name = \"\\\"%s\\\"\")");
    if (keyword != null && !problems.contains(keyword)) { // once for a mapped superclass's field
      problems.add(keyword);
    }
    int length = sized.length();
    int precision = sized.precision();
    int scale = sized.scale();
    boolean definition = col != null && !annotations.string(col, "columnDefinition").isBlank();
    if (!definition && (sized.type() == ColumnType.STRING || sized.type() == ColumnType.CHAR
        || sized.type() == ColumnType.STRING_ARRAY) && explicit(col, "length") != null) {
      length = annotations.integer(col, "length");
    }
    if (sized.type() == ColumnType.LONG_TEXT) {
      // As a @Lob's, the length sizes only MariaDB's TEXT types, and only for LONG32VARCHAR: Hibernate makes
      // LONG32NVARCHAR a LONGTEXT there whatever the length (measured, 7.4).
      AnnotationMirror code = Annotations.mirror(field, Jpa.HIBERNATE + "JdbcTypeCode");
      boolean national = code != null && annotations.integer(code, "value") == JpaTypes.LONG32NVARCHAR;
      length = col == null || national ? 0 : annotations.integer(col, "length");
    }
    if (!definition && sized.type() == ColumnType.DECIMAL && annotations.integer(col, "precision") > 0) {
      // Hibernate: numeric(38,2), unless a precision is given; a scale without one is ignored.
      precision = annotations.integer(col, "precision");
      scale = annotations.integer(col, "scale");
    }

    boolean version = Jpa.has(field, "Version");
    AnnotationMirror basic = Jpa.mirror(field, "Basic");
    // Hibernate 7 makes a primitive NOT NULL only through the column it makes up itself: a primitive with
    // @Column (or an @AttributeOverride's) takes that column's nullable, true unless written. A primitive of an
    // embeddable, or of a single-table subclass (the other subclasses' rows hold NULL there), is nullable;
    // what the mapping says explicitly holds everywhere.
    boolean notNull = scope.id() || (version && line.versionAlwaysNotNull())
        || (type.getKind().isPrimitive() && col == null && (basic == null || line.basicPrimitiveNotNull())
            && !scope.embedded() && !scope.forceNullable())
        || (col != null && !annotations.bool(col, "nullable") && explicit(col, "nullable") != null)
        || (basic != null && explicit(basic, "optional") != null && !annotations.bool(basic, "optional"));
    if (beanValidation && scope.validated()) {
      // Hibernate applies Bean Validation to the schema when a validator is present (Hibernate
      // Validator on the class path here): @NotNull/@NotEmpty/@NotBlank (not in a single-table
      // subclass, and inside an @Valid embeddable only when it is @NotNull too), @Size(max) and
      // @Length(max) of a String, @Digits of a number.
      notNull |= scope.validatedNotNull() && notNullByValidation(field) && !scope.forceNullable();
      Integer max = maxLength(field);
      if (max != null && sized.type() == ColumnType.STRING && JpaTypes.qualifiedName(type).equals("java.lang.String")) {
        length = max;
      }
      AnnotationMirror digits = validation(field, "Digits");
      if (digits != null && sized.type() == ColumnType.DECIMAL) {
        precision = annotations.integer(digits, "integer") + annotations.integer(digits, "fraction");
        scale = annotations.integer(digits, "fraction");
      }
    }
    boolean unique = col != null && annotations.bool(col, "unique") && !scope.id();
    // Hibernate's @ColumnDefault: the SQL expression as written, as jmigrate's defaultSql.
    AnnotationMirror columnDefault = Annotations.mirror(field, Jpa.HIBERNATE + "ColumnDefault");
    String defaultSql = columnDefault == null ? null : annotations.string(columnDefault, "value");
    origin = columnDefault == null ? origin : origin.with("defaultSql", columnDefault, explicit(columnDefault, "value"));
    String javaName = JpaTypes.qualifiedName(type);
    JavaType javaType = new JavaType(type.toString(), sized.type(), false, javaName, null);
    if (sized.type() == ColumnType.NATIVE) { // a columnDefinition of a type jmigrate does not model, as written
      javaType = javaType.asSqlType(sized.sqlType());
      AnnotationMirror code = Annotations.mirror(field, Jpa.HIBERNATE + "JdbcTypeCode");
      boolean byDefinition = col != null && !annotations.string(col, "columnDefinition").isBlank();
      origin = byDefinition ? origin.with("sqlType", col, explicit(col, "columnDefinition"))
          : origin.with("sqlType", code, explicit(code, "value"));
    }
    if (sized.type() == ColumnType.ENUM) {
      // Hibernate 7 on PostgreSQL: CREATE TYPE <simple name of the enum> AS ENUM (<constants>), the name
      // unquoted and so folded to lower case, with no naming strategy applied, and the constants sorted by
      // name (its EnumHelper.getSortedEnumeratedValues for ENUM and NAMED_ENUM), not in declaration order.
      String simple = type.getKind() == javax.lang.model.type.TypeKind.DECLARED
          ? ((javax.lang.model.type.DeclaredType) type).asElement().getSimpleName().toString() : type.toString();
      javaType = TypeMapping.javaType(type).asEnumType(simple.toLowerCase(java.util.Locale.ROOT),
          "@JdbcTypeCode(SqlTypes.NAMED_ENUM)");
      if (javaType.enumConstants() != null) {
        javaType = new JavaType(javaType.name(), javaType.columnType(), false, javaType.boxName(),
            javaType.enumConstants().stream().sorted().toList(), javaType.enumType());
      }
    }
    // An enum Hibernate stores itself (by ordinal or name, not through a converter or a written type): its
    // constants, from which the table gets the check Hibernate 7 makes (see JpaExtractor's enum checks).
    boolean storedByHibernate = JpaTypes.isEnum(type) && !definition && !Jpa.has(field, "Lob")
        && sized.type() != ColumnType.ENUM
        && Annotations.mirror(field, Jpa.HIBERNATE + "JdbcTypeCode") == null && converter(field, type) == null;
    if (storedByHibernate) {
      javaType = new JavaType(type.toString(), sized.type(), false, javaName, TypeMapping.enumConstants(type));
    }
    // Hibernate's @GeneratedColumn: a column the database computes, stored as every Hibernate dialect here writes it.
    AnnotationMirror generatedColumn = Annotations.mirror(field, Jpa.HIBERNATE + "GeneratedColumn");
    String generatedAs = null;
    if (generatedColumn != null) {
      origin = origin.with("generatedAs", generatedColumn, explicit(generatedColumn, "value"));
      generatedAs = generatedColumn(field, generatedColumn, scope, defaultName, attribute, notNull);
      notNull &= generatedAs == null || !line.generatedColumnNotNullOnH2Only() || notNullAfterGeneratedAs();
    }
    if (defaultName == null) { // the attribute's own column, not an element collection's (whose @Check is not read)
      columnChecks.put(origin, columnChecks(field, name, beanValidation && scope.validated()));
    }
    return new ColumnDeclaration(name, true, attribute, scope.declaringClass(), javaType, scope.id(), false,
        !notNull, length, precision, scale, unique, null, defaultSql,
        renamed == null ? null : annotations.string(renamed, "value"), null,
        Annotations.mirror(field, JmigrateExtractor.NARROW) != null, origin).withComment(comment(field))
        .withGeneratedAs(generatedAs, true).withCollation(collate(field));
  }

  /** Hibernate's {@code @Collate} on the field: the column's collation, as its export writes it ({@code collate …}). */
  String collate(Element field) {
    AnnotationMirror collate = Annotations.mirror(field, Jpa.HIBERNATE + "Collate");
    return collate == null ? null : annotations.string(collate, "value");
  }

  /**
   * The expression of Hibernate's {@code @GeneratedColumn} on a basic attribute, which Hibernate 6.6 and 7 export as
   * {@code generated always as (expression) stored} on PostgreSQL (before 18) and MariaDB, and with no storage word
   * on H2 (jmigrate's stored column, as {@code @Column(generatedAs)} makes it); null after reporting what jmigrate
   * cannot map.
   */
  private String generatedColumn(Element field, AnnotationMirror annotation, Scope scope, String defaultName,
      String attribute, boolean notNull) {
    Origin at = Origin.of(field, annotation);
    String expression = annotations.string(annotation, "value");
    if (defaultName != null) {
      return null; // an element collection's: reported at the field (JpaUnread)
    }
    if (scope.id() || Jpa.has(field, "Version")) {
      problems.add(Problem.error(at, "jmigrate maps Hibernate's @GeneratedColumn on a basic attribute that is neither"
          + " part of the key nor a @Version (" + attribute + "): the database would compute the column, and the"
          + " application could not write it. Remove @GeneratedColumn, or move it to an attribute of its own"));
      return null;
    }
    if (expression.isBlank()) {
      problems.add(Problem.error(at, "@GeneratedColumn on " + attribute + " has no expression"));
      return null;
    }
    if (notNull && line.generatedColumnNotNullOnH2Only() && targets.contains("h2") && !notNullAfterGeneratedAs()) {
      problems.add(Problem.error(at, attribute + " is a NOT NULL generated column: Hibernate 7 writes its NOT NULL on"
          + " H2 but not on " + String.join(" or ", targets.stream().filter(t -> !t.equals("h2") && !t.equals("sqlite"))
              .toList()) + " (-Ajmigrate.dialects=" + String.join(",", targets) + "), so no one schema is Hibernate's on"
          + " all of them. Let it hold NULL (a wrapper type such as Integer, no nullable = false), or target fewer"
          + " databases"));
      return null;
    }
    return expression;
  }

  /**
   * Whether Hibernate 7 writes a generated column's NOT NULL on every target: they are H2 (or SQLite, whose
   * dialect writes it too). With no targets, or any other, it does not (PostgreSQL's and MariaDB's dialects).
   */
  private boolean notNullAfterGeneratedAs() {
    return !targets.isEmpty() && targets.stream().allMatch(t -> t.equals("h2") || t.equals("sqlite"));
  }

  /**
   * A check Hibernate puts on one column: {@code name} null for an unnamed one, which Hibernate renders inline
   * ({@code qty integer check (qty>=1)}) and, several on one column, as one check joined by {@code and};
   * {@code afterType} for Bean Validation's, which Hibernate adds after the type's own check (an enum's).
   */
  record ColumnCheck(String name, String expression, boolean afterType, Origin origin) {}

  /** The column checks of each basic column read, by the column's origin (the same object in its declaration). */
  final Map<Origin, List<ColumnCheck>> columnChecks = new java.util.IdentityHashMap<>();

  /**
   * The checks Hibernate 7 gives the column of {@code field}: its {@code @org.hibernate.annotations.Check}s
   * ({@code @Checks} instead of a single one, as Hibernate reads them), JPA 3.2's {@code @Column(check)}, and,
   * with Bean Validation applied to the schema, {@code @Min(v)} as {@code column>=v} and {@code @Max(v)} as
   * {@code column<=v} (Hibernate Validator's {@code @Range} is both), as Hibernate's TypeSafeActivator writes
   * them. {@code @DecimalMin}, {@code @DecimalMax}, {@code @Positive} and the like make no check in Hibernate 7.
   */
  private List<ColumnCheck> columnChecks(Element field, String column, boolean validation) {
    List<ColumnCheck> out = new ArrayList<>();
    List<AnnotationMirror> declared = annotations.repeated(field, Jpa.HIBERNATE + "Check", Jpa.HIBERNATE + "Checks");
    if (Annotations.mirror(field, Jpa.HIBERNATE + "Checks") != null && Annotations.mirror(field, Jpa.HIBERNATE + "Check") != null) {
      declared = declared.subList(1, declared.size()); // Hibernate reads @Checks then, not the single one beside it
    }
    for (AnnotationMirror check : declared) {
      String given = annotations.string(check, "name");
      out.add(new ColumnCheck(given.isBlank() ? null : given, annotations.string(check, "constraints"), false,
          Origin.of(field, check)));
    }
    AnnotationMirror col = Jpa.mirror(field, "Column");
    if (col != null && explicit(col, "check") != null) {
      for (Object v : (List<?>) annotations.value(col, "check")) {
        AnnotationMirror check = (AnnotationMirror) ((javax.lang.model.element.AnnotationValue) v).getValue();
        String given = annotations.string(check, "name");
        out.add(new ColumnCheck(given.isBlank() ? null : given, annotations.string(check, "constraint"), false,
            Origin.of(field, col)));
      }
    }
    if (validation) {
      for (String bound : new String[] {"Min", "Max"}) {
        AnnotationMirror m = validation(field, bound);
        if (m != null) {
          out.add(new ColumnCheck(null, column + (bound.equals("Min") ? ">=" : "<=") + annotations.number(m, "value"),
              true, Origin.of(field, m)));
        }
      }
      AnnotationMirror range = Annotations.mirror(field, "org.hibernate.validator.constraints.Range");
      if (range != null && annotations.strings(range, "groups").stream().allMatch(g -> g.endsWith("Default"))) {
        out.add(new ColumnCheck(null, column + ">=" + annotations.number(range, "min"), true, Origin.of(field, range)));
        out.add(new ColumnCheck(null, column + "<=" + annotations.number(range, "max"), true, Origin.of(field, range)));
      }
    }
    return out;
  }

  /** Hibernate's {@code @Comment} on the field: the column's comment, as its export writes it. */
  String comment(Element field) {
    AnnotationMirror comment = Annotations.mirror(field, Jpa.HIBERNATE + "Comment");
    return comment == null ? null : annotations.string(comment, "value");
  }

  /**
   * A {@code @Lob}'s large object: text ({@code String}, {@code char[]}, {@code Character[]},
   * {@code Clob}) or bytes ({@code byte[]}, {@code Byte[]}, {@code Blob}). Its length is the
   * {@code @Column}'s (255 unless given), none without one: Hibernate sizes only MariaDB's
   * TINYTEXT … LONGTEXT by it. Null after reporting another type.
   */
  private Sized lob(Element field, TypeMirror type, AnnotationMirror col, String attribute) {
    String name = JpaTypes.qualifiedName(type);
    ColumnType lob = switch (name) {
      case "java.lang.String", "char[]", "java.lang.Character[]", "java.sql.Clob" -> ColumnType.CLOB;
      case "byte[]", "java.lang.Byte[]", "java.sql.Blob" -> ColumnType.BLOB;
      default -> null;
    };
    boolean other = col != null && !annotations.string(col, "columnDefinition").isBlank()
        || Jpa.has(field, "Convert") || Jpa.has(field, "Enumerated");
    if (lob == null || other) {
      problems.add(Problem.error(Origin.of(field, Jpa.mirror(field, "Lob")), "jmigrate maps @Lob (" + attribute
          + ") on String, char[], Character[] and java.sql.Clob (a character large object) and on byte[], Byte[] "
          + "and java.sql.Blob (a binary large object), without columnDefinition, @Convert or @Enumerated; "
          + (lob == null ? "not on " + type + " (Hibernate would serialize it)" : "remove those or @Lob. Without them "
          + "the column is " + withoutDefinition(lob, col == null ? 0 : annotations.integer(col, "length")))));
      return null;
    }
    return new Sized(lob, col == null ? 0 : annotations.integer(col, "length"), 0, 0);
  }

  /**
   * What a {@code @Lob} column becomes on each target dialect (every dialect when none is named), as Hibernate 6.6
   * and 7 make it there: {@code oid} on PostgreSQL, a BLOB or CLOB on H2, MariaDB's by length.
   */
  private String withoutDefinition(ColumnType lob, int length) {
    List<String> out = new ArrayList<>();
    for (String t : targets.isEmpty() ? io.jmigrate.dialect.Dialect.names().stream().sorted().toList() : targets) {
      try {
        io.jmigrate.dialect.Dialect d = io.jmigrate.dialect.Dialect.named(t);
        io.jmigrate.schema.ColumnDefinition c = io.jmigrate.schema.ColumnDefinition.of("x", lob).length(length);
        String sql = d.columnTypeSql(io.jmigrate.schema.TableDefinition.of("t", c), c);
        if (sql == null) {
          continue;
        }
        String there = d.buildRules().databases();
        out.add(sql.toLowerCase(java.util.Locale.ROOT) + " on " + (there != null ? there : switch (t) {
          case "postgresql" -> "PostgreSQL";
          case "h2" -> "H2";
          case "sqlite" -> "SQLite";
          default -> t;
        }));
      } catch (io.jmigrate.dialect.UnsupportedDatabaseException unknown) {
        // reported once, by the processor
      }
    }
    return (lob == ColumnType.BLOB ? "a binary" : "a character") + " large object: " + String.join(", ", out)
        + (targets.isEmpty() ? "" : " (-Ajmigrate.dialects=" + String.join(",", targets) + ")")
        + ", as Hibernate makes it";
  }

  /** The qualified name of the class a {@code @JdbcType} names, or "". */
  static String jdbcTypeClass(AnnotationMirror jdbcType) {
    for (var e : jdbcType.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals("value") && e.getValue().getValue() instanceof javax.lang.model.type.DeclaredType t) {
        return ((javax.lang.model.element.TypeElement) t.asElement()).getQualifiedName().toString();
      }
    }
    return "";
  }

  /** The column's type and sizes, or null after reporting why there is none. */
  private Sized type(Element field, TypeMirror type, AnnotationMirror col, String attribute) {
    String definition = col == null ? "" : annotations.string(col, "columnDefinition");
    if (!definition.isBlank()) {
      Sized s = JpaTypes.definition(definition);
      Origin at = Origin.of(field).with("x", col, explicit(col, "columnDefinition")).of("x");
      if (s == null && JpaTypes.nativeType(definition) != null) {
        // A type jmigrate does not model: created as written, as Hibernate's export writes it, like @Column(sqlType).
        if (JpaTypes.quotedList(definition) && !quotedListTargets(definition, attribute, at)) {
          return null;
        }
        problems.add(Problem.note(at, "columnDefinition \"" + definition.strip() + "\" (" + attribute + ") is read as "
            + "a type jmigrate does not model, created as written (as @Column(sqlType) is): validate compares it by "
            + "its name, and no migration changes it"));
        return Sized.nativeType(definition.strip());
      }
      if (s == null) {
        problems.add(Problem.error(at, "jmigrate cannot read columnDefinition \"" + definition + "\" (" + attribute
            + "): it takes one column type as written (varchar(20), numeric(10,2), tsvector, inet, a domain's name, "
            + "text[]), without a default, NOT NULL or a constraint. " + definitionFix(definition)));
      } else {
        problems.add(Problem.note(at,
            "columnDefinition \"" + definition + "\" (" + attribute + ") is read as jmigrate's " + describe(s)
                + ": SQL as written is not portable, so each database gets its own spelling of that type"));
      }
      return s;
    }
    AnnotationMirror jdbcType = Annotations.mirror(field, Jpa.HIBERNATE + "JdbcType");
    Sized typed = jdbcType == null ? null : JpaTypes.jdbcType(jdbcTypeClass(jdbcType));
    if (typed != null) {
      return typed;
    }
    AnnotationMirror code = Annotations.mirror(field, Jpa.HIBERNATE + "JdbcTypeCode");
    if (code != null && annotations.integer(code, "value") == JpaTypes.INTERVAL_SECOND) {
      return intervalSecond(field, type, col, attribute, code);
    }
    Sized coded = code == null ? null : JpaTypes.jdbcTypeCode(annotations.integer(code, "value"));
    if (coded != null) {
      return coded;
    }
    TypeElement converter = converter(field, type);
    if (converter != null) {
      TypeMirror db = databaseType(converter);
      Sized s = db == null ? null : JpaTypes.basic(db);
      if (s == null) {
        problems.add(Problem.at(field, "jmigrate cannot tell the column type of " + attribute + ": its converter "
            + converter.getSimpleName() + " stores " + (db == null ? "a type that is not written as a class" : db)
            + ", which is not a supported column type. Use a converter to String, a number, a date or a boolean"));
      }
      return s;
    }
    if (JpaTypes.isEnum(type)) {
      AnnotationMirror enumerated = Jpa.mirror(field, "Enumerated");
      if (!"STRING".equals(Jpa.constant(annotations, enumerated, "value"))) {
        return Sized.of(ColumnType.SMALLINT); // ORDINAL: Hibernate 7's tinyint, smallint on PostgreSQL
      }
      return explicit(col, "length") != null && annotations.integer(col, "length") == 1
          ? enumOfLengthOne(field, attribute) : Sized.of(ColumnType.STRING);
    }
    AnnotationMirror temporal = Jpa.mirror(field, "Temporal");
    if (temporal != null) {
      String t = Jpa.constant(annotations, temporal, "value");
      return Sized.of("DATE".equals(t) ? ColumnType.DATE : "TIME".equals(t) ? ColumnType.TIME : ColumnType.TIMESTAMP);
    }
    Sized s = JpaTypes.basic(type);
    if (s == null) {
      problems.add(Problem.at(field, "jmigrate cannot map " + attribute + " of type " + type + ". Supported: "
          + "the numbers and their boxes, boolean, char, BigDecimal, BigInteger, String, enums, the java.time types "
          + "(Duration as Hibernate's numeric(21,0)), java.util.Date and Calendar, UUID, byte[], Locale, Currency, "
          + "TimeZone, URL, converted types (@Convert) and @JdbcTypeCode(SqlTypes.JSON). Mark it @Transient (or "
          + "transient) to leave it out of the table"));
    }
    return s;
  }

  /**
   * A by-name enum of length 1: Hibernate makes it a char(1) on PostgreSQL (whose validate refuses a varchar(1)) and
   * its enum type on H2 and MariaDB, whose validate accepts a varchar there but, on H2, not a char(1). MariaDB's CHAR
   * is a VARCHAR(1) in any case. So: VARCHAR(1) when {@code h2} is a target and {@code postgresql} is not; CHAR(1)
   * otherwise (no targets: as before), with a warning when both are targets, since no one type serves both.
   */
  private Sized enumOfLengthOne(Element field, String attribute) {
    if (targets.contains("h2") && !targets.contains("postgresql")) {
      return new Sized(ColumnType.STRING, 1, 0, 0);
    }
    if (targets.contains("h2")) {
      Problem warning = Problem.warning(field, attribute + " is an @Enumerated(EnumType.STRING) of @Column(length = 1): "
          + "Hibernate validates it as a char(1) on PostgreSQL and as its enum type on H2, which accepts a varchar but "
          + "not a char(1), so no one column type passes Hibernate's validate on both (-Ajmigrate.dialects="
          + String.join(",", targets) + "). jmigrate makes it CHAR(1), and Hibernate's validate will fail on H2 for this"
          + " column. Give it another length (a varchar with a check of the names everywhere), or build the migrations"
          + " for H2 separately (-Ajmigrate.dialects=h2)");
      if (!problems.contains(warning)) { // once for a mapped superclass's field
        problems.add(warning);
      }
    }
    return Sized.of(ColumnType.CHAR);
  }

  /**
   * {@code @JdbcTypeCode(SqlTypes.INTERVAL_SECOND)} on a {@code Duration}: the interval type Hibernate 7's export
   * writes, as a type jmigrate does not model. Measured (7.4): {@code interval second(6)} on PostgreSQL and
   * {@code interval second(18,9)} on H2, or with {@code @Column(precision)} {@code interval second(scale)} and
   * {@code interval second(precision,scale)} (a scale alone is ignored); MariaDB has none (Hibernate fails). One
   * type for every target, so the targets must be PostgreSQL alone or H2 alone; null after reporting why not.
   */
  private Sized intervalSecond(Element field, TypeMirror type, AnnotationMirror col, String attribute,
      AnnotationMirror code) {
    Origin at = Origin.of(field, code);
    if (!JpaTypes.qualifiedName(type).equals("java.time.Duration")) {
      problems.add(Problem.error(at, "jmigrate maps @JdbcTypeCode(SqlTypes.INTERVAL_SECOND) on a java.time.Duration only,"
          + " not on " + attribute + " of type " + type));
      return null;
    }
    int precision = col == null || explicit(col, "precision") == null ? 0 : annotations.integer(col, "precision");
    int scale = precision > 0 && col != null ? annotations.integer(col, "scale") : 0;
    List<String> distinct = targets.stream().distinct().toList();
    if (distinct.equals(List.of("postgresql"))) {
      return Sized.nativeType("interval second(" + (precision > 0 ? scale : 6) + ")");
    }
    if (distinct.equals(List.of("h2"))) {
      return Sized.nativeType(precision > 0 ? "interval second(" + precision + "," + scale + ")" : "interval second(18,9)");
    }
    problems.add(Problem.error(at, "Hibernate 7 makes @JdbcTypeCode(SqlTypes.INTERVAL_SECOND) (" + attribute + ") "
        + "interval second(6) on PostgreSQL and interval second(18,9) on H2, and has no such type on MariaDB or SQLite,"
        + " so jmigrate reads it with one target dialect only, postgresql or h2 (-Ajmigrate.dialects"
        + (targets.isEmpty() ? " is not given" : "=" + String.join(",", targets)) + "). For one type everywhere, "
        + "write it: @Column(columnDefinition = \"interval second(6)\") (and remove @JdbcTypeCode)"));
    return null;
  }

  /**
   * Whether every target dialect has the enum or set type of {@code definition}: MariaDB (and MySQL) has both, H2 an
   * enum only, PostgreSQL and SQLite neither (PostgreSQL's enums are named types, created apart; measured: H2 2 says
   * "Unknown data type: SET", SQLite "syntax error"). False after reporting the ones that have not.
   */
  private boolean quotedListTargets(String definition, String attribute, Origin at) {
    boolean set = definition.strip().toLowerCase(java.util.Locale.ROOT).startsWith("set");
    List<String> without = targets.stream().distinct()
        .filter(t -> t.equals("postgresql") || t.equals("sqlite") || (set && t.equals("h2"))).toList();
    if (without.isEmpty()) {
      return true;
    }
    problems.add(Problem.error(at, "columnDefinition \"" + definition.strip() + "\" (" + attribute + ") is "
        + (set ? "MariaDB's set type, which only MariaDB and MySQL have" : "an enum type that only MariaDB, MySQL and H2"
        + " have") + ", and the target dialect" + (without.size() == 1 ? " " : "s ") + String.join(", ", without)
        + (without.size() == 1 ? " has" : " have") + " none (-Ajmigrate.dialects=" + String.join(",", targets) + "): "
        + (set ? "store the values in a table of their own (an @ElementCollection of an enum)"
            : "map it as @Enumerated(EnumType.STRING) on a Java enum (a varchar with a check of the names, everywhere)")
        + ", or leave " + String.join(", ", without) + " out of the target dialects"));
    return false;
  }

  /** The smallest fix of a columnDefinition that holds more than a type: what to write instead of the rest. */
  private static String definitionFix(String definition) {
    String sql = definition.toLowerCase(java.util.Locale.ROOT);
    List<String> instead = new ArrayList<>();
    if (sql.matches("(?s).*\\bnot\\s+null\\b.*")) {
      instead.add("@Column(nullable = false) for NOT NULL");
    }
    if (sql.matches("(?s).*\\bdefault\\b.*")) {
      instead.add("Hibernate's @ColumnDefault for the default");
    }
    if (sql.matches("(?s).*\\bunique\\b.*")) {
      instead.add("@Column(unique = true) for UNIQUE");
    }
    if (sql.matches("(?s).*\\bcheck\\b.*")) {
      instead.add("Hibernate's @Check for the check");
    }
    if (sql.matches("(?s).*\\bcollate\\b.*")) {
      instead.add("Hibernate's @Collate for the collation");
    }
    if (sql.matches("(?s).*\\b(small|big)?serial[248]?\\b.*")) {
      instead.add("@GeneratedValue(strategy = GenerationType.IDENTITY) for the serial (an integer type with a sequence)");
    }
    if (sql.matches("(?s).*\\bgenerated\\b.*")) {
      instead.add("Hibernate's @GeneratedColumn for the expression");
    }
    return "Keep only the type in columnDefinition" + (instead.isEmpty() ? "" : ", and use " + String.join(", ", instead));
  }

  private static String describe(Sized s) {
    return s.type() + (s.length() > 0 ? "(" + s.length() + ")" : s.precision() > 0 ? "(" + s.precision() + ","
        + s.scale() + ")" : s.type() == ColumnType.STRING ? " (unbounded)" : "");
  }

  /** The field's converter: {@code @Convert(converter = …)}, else an {@code autoApply} converter of its type. */
  private TypeElement converter(Element field, TypeMirror type) {
    AnnotationMirror convert = Jpa.mirror(field, "Convert");
    if (convert != null && !annotations.bool(convert, "disableConversion")) {
      TypeElement c = annotations.type(convert, "converter");
      if (c != null && !c.getQualifiedName().contentEquals("void")) {
        return c;
      }
    }
    if (convert != null && annotations.bool(convert, "disableConversion")) {
      return null;
    }
    return autoApply.get(JpaTypes.qualifiedName(type.getKind().isPrimitive() ? type : type));
  }

  /** {@code Y} of {@code AttributeConverter<X, Y>}, as the converter class implements it; null if not written there. */
  static TypeMirror databaseType(TypeElement converter) {
    return converterArgument(converter, 1);
  }

  static TypeMirror converterArgument(TypeElement converter, int index) {
    List<TypeMirror> supertypes = new ArrayList<>(converter.getInterfaces());
    supertypes.add(converter.getSuperclass());
    for (TypeMirror s : supertypes) {
      if (!(s instanceof DeclaredType d) || !(d.asElement() instanceof TypeElement e)) {
        continue;
      }
      String name = e.getQualifiedName().toString();
      if (name.equals("jakarta.persistence.AttributeConverter") || name.equals("javax.persistence.AttributeConverter")) {
        List<? extends TypeMirror> args = d.getTypeArguments();
        return args.size() == 2 && args.get(index).getKind() == TypeKind.DECLARED ? args.get(index) : null;
      }
      if (!name.equals("java.lang.Object")) {
        TypeMirror inner = converterArgument(e, index);
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

  /**
   * A map's key column: {@code @MapKeyColumn(name, length, precision, scale)}, else {@code <attribute>_KEY}
   * through the naming; an enum key by {@code @MapKeyEnumerated} (ordinal unless STRING), as Hibernate 7
   * makes it. Null after reporting a key type without a column.
   */
  ColumnDeclaration mapKey(Element field, TypeMirror key, String declaringClass) {
    String attribute = field.getSimpleName().toString();
    AnnotationMirror col = Jpa.mirror(field, "MapKeyColumn");
    Sized sized;
    if (JpaTypes.isEnum(key)) {
      String kind = Jpa.constant(annotations, Jpa.mirror(field, "MapKeyEnumerated"), "value");
      sized = Sized.of("STRING".equals(kind) ? ColumnType.STRING : ColumnType.SMALLINT);
    } else if (Jpa.has(field, "MapKeyTemporal") && key != null
        && java.util.Set.of("java.util.Date", "java.util.Calendar").contains(JpaTypes.qualifiedName(key))) {
      // a java.util.Date or Calendar key, as @Temporal makes a column of one
      String t = Jpa.constant(annotations, Jpa.mirror(field, "MapKeyTemporal"), "value");
      sized = Sized.of("DATE".equals(t) ? ColumnType.DATE : "TIME".equals(t) ? ColumnType.TIME : ColumnType.TIMESTAMP);
    } else {
      sized = key == null ? null : JpaTypes.basic(key);
    }
    if (sized == null) {
      problems.add(Problem.at(field, "jmigrate cannot map the key of " + attribute + " (" + key + "): a map's key is "
          + "mapped when it is a number, String, enum, java.time or java.util.Date value (a column), or an @Entity "
          + "(a join column, @MapKeyJoinColumn), as Hibernate maps them; key a map of entities by one of their "
          + "attributes with @MapKey"));
      return null;
    }
    String given = col == null ? "" : annotations.string(col, "name");
    int length = sized.length();
    if (sized.type() == ColumnType.STRING && explicit(col, "length") != null) {
      length = annotations.integer(col, "length");
    }
    int precision = sized.precision();
    int scale = sized.scale();
    if (sized.type() == ColumnType.DECIMAL && col != null && annotations.integer(col, "precision") > 0) {
      precision = annotations.integer(col, "precision");
      scale = annotations.integer(col, "scale");
    }
    Origin origin = track(Origin.of(field), col, "name", "name");
    String name = naming.physical(given.isEmpty() ? attribute + "_KEY" : given, line);
    Problem keyword = HibernateKeywords.warning(targets, "map key column", given, name, origin.of("name"),
        "@MapKeyColumn(name = \"\\\"%s\\\"\")");
    if (keyword != null && !problems.contains(keyword)) {
      problems.add(keyword);
    }
    return new ColumnDeclaration(name, !given.isEmpty(),
        attribute, declaringClass, new JavaType(key.toString(), sized.type(), false, JpaTypes.qualifiedName(key),
            TypeMapping.enumConstants(key)), // an enum key: Hibernate checks it as it checks an enum column
        false, false, false, length, precision, scale, false, null, null, null, null, false, origin);
  }

  /** {@code c} as a key column (NOT NULL), or as a plain column of the given nullability. */
  static ColumnDeclaration as(ColumnDeclaration c, boolean id, boolean nullable) {
    return new ColumnDeclaration(c.name(), c.nameGiven(), c.field(), c.declaringClass(), c.javaType(), id,
        c.generated(), nullable && !id, c.length(), c.precision(), c.scale(), c.unique(), c.defaultValue(),
        c.defaultSql(), c.defaultSqlVariants(), c.renamedFrom(), c.foreignKey(), c.narrow(), c.origin(), c.comment())
        .withCollation(c.collation());
  }

  /** A foreign-key column: named, typed and sized as the referenced column, nullable as the mapping says. */
  static ColumnDeclaration reference(String name, Element field, String declaringClass, ColumnDeclaration referenced,
      boolean nullable, boolean unique, boolean id, ForeignKeyDeclaration fk, Origin origin, String renamedFrom,
      boolean narrow) {
    JavaType t = referenced.javaType();
    // The referenced column's type; one jmigrate does not model (a columnDefinition) with its SQL type as written,
    // as Hibernate's join column copies the referenced column's (AnnotatedJoinColumn's override from it).
    return new ColumnDeclaration(name, true, field.getSimpleName().toString(), declaringClass,
        new JavaType(t.name(), t.columnType(), false, t.boxName(), null, null, t.sqlType()), id, false, nullable && !id,
        referenced.length(), referenced.precision(), referenced.scale(), unique, null, null, renamedFrom, fk, narrow,
        origin);
  }

  /** Whether the field is a Java field the provider persists (not static, not transient). */
  static boolean persistent(Element e) {
    return e.getKind() == ElementKind.FIELD && !e.getModifiers().contains(Modifier.STATIC)
        && !e.getModifiers().contains(Modifier.TRANSIENT) && !Jpa.has(e, "Transient")
        && Annotations.mirror(e, Jpa.HIBERNATE + "Formula") == null;
  }

  static AnnotationValue value(AnnotationMirror m, String member) {
    return explicit(m, member);
  }
}
