package kinds;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A single-table hierarchy whose discriminator is one character: Hibernate's char(1). */
@Entity
@DiscriminatorColumn(name = "kind", discriminatorType = DiscriminatorType.CHAR)
@DiscriminatorValue("V")
public class Vehicle {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  String name;
}
