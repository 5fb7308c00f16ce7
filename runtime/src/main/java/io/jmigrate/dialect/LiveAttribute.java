package io.jmigrate.dialect;

/**
 * Something a live table has that jmigrate's schema values do not describe: an attribute of a column
 * ({@code ON UPDATE}, {@code COMMENT}, {@code UNSIGNED}, a collation, an identity that is
 * {@code GENERATED ALWAYS}), a generated column, an index in descending order or with
 * {@code INCLUDE} columns, a {@code DEFERRABLE} foreign key, as its dialect reads it
 * ({@link LiveCatalog#attributes}). {@code inspect} reports it, writes it into the
 * {@code META-INF/jmigrate/unmanaged} declaration and, where the model cannot describe the object at all
 * ({@link #leftOut}), leaves the object out of the model rather than model it wrongly; {@code validate}
 * reports it as drift unless declared; a migration that would strip it is refused before it runs.
 *
 * @param table the table it belongs to
 * @param object {@code column t.c}, {@code index ix_name}, {@code foreign key t.fk_name}, {@code table t}
 * @param attribute its name, e.g. {@code on update}, {@code comment}, {@code unsigned}, {@code generated}
 * @param value the database's own spelling, e.g. {@code on update current_timestamp()}
 * @param leftOut whether the object itself has no model form and stays out of the model
 */
public record LiveAttribute(String table, String object, String attribute, String value, boolean leftOut) {

  @Override
  public String toString() {
    return object + " has " + attribute + " (" + value + ")";
  }
}
