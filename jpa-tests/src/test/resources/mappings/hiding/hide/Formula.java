package hide;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

/** Declares its own field named as the superclass's version: the same attribute name, one column. */
@Entity
public class Formula extends Versioned {
  @Column(name = "formula_version") Long version;

  String expression;
}
