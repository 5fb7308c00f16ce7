package gen;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** A generator name that no generator declares: Hibernate uses it as the sequence's name (increment 50). */
@Entity
public class Receipt {
  @Id @GeneratedValue(generator = "receipt_numbers") Long id;

  String total;
}
