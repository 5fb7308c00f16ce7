package io.jmigrate.processor.diff;

/** Something the diff cannot generate, or warns about; a warning does not stop the build. */
public record Finding(Subject subject, String message, boolean warning) {
  static Finding error(Subject subject, String message) {
    return new Finding(subject, message, false);
  }

  static Finding warning(Subject subject, String message) {
    return new Finding(subject, message, true);
  }

  /** The default a finding suggests to a jmigrate model. */
  static final String MODEL_DEFAULT = "@Column(defaultValue = \"…\") or defaultSql";
  /** The default it suggests to a JPA entity, whose {@code @Column} has neither: Hibernate's, which its export writes too. */
  static final String ENTITY_DEFAULT = "Hibernate's @ColumnDefault(\"…\"), an SQL expression ('…' for a text)";

  /** This finding as said of a JPA entity's attribute: the fixes it names are an entity's. */
  public Finding forEntity() {
    return new Finding(subject, message.replace(MODEL_DEFAULT, ENTITY_DEFAULT), warning);
  }
}
