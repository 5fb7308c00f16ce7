package gen;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** A primitive int key from a sequence. */
@Entity
public class Counter {
  @Id @GeneratedValue int id;

  String label;
}
