package io.jmigrate.processor.model.extract;

import io.jmigrate.processor.model.Naming;
import static io.jmigrate.processor.model.extract.Annotations.mirror;
import static io.jmigrate.processor.model.extract.Annotations.track;

import io.jmigrate.processor.model.ColumnDeclaration;
import io.jmigrate.processor.model.IndexDeclaration;
import io.jmigrate.processor.model.Origin;
import io.jmigrate.processor.model.TableDeclaration;
import io.jmigrate.processor.model.TableDeclaration.Kind;
import io.jmigrate.processor.model.TableDeclaration.Shape;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** A {@code @Table} type → its table declaration: name, shape, type-level annotations, and its fields' columns. */
final class TypeExtractor {
  private final Annotations annotations;
  private final FieldExtractor fields;

  /** A declaration, and the model types its foreign keys reference (to be read too). */
  record Extracted(TableDeclaration table, List<TypeElement> referencedModels) {}

  TypeExtractor(Annotations annotations, FieldExtractor fields) {
    this.annotations = annotations;
    this.fields = fields;
  }

  Extracted table(TypeElement type) {
    AnnotationMirror table = mirror(type, JmigrateExtractor.TABLE);
    String given = annotations.string(table, "name");
    String name = given.isEmpty() ? Naming.snakeCase(type.getSimpleName().toString()) : given;
    Origin origin = track(track(track(Origin.of(type), table, "name", "name"), table, "primaryKeyName", "primaryKeyName"),
        table, "collation", "collation");

    List<ColumnDeclaration> columns = new ArrayList<>();
    List<TypeElement> referenced = new ArrayList<>();
    List<Element> fieldElements = fields(type);
    for (Element field : fieldElements) {
      columns.add(fields.column(field));
      AnnotationMirror fk = mirror(field, JmigrateExtractor.FOREIGN_KEY);
      TypeElement target = fk == null ? null : annotations.type(fk, "value");
      if (target != null && mirror(target, JmigrateExtractor.TABLE) != null) {
        referenced.add(target);
      }
    }

    List<IndexDeclaration> indexes = new ArrayList<>();
    for (AnnotationMirror index : annotations.repeated(type, JmigrateExtractor.INDEX, JmigrateExtractor.INDEX_LIST)) {
      Origin at = track(track(Origin.of(type, index), index, "columns", "columns"), index, "name", "name");
      indexes.add(new IndexDeclaration(annotations.strings(index, "columns"), annotations.bool(index, "unique"),
          annotations.string(index, "name"), at));
    }

    List<String> dropColumns = new ArrayList<>();
    List<String> dropTables = new ArrayList<>();
    for (AnnotationMirror drop : annotations.repeated(type, JmigrateExtractor.DROP, JmigrateExtractor.DROP_LIST)) {
      dropColumns.addAll(annotations.strings(drop, "columns"));
      dropTables.addAll(annotations.strings(drop, "tables"));
    }

    AnnotationMirror renamed = mirror(type, JmigrateExtractor.RENAMED_FROM);
    origin = track(origin, renamed, "value", "renamedFrom");
    String renamedFrom = renamed == null ? null : annotations.string(renamed, "value");

    List<io.jmigrate.processor.model.CheckDeclaration> checks = new ArrayList<>();
    for (AnnotationMirror check : annotations.repeated(type, JmigrateExtractor.CHECK, JmigrateExtractor.CHECK_LIST)) {
      Origin at = track(track(Origin.of(type, check), check, "value", "value"), check, "name", "name");
      checks.add(new io.jmigrate.processor.model.CheckDeclaration(annotations.string(check, "value"),
          annotations.string(check, "name"), checks.size() + 1, at));
    }
    // A field's @Check is a check of its column: named ck_<table>_<column> unless it says, its unnamed ones one
    // check joined by "and" (as Hibernate writes a column's checks). After the type's, whose default names count.
    for (int i = 0; i < fieldElements.size(); i++) {
      List<String> unnamed = new ArrayList<>();
      Origin first = null;
      for (AnnotationMirror check : annotations.repeated(fieldElements.get(i), JmigrateExtractor.CHECK,
          JmigrateExtractor.CHECK_LIST)) {
        Origin at = track(track(Origin.of(fieldElements.get(i), check), check, "value", "value"), check, "name", "name");
        String checkName = annotations.string(check, "name");
        if (!checkName.isEmpty()) {
          checks.add(new io.jmigrate.processor.model.CheckDeclaration(annotations.string(check, "value"), checkName,
              checks.size() + 1, at));
        } else {
          unnamed.add(annotations.string(check, "value"));
          first = first == null ? at : first;
        }
      }
      if (!unnamed.isEmpty()) {
        checks.add(new io.jmigrate.processor.model.CheckDeclaration(unnamed.size() == 1 ? unnamed.get(0)
            : String.join(" and ", unnamed.stream().map(e -> "(" + e + ")").toList()),
            io.jmigrate.schema.Names.constraintName("ck", name, List.of(columns.get(i).name())), checks.size() + 1, first));
      }
    }

    TableDeclaration declaration = new TableDeclaration(type.getQualifiedName().toString(),
        type.getSimpleName().toString(), name, !given.isEmpty(), shape(type), columns, indexes, renamedFrom, dropColumns, dropTables,
        origin, annotations.string(table, "primaryKeyName"), false, annotations.string(table, "collation"), checks,
        annotations.string(table, "comment"));
    return new Extracted(declaration, referenced);
  }

  private static Shape shape(TypeElement type) {
    Kind kind = switch (type.getKind()) {
      case RECORD -> Kind.RECORD;
      case INTERFACE -> Kind.INTERFACE;
      case ENUM -> Kind.ENUM;
      case ANNOTATION_TYPE -> Kind.ANNOTATION_TYPE;
      default -> Kind.CLASS;
    };
    NestingKind nesting = type.getNestingKind();
    boolean inner = nesting == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)
        && kind == Kind.CLASS;
    boolean local = nesting == NestingKind.LOCAL || nesting == NestingKind.ANONYMOUS;
    return new Shape(kind, type.getModifiers().contains(Modifier.ABSTRACT), !type.getTypeParameters().isEmpty(),
        inner, local);
  }

  /**
   * Columns in declaration order; inherited fields first. A record's columns are read from the
   * private fields javac makes of its components (they carry the same annotations): javac places
   * a message at a field, but not at a record component (JDK 17).
   */
  private static List<Element> fields(TypeElement type) {
    List<Element> out = new ArrayList<>();
    if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
      return out; // not a table; validation says so
    }
    TypeMirror superclass = type.getSuperclass();
    if (superclass.getKind() == TypeKind.DECLARED) {
      TypeElement parent = (TypeElement) ((DeclaredType) superclass).asElement();
      if (!parent.getQualifiedName().contentEquals("java.lang.Object")
          && !parent.getQualifiedName().contentEquals("java.lang.Record")) {
        out.addAll(fields(parent));
      }
    }
    for (Element e : type.getEnclosedElements()) {
      if (e.getKind() == ElementKind.FIELD
          && !e.getModifiers().contains(Modifier.STATIC)
          && !e.getModifiers().contains(Modifier.TRANSIENT)
          && mirror(e, JmigrateExtractor.TRANSIENT) == null) {
        out.add(e);
      }
    }
    return out;
  }
}
