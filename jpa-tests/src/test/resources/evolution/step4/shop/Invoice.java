package shop;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import java.util.Date;

/** Step 3: a SEQUENCE id (Hibernate's invoice_seq, allocation 50) and a legacy java.util.Date. */
@Entity
public class Invoice {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE)
  Long id;

  @Temporal(TemporalType.TIMESTAMP)
  Date issued;

  @Temporal(TemporalType.DATE)
  Date due;
}
