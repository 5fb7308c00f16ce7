package named;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** SEQUENCE with an unnamed generator (JPA 3.2, Hibernate 7; its allocation size only): the sequence is the table's, carrier_moves_seq. */
@Entity
@Table(name = "carrier_moves")
public class Move {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE)
  @SequenceGenerator(allocationSize = 10)
  Long id;

  String port;
}
