package io.jmigrate.processor.model;

import io.jmigrate.ForeignKey.Action;
import io.jmigrate.schema.Column;
import io.jmigrate.schema.ColumnType;
import io.jmigrate.schema.ForeignKey;
import io.jmigrate.schema.Index;
import io.jmigrate.schema.Names;
import io.jmigrate.schema.Schema;
import io.jmigrate.schema.Table;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Reads {@code @Table} types into a {@link Schema}. Every mistake becomes a {@link Problem} at
 * the offending element; nothing here throws at the user.
 */
public final class ModelReader {
  static final String TABLE = "io.jmigrate.Table";
  static final String COLUMN = "io.jmigrate.Column";
  static final String ID = "io.jmigrate.Id";
  static final String FOREIGN_KEY = "io.jmigrate.ForeignKey";
  static final String INDEX = "io.jmigrate.Index";
  static final String INDEX_LIST = "io.jmigrate.Index.List";
  static final String RENAMED_FROM = "io.jmigrate.RenamedFrom";
  static final String TRANSIENT = "io.jmigrate.Transient";
  static final String DROP = "io.jmigrate.Drop";
  static final String DROP_LIST = "io.jmigrate.Drop.List";
  static final String NARROW = "io.jmigrate.Narrow";

  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, TypeElement> tableElements = new TreeMap<>();
  private final Map<String, Element> columnElements = new HashMap<>();
  private final Map<String, String> tableClasses = new TreeMap<>();
  private final Map<String, String> tableRenames = new TreeMap<>();
  private final Map<String, Map<String, String>> columnRenames = new TreeMap<>();
  private final Map<String, TypeElement> droppableTables = new TreeMap<>();
  private final Map<String, Set<String>> droppableColumns = new TreeMap<>();
  private final Set<String> narrowable = new TreeSet<>();
  /** Model class name → its table, once read. */
  private final Map<String, Table> byClass = new LinkedHashMap<>();
  private final Map<String, List<FieldRef>> foreignKeyFields = new HashMap<>();

  /** Annotation members' default values, looked up once per build (they are asked for on every field). */
  private final Map<String, Object> defaults = new HashMap<>();
  private static final Object NO_DEFAULT = new Object();

  private record FieldRef(Element field, String column, AnnotationMirror foreignKey) {}

  /** Reads the given model types (and any {@code @Table} type their foreign keys reach). */
  public Models read(Collection<TypeElement> types) {
    Deque<TypeElement> work = new ArrayDeque<>(types);
    Set<String> seen = new LinkedHashSet<>();
    while (!work.isEmpty()) {
      TypeElement type = work.poll();
      if (!seen.add(type.getQualifiedName().toString())) {
        continue;
      }
      readTable(type);
      for (FieldRef ref : foreignKeyFields.getOrDefault(type.getQualifiedName().toString(), List.of())) {
        TypeElement target = referencedType(ref.foreignKey());
        if (target != null && mirror(target, TABLE) != null) {
          work.add(target);
        }
      }
    }
    Map<String, Table> tables = new TreeMap<>();
    for (Table t : byClass.values()) {
      tables.put(t.name(), t);
    }
    for (Map.Entry<String, Table> e : new ArrayList<>(byClass.entrySet())) {
      Table t = resolveForeignKeys(e.getKey(), tables.get(e.getValue().name()), tables);
      tables.put(t.name(), t);
    }
    Schema schema = problems.isEmpty() ? Schema.of(tables.values()) : Schema.empty();
    return new Models(schema, tableClasses, tableElements, columnElements, tableRenames, columnRenames,
        droppableTables, droppableColumns, narrowable, List.copyOf(problems));
  }

