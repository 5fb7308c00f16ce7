package gen;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** TABLE without a generator: the table hibernate_sequences. */
@Entity
public class Ticket {
  @Id @GeneratedValue(strategy = GenerationType.TABLE) Long id;

  String subject;
}
