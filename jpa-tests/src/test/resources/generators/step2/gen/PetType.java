package gen;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** SEQUENCE without a generator: pet_type_seq, increment 50. */
@Entity
public class PetType {
  @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id;

  String name;
}
