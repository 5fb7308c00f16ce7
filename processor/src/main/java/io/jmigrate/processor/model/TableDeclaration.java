package io.jmigrate.processor.model;

import java.util.List;

/**
 * One model type as plain values: what an extractor hands to validation and to the schema build.
 * Nothing here has been checked yet; names are resolved (a default name is already applied).
 *
 * @param className the model's qualified class name, recorded in the snapshot
 * @param simpleName the class's simple name, for messages
 * @param name the table name, given or derived from the class name
 * @param nameGiven whether the source gave the name (else it was derived from {@code simpleName})
 * @param shape what kind of type declares the table
 * @param columns the columns in declaration order, inherited ones first
 * @param indexes the table-level indexes (not the {@code unique} of a single column)
 * @param renamedFrom the old table name, or null
 * @param dropColumns columns of this table the model confirms may be dropped
 * @param dropTables tables the model confirms may be dropped
 * @param origin where the type is declared; properties: {@code name}, {@code renamedFrom},
 *     {@code dropTables[i]}, {@code dropColumns[i]}, {@code primaryKeyName}
 * @param primaryKeyName the primary key's constraint name when the source gives one (kept from an
 *     adopted database); empty for jmigrate's {@code pk_<table>}
 * @param jpa a JPA entity's table: its columns follow Hibernate's storage where that differs (an
 *     instant is {@code DATETIME(6)} on MariaDB), which a {@code @Table} model's never do
 * @param collation the table's collation on MariaDB/MySQL as {@code TableDefinition.collation} takes it;
 *     null for jmigrate's exact one
 * @param checks the table's named check constraints ({@code @Check}; a JPA entity's enum columns and
 *     {@code @org.hibernate.annotations.Check})
 * @param comment the table's comment ({@code @Table(comment)}, Hibernate's {@code @Comment} on an entity); null for none
 */
public record TableDeclaration(
    String className,
    String simpleName,
    String name,
    boolean nameGiven,
    Shape shape,
    List<ColumnDeclaration> columns,
    List<IndexDeclaration> indexes,
    String renamedFrom,
    List<String> dropColumns,
    List<String> dropTables,
    Origin origin,
    String primaryKeyName,
    boolean jpa,
    String collation,
    List<CheckDeclaration> checks,
    String comment) {

  public TableDeclaration {
    checks = checks == null ? List.of() : List.copyOf(checks);
    columns = List.copyOf(columns);
    indexes = List.copyOf(indexes);
    dropColumns = List.copyOf(dropColumns);
    dropTables = List.copyOf(dropTables);
    primaryKeyName = primaryKeyName == null ? "" : primaryKeyName;
    collation = collation == null || collation.isEmpty() ? null : collation;
    comment = comment == null || comment.isEmpty() ? null : comment;
  }

  /** A declaration without a table comment. */
  public TableDeclaration(String className, String simpleName, String name, boolean nameGiven, Shape shape,
      List<ColumnDeclaration> columns, List<IndexDeclaration> indexes, String renamedFrom, List<String> dropColumns,
      List<String> dropTables, Origin origin, String primaryKeyName, boolean jpa, String collation,
      List<CheckDeclaration> checks) {
    this(className, simpleName, name, nameGiven, shape, columns, indexes, renamedFrom, dropColumns, dropTables, origin,
        primaryKeyName, jpa, collation, checks, null);
  }

  /** A declaration with the default collation (jmigrate's exact one). */
  public TableDeclaration(String className, String simpleName, String name, boolean nameGiven, Shape shape,
      List<ColumnDeclaration> columns, List<IndexDeclaration> indexes, String renamedFrom, List<String> dropColumns,
      List<String> dropTables, Origin origin, String primaryKeyName, boolean jpa) {
    this(className, simpleName, name, nameGiven, shape, columns, indexes, renamedFrom, dropColumns, dropTables, origin,
        primaryKeyName, jpa, null, List.of());
  }

  /** A declaration without check constraints. */
  public TableDeclaration(String className, String simpleName, String name, boolean nameGiven, Shape shape,
      List<ColumnDeclaration> columns, List<IndexDeclaration> indexes, String renamedFrom, List<String> dropColumns,
      List<String> dropTables, Origin origin, String primaryKeyName, boolean jpa, String collation) {
    this(className, simpleName, name, nameGiven, shape, columns, indexes, renamedFrom, dropColumns, dropTables, origin,
        primaryKeyName, jpa, collation, List.of());
  }


  /** A {@code @Table} model's declaration. */
  public TableDeclaration(String className, String simpleName, String name, boolean nameGiven, Shape shape,
      List<ColumnDeclaration> columns, List<IndexDeclaration> indexes, String renamedFrom, List<String> dropColumns,
      List<String> dropTables, Origin origin, String primaryKeyName) {
    this(className, simpleName, name, nameGiven, shape, columns, indexes, renamedFrom, dropColumns, dropTables, origin,
        primaryKeyName, false);
  }

  /** A declaration whose primary key (if any) gets jmigrate's name. */
  public TableDeclaration(String className, String simpleName, String name, boolean nameGiven, Shape shape,
      List<ColumnDeclaration> columns, List<IndexDeclaration> indexes, String renamedFrom, List<String> dropColumns,
      List<String> dropTables, Origin origin) {
    this(className, simpleName, name, nameGiven, shape, columns, indexes, renamedFrom, dropColumns, dropTables, origin, "");
  }

  /** What declares a table: only a concrete, non-generic, top-level or static class or record may. */
  public record Shape(Kind kind, boolean isAbstract, boolean generic, boolean inner, boolean local) {
    public static final Shape CLASS = new Shape(Kind.CLASS, false, false, false, false);
    public static final Shape RECORD = new Shape(Kind.RECORD, false, false, false, false);
  }

  /** The kinds of Java type an annotation can sit on, as a message names them. */
  public enum Kind {
    CLASS("a class"), RECORD("a record"), INTERFACE("an interface"), ENUM("an enum"),
    ANNOTATION_TYPE("an annotation type");

    private final String words;

    Kind(String words) {
      this.words = words;
    }

    @Override
    public String toString() {
      return words;
    }
  }
}