  private void readTable(TypeElement type) {
    String className = type.getQualifiedName().toString();
    if (!checkShape(type)) {
      return;
    }
    AnnotationMirror table = mirror(type, TABLE);
    String name = string(table, "name");
    if (name.isEmpty()) {
      name = Names.snakeCase(type.getSimpleName().toString());
    }
    if (!Names.isValidIdentifier(name)) {
      problems.add(Problem.at(type, invalidName("table", name)));
      return;
    }
    TypeElement other = tableElements.get(name);
    if (other != null) {
      problems.add(Problem.at(type, "two models use the table name \"" + name + "\": "
          + other.getQualifiedName() + " and " + className
          + ". Give one of them another name with @Table(name = \"…\")."));
      return;
    }
    tableElements.put(name, type);
    tableClasses.put(name, className);

    List<Column> columns = new ArrayList<>();
    List<String> primaryKey = new ArrayList<>();
    List<Index> indexes = new ArrayList<>();
    Map<String, Element> seenColumns = new HashMap<>();
    Map<String, String> renames = new TreeMap<>();
    boolean generatedKey = false;
    for (Element field : fields(type)) {
      Column column = readColumn(name, field);
      if (column == null) {
        continue;
      }
      Element clash = seenColumns.put(column.name(), field);
      if (clash != null) {
        problems.add(Problem.at(field, "two fields of " + type.getSimpleName() + " map to the column \""
            + column.name() + "\": " + clash.getSimpleName() + " and " + field.getSimpleName()
            + ". Name one of them with @Column(name = \"…\")."));
        continue;
      }
      columnElements.put(name + "." + column.name(), field);
      AnnotationMirror id = mirror(field, ID);
      if (id != null) {
        primaryKey.add(column.name());
        if (bool(id, "generated")) {
          if (!column.type().isInteger()) {
            problems.add(Problem.at(field, "@Id(generated = true) needs an int or long key, not "
                + field.asType() + "; drop generated, or make the key an int or long"));
          }
          generatedKey = true;
          column = column.identity();
        }
      }
      if (bool(mirror(field, COLUMN), "unique")) {
        indexes.add(Index.unique(Names.constraintName("ux", name, List.of(column.name())), column.name()));
      }
      if (mirror(field, NARROW) != null) {
        narrowable.add(name + "." + column.name());
      }
      AnnotationMirror renamed = mirror(field, RENAMED_FROM);
      if (renamed != null) {
        String old = string(renamed, "value");
        if (renames.containsValue(old)) {
          problems.add(Problem.at(field, "two fields of " + type.getSimpleName()
              + " say @RenamedFrom(\"" + old + "\"); a column can be renamed to one new name only"));
        } else if (!Names.isValidIdentifier(old)) {
          problems.add(Problem.at(field, invalidName("@RenamedFrom column", old)));
        } else {
          renames.put(column.name(), old);
        }
      }
      AnnotationMirror fk = mirror(field, FOREIGN_KEY);
      if (fk != null) {
        foreignKeyFields.computeIfAbsent(className, k -> new ArrayList<>()).add(new FieldRef(field, column.name(), fk));
      }
      columns.add(column);
    }
    if (columns.isEmpty()) {
      problems.add(Problem.at(type, "@Table " + type.getSimpleName() + " has no columns: add a field, "
          + "or remove @Table (static, transient and @Transient fields are not columns)"));
      return;
    }
    if (generatedKey && primaryKey.size() > 1) {
      problems.add(Problem.at(type, "@Id(generated = true) works on a single-column key only; "
          + type.getSimpleName() + " has the composite key " + primaryKey));
    }
    for (AnnotationMirror index : repeated(type, INDEX, INDEX_LIST)) {
      Index i = readIndex(type, name, index, seenColumns.keySet());
      if (i != null) {
        indexes.add(i);
      }
    }
    Set<String> indexNames = new TreeSet<>();
    for (Index i : indexes) {
      if (!indexNames.add(i.name())) {
        problems.add(Problem.at(type, "two indexes of " + type.getSimpleName() + " are named \"" + i.name()
            + "\"; give one of them another name with @Index(name = \"…\")"));
      }
    }
    for (AnnotationMirror drop : repeated(type, DROP, DROP_LIST)) {
      droppableColumns.computeIfAbsent(name, k -> new TreeSet<>()).addAll(strings(drop, "columns"));
      for (String t : strings(drop, "tables")) {
        droppableTables.put(t, type);
      }
    }
    if (!renames.isEmpty()) {
      columnRenames.put(name, renames);
    }
    AnnotationMirror renamed = mirror(type, RENAMED_FROM);
    if (renamed != null) {
      String old = string(renamed, "value");
      String claimant = tableRenames.entrySet().stream().filter(e -> e.getValue().equals(old))
          .map(Map.Entry::getKey).findFirst().orElse(null);
      if (claimant != null) {
        problems.add(Problem.at(type, "both " + tableClasses.get(claimant) + " and " + className
            + " say @RenamedFrom(\"" + old + "\"); one old table can become one new table only"));
      } else if (!Names.isValidIdentifier(old)) {
        problems.add(Problem.at(type, invalidName("@RenamedFrom table", old)));
      } else {
        tableRenames.put(name, old);
      }
    }
    byClass.put(className, new Table(name, columns, primaryKey, indexes, List.of()));
  }

