package io.jmigrate.processor.model.validate;

import io.jmigrate.processor.model.ColumnDeclaration;
import io.jmigrate.processor.model.Problem;
import io.jmigrate.processor.model.TableDeclaration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The second stage: every model mistake, found on the declarations alone and reported at the
 * declaration's origin (the annotation value where one applies). The schema is built only from
 * declarations that pass, so the build stage never meets an invalid one.
 *
 * <p>Rules that depend on each other run in order and stop at a declaration's first problem (an
 * unsupported type has no length to check); rules across declarations (two tables with one name,
 * two fields with one column, references) see only the declarations that passed on their own.
 */
public final class ModelValidator {
  /** The dialect names {@code -Ajmigrate.dialects} and {@code @DefaultSql} accept. */
  public static List<String> dialects() {
    return DialectRules.known();
  }

  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, TableDeclaration> byName = new HashMap<>();
  private final Map<String, TableDeclaration> byFoldedName = new HashMap<>();
  private final Map<String, TableDeclaration> tableRenames = new HashMap<>();
  private final Map<String, TableDeclaration> valid = new LinkedHashMap<>();
  private final Map<String, Map<String, ColumnDeclaration>> validColumns = new HashMap<>();

  private final DialectRules dialects;
  private final Map<String, ColumnDeclaration> enumTypes = new HashMap<>(); // type name → first column of it

  private ModelValidator(List<String> targets) {
    this.dialects = new DialectRules(targets);
  }

  /** The problems of the given declarations; empty when a schema can be built from them. */
  public static List<Problem> validate(List<TableDeclaration> tables) {
    return validate(tables, List.of());
  }

  /**
   * The problems of the given declarations on the named target dialects ({@code -Ajmigrate.dialects});
   * empty when a schema can be built from them.
   */
  public static List<Problem> validate(List<TableDeclaration> tables, List<String> targets) {
    ModelValidator v = new ModelValidator(targets);
    tables.forEach(v::table);
    ForeignKeyRules references = new ForeignKeyRules(v.valid, v.validColumns);
    for (TableDeclaration t : v.valid.values()) {
      for (ColumnDeclaration c : v.validColumns.get(t.className()).values()) {
        if (c.foreignKey() != null) {
          v.add(references.check(t, c));
        }
      }
    }
    return List.copyOf(v.problems);
  }

  private void table(TableDeclaration t) {
    if (add(TableRules.shape(t)) || add(TableRules.name(t)) || add(sameName(t)) || add(TableRules.noColumns(t))) {
      return;
    }
    Map<String, ColumnDeclaration> columns = columns(t);
    if (columns.size() < t.columns().size()) {
      return;
    }
    add(TableRules.generatedKey(t, columns.values().stream().filter(ColumnDeclaration::id).toList()));
    problems.addAll(TableRules.indexes(t, columns));
    problems.addAll(TableRules.checks(t));
    problems.addAll(TableRules.constraintNames(t));
    problems.addAll(dialects.keys(t, columns));
    add(tableRename(t));
    // The class's own table, declared first: a JPA generator table named after the same entity (listed after
    // the entities) must not stand in for it when a reference to the class is checked.
    if (valid.putIfAbsent(t.className(), t) == null) {
      validColumns.put(t.className(), columns);
    }
  }

  private Problem sameName(TableDeclaration t) {
    TableDeclaration other = byName.putIfAbsent(t.name(), t);
    if (other != null) {
      return Problem.error(t.origin().of("name"), "two models use the table name \"" + t.name() + "\": "
          + other.className() + " and " + t.className() + ". " + sameNameAdvice(other.className(), t.className()));
    }
    TableDeclaration folded = byFoldedName.putIfAbsent(t.name().toLowerCase(Locale.ROOT), t);
    String message = folded == null ? null : dialects.sameNameIgnoringCase("the table name of " + t.className(), t.name(),
        folded.name(), "Give " + t.className() + " or " + folded.className() + " another name with @Table(name = \"…\").");
    return message == null ? null : Problem.error(t.origin().of("name"), message);
  }

  /**
   * What to do about a table name used twice. A join or collection table's class name is its owner's and the
   * attribute's ({@code Sku#fees}): renaming it would split rows that both mean to share, so the advice is the
   * mapping's usual fix.
   */
  private static String sameNameAdvice(String a, String b) {
    boolean joinA = a.contains("#");
    boolean joinB = b.contains("#");
    if (joinA && joinB) {
      return "Both own the join table with different columns, keys or references: if they are the two sides of one "
          + "association, give one side mappedBy = \"…\" (the other side's attribute) and keep one @JoinTable; "
          + "otherwise give one of them another name in its @JoinTable or @CollectionTable.";
    }
    if (joinA || joinB) {
      String collection = joinA ? a : b;
      return "The entity and the collection " + collection + " would share one table, whose rows the collection "
          + "would write without the entity's other columns: map the collection through the entity (a @OneToMany "
          + "of it, mappedBy its @ManyToOne), or mark " + collection.substring(collection.indexOf('#') + 1)
          + " @Transient; renaming either table would split the rows.";
    }
    return "Give one of them another name with @Table(name = \"…\").";
  }

