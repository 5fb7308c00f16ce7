package gen;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** Shares the sequence staff_ids with Nurse: a generator named without sequenceName is the sequence's name. */
@Entity
@SequenceGenerator(name = "staff_ids", allocationSize = 1)
public class Vet {
  @Id @GeneratedValue(generator = "staff_ids") Long id;

  String name;
}
