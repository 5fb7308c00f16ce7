package io.jmigrate.processor.model;

import java.util.List;
import java.util.Map;

/**
 * One field (or record component) of a model as plain values. Optional properties that the
 * source did not give are null, so validation can tell "not said" from a default.
 *
 * @param name the column name, given or derived from the field name
 * @param nameGiven whether the source gave the name (else it was derived from {@code field})
 * @param field the Java field's name
 * @param declaringClass the simple name of the class that declares the field (a superclass for
 *     an inherited field)
 * @param javaType the field's type
 * @param id part of the primary key
 * @param generated the database generates the key
 * @param nullable whether NULL was allowed explicitly; null when not said
 * @param length a String column's length; 0 unbounded
 * @param precision a BigDecimal column's precision; 0 unconstrained
 * @param scale a BigDecimal column's scale
 * @param unique a unique index on this column alone
 * @param defaultValue the default as a literal of the Java type; null when not given
 * @param defaultSql the default as an SQL expression; null when not given
 * @param defaultSqlVariants the {@code @DefaultSql} expressions, dialect name to expression, in
 *     declaration order (origins {@code defaultSqlVariants[i]} and {@code defaultSqlVariants[i].value})
 * @param renamedFrom the column's old name; null when none
 * @param foreignKey the column's reference; null when none
 * @param narrow a narrowing of this column is confirmed
 * @param comment the column's comment ({@code @Column(comment)}, Hibernate's {@code @Comment}); null when none
 * @param generatedAs the expression of a generated column ({@code @Column(generatedAs)}); null when none
 * @param stored whether a generated column is stored ({@code @Column(stored)})
 * @param collation the column's own collation ({@code @Column(collation)}, Hibernate's {@code @Collate}); null when none
 * @param origin where the field is declared; properties are the component names above
 *     ({@code name}, {@code nullable}, {@code length}, {@code defaultValue}, {@code generated},
 *     {@code renamedFrom}, {@code foreignKey}, {@code foreignKey.column}, …)
 */
public record ColumnDeclaration(
    String name,
    boolean nameGiven,
    String field,
    String declaringClass,
    JavaType javaType,
    boolean id,
    boolean generated,
    Boolean nullable,
    int length,
    int precision,
    int scale,
    boolean unique,
    String defaultValue,
    String defaultSql,
    List<Map.Entry<String, String>> defaultSqlVariants,
    String renamedFrom,
    ForeignKeyDeclaration foreignKey,
    boolean narrow,
    Origin origin,
    String comment,
    String generatedAs,
    boolean stored,
    String collation) {

  /** A declaration without a collation of its own. */
  public ColumnDeclaration(String name, boolean nameGiven, String field, String declaringClass, JavaType javaType,
      boolean id, boolean generated, Boolean nullable, int length, int precision, int scale, boolean unique,
      String defaultValue, String defaultSql, List<Map.Entry<String, String>> defaultSqlVariants, String renamedFrom,
      ForeignKeyDeclaration foreignKey, boolean narrow, Origin origin, String comment, String generatedAs, boolean stored) {
    this(name, nameGiven, field, declaringClass, javaType, id, generated, nullable, length, precision, scale, unique,
        defaultValue, defaultSql, defaultSqlVariants, renamedFrom, foreignKey, narrow, origin, comment, generatedAs, stored,
        null);
  }

  /** This declaration with the given collation ({@code @Column(collation)}, Hibernate's {@code @Collate}; null or empty: none). */
  public ColumnDeclaration withCollation(String name) {
    return new ColumnDeclaration(this.name, nameGiven, field, declaringClass, javaType, id, generated, nullable, length,
        precision, scale, unique, defaultValue, defaultSql, defaultSqlVariants, renamedFrom, foreignKey, narrow, origin,
        comment, generatedAs, stored, name == null || name.isBlank() ? null : name);
  }

  /** A declaration of a column that is not generated. */
  public ColumnDeclaration(String name, boolean nameGiven, String field, String declaringClass, JavaType javaType,
      boolean id, boolean generated, Boolean nullable, int length, int precision, int scale, boolean unique,
      String defaultValue, String defaultSql, List<Map.Entry<String, String>> defaultSqlVariants, String renamedFrom,
      ForeignKeyDeclaration foreignKey, boolean narrow, Origin origin, String comment) {
    this(name, nameGiven, field, declaringClass, javaType, id, generated, nullable, length, precision, scale, unique,
        defaultValue, defaultSql, defaultSqlVariants, renamedFrom, foreignKey, narrow, origin, comment, null, false);
  }

  /** A declaration without a comment. */
  public ColumnDeclaration(String name, boolean nameGiven, String field, String declaringClass, JavaType javaType,
      boolean id, boolean generated, Boolean nullable, int length, int precision, int scale, boolean unique,
      String defaultValue, String defaultSql, List<Map.Entry<String, String>> defaultSqlVariants, String renamedFrom,
      ForeignKeyDeclaration foreignKey, boolean narrow, Origin origin) {
    this(name, nameGiven, field, declaringClass, javaType, id, generated, nullable, length, precision, scale, unique,
        defaultValue, defaultSql, defaultSqlVariants, renamedFrom, foreignKey, narrow, origin, null);
  }

  /** This declaration with the given comment (null or empty: none). */
  public ColumnDeclaration withComment(String text) {
    return new ColumnDeclaration(name, nameGiven, field, declaringClass, javaType, id, generated, nullable, length,
        precision, scale, unique, defaultValue, defaultSql, defaultSqlVariants, renamedFrom, foreignKey, narrow, origin,
        text == null || text.isEmpty() ? null : text, generatedAs, stored, collation);
  }

  /** This declaration computed by the database from {@code expression} (null: written by the application). */
  public ColumnDeclaration withGeneratedAs(String expression, boolean storedOnDisk) {
    return new ColumnDeclaration(name, nameGiven, field, declaringClass, javaType, id, generated, nullable, length,
        precision, scale, unique, defaultValue, defaultSql, defaultSqlVariants, renamedFrom, foreignKey, narrow, origin,
        comment, expression, expression != null && storedOnDisk, collation);
  }

  /** A declaration without {@code @DefaultSql} variants. */
  public ColumnDeclaration(String name, boolean nameGiven, String field, String declaringClass, JavaType javaType,
      boolean id, boolean generated, Boolean nullable, int length, int precision, int scale, boolean unique,
      String defaultValue, String defaultSql, String renamedFrom, ForeignKeyDeclaration foreignKey, boolean narrow,
      Origin origin) {
    this(name, nameGiven, field, declaringClass, javaType, id, generated, nullable, length, precision, scale, unique,
        defaultValue, defaultSql, List.of(), renamedFrom, foreignKey, narrow, origin);
  }

  /** True when the field gives an SQL default, common or for some dialect. */
  public boolean hasDefaultSql() {
    return (defaultSql != null && !defaultSql.isEmpty()) || !defaultSqlVariants.isEmpty();
  }

  /** {@code Post.title}: unambiguous when a subclass or a record shares a field name. */
  public String qualifiedField() {
    return declaringClass.isEmpty() ? field : declaringClass + "." + field;
  }

  /** Primitives and key columns never hold NULL; other columns do unless the source said otherwise. */
  public boolean isNullable() {
    return !javaType.primitive() && !id && (nullable == null || nullable);
  }
}