  /** A model is a top-level or static nested, non-generic, non-abstract class or record. */
  private boolean checkShape(TypeElement type) {
    ElementKind kind = type.getKind();
    if (kind != ElementKind.CLASS && kind != ElementKind.RECORD) {
      problems.add(Problem.at(type, "@Table goes on a class or a record, not on "
          + (kind == ElementKind.ANNOTATION_TYPE ? "an annotation type" : "an " + kind.name().toLowerCase(java.util.Locale.ROOT))
          + " (" + type.getSimpleName() + ")"));
      return false;
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      problems.add(Problem.at(type, "@Table type " + type.getSimpleName() + " is abstract; put @Table on "
          + "its concrete subclasses (they inherit its fields as columns)"));
      return false;
    }
    if (!type.getTypeParameters().isEmpty()) {
      problems.add(Problem.at(type, "@Table type " + type.getSimpleName() + " is generic; a table needs "
          + "fixed column types: remove the type parameters"));
      return false;
    }
    if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)
        && kind != ElementKind.RECORD) {
      problems.add(Problem.at(type, "@Table type " + type.getSimpleName() + " is an inner class; make it "
          + "static or top-level"));
      return false;
    }
    if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
      problems.add(Problem.at(type, "@Table type " + type.getSimpleName() + " is a local class; make it top-level"));
      return false;
    }
    return true;
  }

  /** Columns in declaration order; inherited fields first. */
  private List<Element> fields(TypeElement type) {
    List<Element> out = new ArrayList<>();
    if (type.getKind() == ElementKind.RECORD) {
      out.addAll(type.getRecordComponents());
      return out;
    }
    TypeMirror superclass = type.getSuperclass();
    if (superclass.getKind() == TypeKind.DECLARED) {
      TypeElement parent = (TypeElement) ((DeclaredType) superclass).asElement();
      if (!parent.getQualifiedName().contentEquals("java.lang.Object")) {
        out.addAll(fields(parent));
      }
    }
    for (Element e : type.getEnclosedElements()) {
      if (e.getKind() == ElementKind.FIELD
          && !e.getModifiers().contains(Modifier.STATIC)
          && !e.getModifiers().contains(Modifier.TRANSIENT)
          && mirror(e, TRANSIENT) == null) {
        out.add(e);
      }
    }
    return out;
  }

  private Column readColumn(String table, Element field) {
    if (mirror(field, TRANSIENT) != null) {
      return null;
    }
    AnnotationMirror col = mirror(field, COLUMN);
    String name = string(col, "name");
    if (name.isEmpty()) {
      name = Names.snakeCase(field.getSimpleName().toString());
    }
    if (!Names.isValidIdentifier(name)) {
      problems.add(Problem.at(field, invalidName("column", name)));
      return null;
    }
    TypeMirror javaType = field.asType();
    ColumnType type = TypeMapping.columnType(javaType);
    if (type == null) {
      problems.add(Problem.at(field, "unsupported column type " + javaType + " for field "
          + field.getSimpleName() + ". Supported: " + TypeMapping.SUPPORTED
          + ". Mark the field @Transient (or transient) to leave it out of the table."));
      return null;
    }
    boolean primitive = javaType.getKind().isPrimitive();
    boolean isId = mirror(field, ID) != null;
    boolean nullableSet = isSet(col, "nullable");
    boolean nullable = !primitive && !isId && bool(col, "nullable", true);
    if (nullableSet && bool(col, "nullable", true) && primitive) {
      problems.add(Problem.at(field, "field " + field.getSimpleName() + " is a primitive " + javaType
          + ", which cannot hold NULL: use " + boxName(javaType) + " for a nullable column, or remove nullable = true"));
      return null;
    }
    if (nullableSet && bool(col, "nullable", true) && isId) {
      problems.add(Problem.at(field, "@Id column " + name + " cannot be nullable: a primary key is never "
          + "NULL. Remove nullable = true."));
      return null;
    }
    Column column = Column.of(name, type).nullable(nullable);
    int length = integer(col, "length");
    int precision = integer(col, "precision");
    int scale = integer(col, "scale");
    if (length < 0 || precision < 0 || scale < 0) {
      problems.add(Problem.at(field, "length, precision and scale cannot be negative"));
      return null;
    }
    if (length > 0 && type != ColumnType.STRING) {
      problems.add(Problem.at(field, "length applies to String columns only, not " + javaType
          + "; for BigDecimal use precision and scale"));
      return null;
    }
    if ((precision > 0 || scale > 0) && type != ColumnType.DECIMAL) {
      problems.add(Problem.at(field, "precision and scale apply to BigDecimal columns only, not " + javaType));
      return null;
    }
    if (scale > precision && precision > 0 || scale > 0 && precision == 0) {
      problems.add(Problem.at(field, "scale (" + scale + ") needs a precision at least as large"));
      return null;
    }
    column = column.length(length).precision(precision, scale);
    String defaultValue = string(col, "defaultValue");
    String defaultSql = string(col, "defaultSql");
    if (!defaultValue.isEmpty() && !defaultSql.isEmpty()) {
      problems.add(Problem.at(field, "give either defaultValue or defaultSql, not both"));
      return null;
    }
    if (!defaultValue.isEmpty() || (isSet(col, "defaultValue") && type == ColumnType.STRING)) {
      try {
        column = column.defaultValue(TypeMapping.canonicalDefault(type, defaultValue, TypeMapping.enumConstants(javaType)));
      } catch (IllegalArgumentException e) {
        problems.add(Problem.at(field, "defaultValue \"" + defaultValue + "\" is not a valid " + javaType
            + ": " + e.getMessage() + ". Give a literal of the field's type, or an SQL expression with defaultSql."));
        return null;
      }
    } else if (!defaultSql.isEmpty()) {
      column = column.defaultSql(defaultSql.trim());
    }
    return column;
  }

  private Index readIndex(TypeElement type, String table, AnnotationMirror index, Set<String> columns) {
    List<String> names = strings(index, "columns");
    if (names.isEmpty()) {
      problems.add(Problem.at(type, "@Index on " + type.getSimpleName() + " names no columns"));
      return null;
    }
    for (String c : names) {
      if (!columns.contains(c)) {
        String hint = columns.contains(Names.snakeCase(c)) ? " (did you mean the column \"" + Names.snakeCase(c) + "\"? "
            + "@Index takes column names, not field names)" : "; its columns are " + new TreeSet<>(columns);
        problems.add(Problem.at(type, "@Index names the unknown column \"" + c + "\"" + hint));
        return null;
      }
    }
    boolean unique = bool(index, "unique");
    String name = string(index, "name");
    if (name.isEmpty()) {
      name = Names.constraintName(unique ? "ux" : "ix", table, names);
    } else if (!Names.isValidIdentifier(name)) {
      problems.add(Problem.at(type, invalidName("index", name)));
      return null;
    }
    return new Index(name, names, unique);
  }

  private Table resolveForeignKeys(String className, Table table, Map<String, Table> tables) {
    for (FieldRef ref : foreignKeyFields.getOrDefault(className, List.of())) {
      TypeElement target = referencedType(ref.foreignKey());
      if (target == null || mirror(target, TABLE) == null || !byClass.containsKey(target.getQualifiedName().toString())) {
        problems.add(Problem.at(ref.field(), "@ForeignKey(" + (target == null ? "?" : target.getSimpleName())
            + ".class) must name a @Table type; add @Table to it, or reference another model"));
        continue;
      }
      Table refTable = tables.get(byClass.get(target.getQualifiedName().toString()).name());
      String refColumn = string(ref.foreignKey(), "column");
      if (refColumn.isEmpty()) {
        if (refTable.primaryKey().size() != 1) {
          problems.add(Problem.at(ref.field(), "@ForeignKey(" + target.getSimpleName() + ".class) needs column = \"…\": "
              + refTable.name() + " has " + (refTable.primaryKey().isEmpty() ? "no primary key" : "a composite primary key")));
          continue;
        }
        refColumn = refTable.primaryKey().get(0);
      }
      Column referenced = refTable.column(refColumn).orElse(null);
      if (referenced == null) {
        problems.add(Problem.at(ref.field(), "@ForeignKey references the column \"" + refColumn + "\", which "
            + refTable.name() + " does not have; its columns are " + refTable.columnNames()));
        continue;
      }
      String rc = refColumn;
      boolean keyLike = refTable.primaryKey().equals(List.of(rc))
          || refTable.indexes().stream().anyMatch(i -> i.unique() && i.columns().equals(List.of(rc)));
      if (!keyLike) {
        problems.add(Problem.at(ref.field(), "@ForeignKey references " + refTable.name() + "." + rc
            + ", which is neither its primary key nor unique; databases require one of them. "
            + "Add @Column(unique = true) to it, or reference the primary key."));
        continue;
      }
      Column own = table.column(ref.column()).orElseThrow();
      if (own.type() != referenced.type()) {
        problems.add(Problem.at(ref.field(), "column " + table.name() + "." + own.name() + " is " + own.type()
            + " but references " + refTable.name() + "." + rc + ", which is " + referenced.type()
            + "; make the field the same Java type as the referenced one"));
        continue;
      }
      Action onDelete = action(ref.foreignKey(), "onDelete");
      Action onUpdate = action(ref.foreignKey(), "onUpdate");
      if ((onDelete == Action.SET_NULL || onUpdate == Action.SET_NULL) && !own.nullable()) {
        problems.add(Problem.at(ref.field(), "SET_NULL needs a nullable column, but " + table.name() + "."
            + own.name() + " is NOT NULL"));
        continue;
      }
      table = table.foreignKey(ForeignKey.of(Names.constraintName("fk", table.name(), List.of(own.name())),
          own.name(), refTable.name(), rc).onDelete(onDelete).onUpdate(onUpdate));
    }
    return table;
  }

  // ---- annotation access through mirrors (Class values cannot be read reflectively here) ----

  static AnnotationMirror mirror(Element e, String annotation) {
    for (AnnotationMirror m : e.getAnnotationMirrors()) {
      if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(annotation)) {
        return m;
      }
    }
    return null;
  }

  private List<AnnotationMirror> repeated(Element e, String single, String container) {
    List<AnnotationMirror> out = new ArrayList<>();
    AnnotationMirror one = mirror(e, single);
    if (one != null) {
      out.add(one);
    }
    AnnotationMirror many = mirror(e, container);
    if (many != null) {
      for (Object v : (List<?>) value(many, "value")) {
        out.add((AnnotationMirror) ((AnnotationValue) v).getValue());
      }
    }
    return out;
  }

  private static boolean isSet(AnnotationMirror m, String name) {
    return m != null && m.getElementValues().keySet().stream().anyMatch(k -> k.getSimpleName().contentEquals(name));
  }

  private Object value(AnnotationMirror m, String name) {
    if (m == null) {
      return null;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
        : m.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue().getValue();
      }
    }
    String key = ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName() + "#" + name;
    return defaults.computeIfAbsent(key, k -> {
      for (Element member : m.getAnnotationType().asElement().getEnclosedElements()) {
        if (member instanceof ExecutableElement x && x.getSimpleName().contentEquals(name) && x.getDefaultValue() != null) {
          return x.getDefaultValue().getValue();
        }
      }
      return NO_DEFAULT;
    }) == NO_DEFAULT ? null : defaults.get(key);
  }

  private String string(AnnotationMirror m, String name) {
    Object v = value(m, name);
    return v == null ? "" : v.toString();
  }

  private boolean bool(AnnotationMirror m, String name) {
    return bool(m, name, false);
  }

  private boolean bool(AnnotationMirror m, String name, boolean otherwise) {
    Object v = value(m, name);
    return v == null ? otherwise : (Boolean) v;
  }

  private int integer(AnnotationMirror m, String name) {
    Object v = value(m, name);
    return v == null ? 0 : (Integer) v;
  }

  private List<String> strings(AnnotationMirror m, String name) {
    Object v = value(m, name);
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> list) {
      for (Object o : list) {
        out.add(((AnnotationValue) o).getValue().toString());
      }
    } else if (v != null) {
      out.add(v.toString());
    }
    return out;
  }

  private Action action(AnnotationMirror m, String name) {
    Object v = value(m, name);
    return v instanceof VariableElement constant ? Action.valueOf(constant.getSimpleName().toString()) : Action.NO_ACTION;
  }

  private TypeElement referencedType(AnnotationMirror fk) {
    Object v = value(fk, "value");
    if (v instanceof DeclaredType t && t.asElement() instanceof TypeElement e) {
      return e;
    }
    return null;
  }

  private static String boxName(TypeMirror primitive) {
    switch (primitive.getKind()) {
      case INT:
        return "Integer";
      case BOOLEAN:
        return "Boolean";
      default:
        String s = primitive.toString();
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
  }

  private static String invalidName(String what, String name) {
    return "invalid " + what + " name \"" + name + "\": use letters, digits and underscores, starting with a "
        + "letter or underscore, at most " + Names.MAX_IDENTIFIER_LENGTH + " characters";
  }
}
