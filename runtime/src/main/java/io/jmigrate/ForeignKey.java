package io.jmigrate;

import io.jmigrate.schema.ReferentialAction;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** This column references a column of another {@link Table} type. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface ForeignKey {
  /** The referenced model type; it must carry {@link Table}. */
  Class<?> value();

  /** The referenced column; by default the referenced table's (single-column) primary key. */
  String column() default "";

  /**
   * The constraint name; by default {@code fk_<table>_<column>}. Give it to keep the name an existing
   * database already has ({@code album_artist_id_fkey}): {@code inspect} writes it, so that a later
   * drop or change of the key finds the constraint.
   */
  String name() default "";

  Action onDelete() default Action.NO_ACTION;

  Action onUpdate() default Action.NO_ACTION;

  /**
   * What the database does to referencing rows when the referenced row changes: the annotation's
   * spelling of {@link ReferentialAction}, constant for constant by name (the processor reads the
   * constant's name), which is the one the schema, the snapshot and generated migrations use.
   */
  enum Action {
    NO_ACTION,
    RESTRICT,
    CASCADE,
    SET_NULL,
    SET_DEFAULT;

    /** The schema's action of the same name. */
    public ReferentialAction referential() {
      return ReferentialAction.valueOf(name());
    }

    /** The SQL spelling, as in {@code ON DELETE SET NULL}. */
    public String sql() {
      return referential().sql();
    }
  }
}
