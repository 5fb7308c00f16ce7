package gen;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/** A JOINED hierarchy draws every id from its root's sequence, animal_seq. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public class Animal {
  @Id @GeneratedValue Long id;

  String name;
}
