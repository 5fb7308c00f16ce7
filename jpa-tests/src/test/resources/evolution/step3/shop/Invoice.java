package shop;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import java.util.Date;

/** Step 3: legacy java.util.Date fields with @Temporal. (A SEQUENCE id is a compile-time error, see JpaEvolutionTest.) */
@Entity
public class Invoice {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Temporal(TemporalType.TIMESTAMP)
  Date issued;

  @Temporal(TemporalType.DATE)
  Date due;
}
