package gen;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** Its allocation size changed from 5: the sequence is altered. A named generator with its sequence name (through the naming: visit_numbers), start and allocation size. */
@Entity
public class Visit {
  @Id
  @GeneratedValue(generator = "visits")
  @SequenceGenerator(name = "visits", sequenceName = "visitNumbers", initialValue = 100, allocationSize = 20)
  Long id;

  String note;
}
