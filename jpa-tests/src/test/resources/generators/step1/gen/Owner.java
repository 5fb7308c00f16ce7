package gen;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** AUTO, Hibernate's default: the sequence owner_seq, increment 50. */
@Entity
public class Owner {
  @Id @GeneratedValue Long id;

  String name;
}
