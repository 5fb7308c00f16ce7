package io.jmigrate.processor.model.validate;

import io.jmigrate.processor.model.Naming;
import io.jmigrate.processor.model.ColumnDeclaration;
import io.jmigrate.processor.model.IndexDeclaration;
import io.jmigrate.processor.model.Problem;
import io.jmigrate.processor.model.TableDeclaration;
import io.jmigrate.processor.model.TableDeclaration.Kind;
import io.jmigrate.processor.model.TableDeclaration.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What one table declaration must be: a concrete class or record with a valid name, its key and indexes consistent. */
final class TableRules {
  private TableRules() {}

  /** A model is a top-level or static nested, non-generic, non-abstract class or record. */
  static Problem shape(TableDeclaration t) {
    Shape s = t.shape();
    String type = "@Table type " + t.simpleName();
    if (s.kind() != Kind.CLASS && s.kind() != Kind.RECORD) {
      return Problem.error(t.origin(), "@Table goes on a class or a record, not on " + s.kind() + " (" + t.simpleName() + ")");
    }
    if (s.isAbstract()) {
      return Problem.error(t.origin(), type + " is abstract; put @Table on its concrete subclasses (they inherit "
          + "its fields as columns)");
    }
    if (s.generic()) {
      return Problem.error(t.origin(), type + " is generic; a table needs fixed column types: remove the type parameters");
    }
    if (s.inner()) {
      return Problem.error(t.origin(), type + " is an inner class; make it static or top-level");
    }
    if (s.local()) {
      return Problem.error(t.origin(), type + " is a local class; make it top-level");
    }
    return null;
  }

  /** The constraint names a model keeps from an adopted database ({@code @Table(primaryKeyName)}, {@code @ForeignKey(name)}). */
  static List<Problem> constraintNames(TableDeclaration t) {
    List<Problem> out = new ArrayList<>();
    if (!t.primaryKeyName().isEmpty()) {
      String message = Identifiers.problem("primary key", t.primaryKeyName(), null, null);
      if (message != null) {
        out.add(Problem.error(t.origin().of("primaryKeyName"), message));
      }
    }
    // A collation's name goes into DDL as written: letters, digits and underscores only, as every MariaDB collation's.
    if (t.collation() != null && !t.collation().matches("[A-Za-z0-9_]{1,64}")) {
      out.add(Problem.error(t.origin().of("collation"), "\"" + t.collation() + "\" is not a collation's name; use"
          + " \"database\" (the database's default) or a MariaDB/MySQL collation such as utf8mb4_unicode_ci"
          + " (-Ajmigrate.collation for JPA entities)"));
    }
    for (ColumnDeclaration c : t.columns()) {
      if (c.foreignKey() != null && !c.foreignKey().name().isEmpty()) {
        String message = Identifiers.problem("foreign key", c.foreignKey().name(), null, null);
        if (message != null) {
          out.add(Problem.error(c.origin().of("foreignKey.name"), message));
        }
      }
    }
    return out;
  }

  static Problem name(TableDeclaration t) {
    String message = Identifiers.problem("table", t.name(), t.nameGiven() ? null : "the class " + t.simpleName(),
        "@Table(name = \"…\")");
    return message == null ? null : Problem.error(t.origin().of("name"), message);
  }

  static Problem noColumns(TableDeclaration t) {
    return t.columns().isEmpty()
        ? Problem.error(t.origin(), "@Table " + t.simpleName() + " has no columns: add a field, or remove @Table "
            + "(static, transient and @Transient fields are not columns)")
        : null;
  }

  static Problem generatedKey(TableDeclaration t, List<ColumnDeclaration> key) {
    if (key.size() > 1 && key.stream().anyMatch(ColumnDeclaration::generated)) {
      return Problem.error(t.origin(), "@Id(generated = true) works on a single-column key only; " + t.simpleName()
          + " has the composite key " + key.stream().map(ColumnDeclaration::name).toList());
    }
    return null;
  }

  /** Each index names existing columns and a valid name; no two indexes share a name. */
  static List<Problem> indexes(TableDeclaration t, Map<String, ColumnDeclaration> columns) {
    List<Problem> problems = new ArrayList<>();
    Set<String> names = new TreeSet<>();
    for (ColumnDeclaration c : columns.values()) {
      if (c.unique()) {
        names.add(IndexDeclaration.uniqueColumnIndexName(t.name(), c.name()));
      }
    }
    for (IndexDeclaration i : t.indexes()) {
      Problem p = index(t, i, columns.keySet());
      if (p != null) {
        problems.add(p);
      } else if (!names.add(i.nameIn(t.name()))) {
        problems.add(Problem.error(i.origin().of("name"), "two indexes of " + t.simpleName() + " are named \""
            + i.nameIn(t.name()) + "\"; give one of them another name with @Index(name = \"…\")"));
      }
    }
    return problems;
  }

  /** Each check has an expression and a valid name; no two checks of a table share a name. */
  static List<Problem> checks(TableDeclaration t) {
    List<Problem> problems = new ArrayList<>();
    Set<String> names = new TreeSet<>();
    for (io.jmigrate.processor.model.CheckDeclaration k : t.checks()) {
      if (k.expression().isBlank()) {
        problems.add(Problem.error(k.origin().of("value"), "@Check on " + t.simpleName() + " has no expression;"
            + " write the SQL condition every row must meet, e.g. @Check(\"quantity > 0\")"));
        continue;
      }
      String message = k.name().isEmpty() ? null : Identifiers.problem("check", k.name(), null, "@Check(name = \"…\")");
      if (message != null) {
        problems.add(Problem.error(k.origin().of("name"), message));
      } else if (!names.add(k.nameIn(t.name()))) {
        problems.add(Problem.error(k.origin().of("name"), "two checks of " + t.simpleName() + " are named \""
            + k.nameIn(t.name()) + "\"; give one of them another name with @Check(name = \"…\")"));
      }
    }
    return problems;
  }

  private static Problem index(TableDeclaration t, IndexDeclaration i, Set<String> columns) {
    if (i.columns().isEmpty()) {
      return Problem.error(i.origin().of("columns"), "@Index on " + t.simpleName() + " names no columns");
    }
    for (int k = 0; k < i.columns().size(); k++) {
      String c = i.columns().get(k);
      if (!columns.contains(c)) {
        String hint = columns.contains(Naming.snakeCase(c))
            ? " (did you mean the column \"" + Naming.snakeCase(c) + "\"? @Index takes column names, not field names)"
            : "; its columns are " + new TreeSet<>(columns);
        return Problem.error(i.origin().of("columns", k), "@Index names the unknown column \"" + c + "\"" + hint);
      }
    }
    String message = i.name().isEmpty() ? null : Identifiers.problem("index", i.name(), null, "@Index(name = \"…\")");
    return message == null ? null : Problem.error(i.origin().of("name"), message);
  }
}
