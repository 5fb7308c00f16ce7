package notes;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** What a note's join column references. */
@Entity
public class Shelf {
  @Id
  Long id;
}