  /** Columns naming one enum type must agree on its labels: the type is one schema object. */
  private Problem sameEnumType(ColumnDeclaration c) {
    String type = c.javaType().enumType();
    if (type == null) {
      return null;
    }
    ColumnDeclaration first = enumTypes.putIfAbsent(type, c);
    if (first == null || first.javaType().enumConstants().equals(c.javaType().enumConstants())) {
      return null;
    }
    return Problem.error(c.origin(), "the enum type " + type + " of " + c.qualifiedField() + " would have the labels "
        + c.javaType().enumConstants() + ", but " + first.qualifiedField() + " gives it " + first.javaType().enumConstants()
        + "; one type has one list of labels: use one Java enum for both, or name another type");
  }

  /** The table's valid columns by name, in declaration order; each problem reported. */
  private Map<String, ColumnDeclaration> columns(TableDeclaration t) {
    Map<String, ColumnDeclaration> columns = new LinkedHashMap<>();
    Map<String, ColumnDeclaration> renamedFrom = new HashMap<>();
    Map<String, ColumnDeclaration> byFoldedName = new HashMap<>();
    for (ColumnDeclaration c : t.columns()) {
      if (add(ColumnRules.check(c)) || add(dialects.column(c))) {
        continue;
      }
      ColumnDeclaration clash = columns.putIfAbsent(c.name(), c);
      if (clash != null) {
        add(Problem.error(c.origin().of("name"), "two fields of " + t.simpleName() + " map to the column \"" + c.name()
            + "\": " + clash.qualifiedField() + " and " + c.qualifiedField()
            + ". Name one of them with @Column(name = \"…\")."));
        continue;
      }
      ColumnDeclaration folded = byFoldedName.putIfAbsent(c.name().toLowerCase(Locale.ROOT), c);
      String sameIgnoringCase = folded == null ? null : dialects.sameNameIgnoringCase("the column of " + c.qualifiedField(),
          c.name(), folded.name(), "Name one of them otherwise with @Column(name = \"…\") (the other is "
              + folded.qualifiedField() + ").");
      if (sameIgnoringCase != null) {
        columns.remove(c.name());
        add(Problem.error(c.origin().of("name"), sameIgnoringCase));
        continue;
      }
      if (add(sameEnumType(c))) {
        columns.remove(c.name());
        continue;
      }
      if (c.generated() && !c.javaType().columnType().isInteger()) {
        add(Problem.error(c.origin().of("generated"), "@Id(generated = true) needs an int or long key, not "
            + (c.javaType().sqlType() != null ? "the SQL type " + c.javaType().sqlType() + " (@Column(sqlType))" : c.javaType())
            + "; drop generated, or make the key an int or long"));
      }
      if (c.renamedFrom() != null) {
        String message = Identifiers.problem("@RenamedFrom column", c.renamedFrom(), null, null);
        if (renamedFrom.containsKey(c.renamedFrom())) {
          add(Problem.error(c.origin().of("renamedFrom"), "two fields of " + t.simpleName() + " say @RenamedFrom(\""
              + c.renamedFrom() + "\"): " + renamedFrom.get(c.renamedFrom()).qualifiedField() + " and "
              + c.qualifiedField() + "; a column can be renamed to one new name only"));
        } else if (message != null) {
          add(Problem.error(c.origin().of("renamedFrom"), message));
        } else {
          renamedFrom.put(c.renamedFrom(), c);
        }
      }
    }
    return columns;
  }

  private Problem tableRename(TableDeclaration t) {
    if (t.renamedFrom() == null) {
      return null;
    }
    TableDeclaration claimant = tableRenames.putIfAbsent(t.renamedFrom(), t);
    if (claimant != null) {
      return Problem.error(t.origin().of("renamedFrom"), "both " + claimant.className() + " and " + t.className()
          + " say @RenamedFrom(\"" + t.renamedFrom() + "\"); one old table can become one new table only");
    }
    String message = Identifiers.problem("@RenamedFrom table", t.renamedFrom(), null, null);
    return message == null ? null : Problem.error(t.origin().of("renamedFrom"), message);
  }

  /** Adds the problem if there is one; true when there was. */
  private boolean add(Problem p) {
    if (p != null) {
      problems.add(p);
    }
    return p != null;
  }
}
