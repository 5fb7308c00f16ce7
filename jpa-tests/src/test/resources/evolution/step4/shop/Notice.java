package shop;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/** Step 3: a TABLE_PER_CLASS hierarchy (no IDENTITY there: assigned ids). */
@Entity
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public abstract class Notice {
  @Id
  Long id;

  String body;
}
