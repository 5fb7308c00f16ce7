package gen;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** The other user of staff_ids (a generator is declared per entity; both declare it alike). */
@Entity
@SequenceGenerator(name = "staff_ids", allocationSize = 1)
public class Nurse {
  @Id @GeneratedValue(generator = "staff_ids") Long id;

  String name;
}
