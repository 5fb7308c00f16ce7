package enumcheck;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.hibernate.annotations.Check;

/** A @Check on an enum column: on PostgreSQL one check with the enum's, the @Check's condition first. */
@Entity
public class Shipment {
  public enum Stage { NEW, SENT, LOST }

  @Id
  Long id;

  /** (On H2 Hibernate's check compares with its ENUM type: a literal that is no constant's name fails its export.) */
  @Enumerated(EnumType.STRING)
  @Check(constraints = "stage is not null")
  Stage stage;

  @Check(constraints = "grade between 0 and 9")
  @Enumerated(EnumType.ORDINAL)
  Stage grade;
}
