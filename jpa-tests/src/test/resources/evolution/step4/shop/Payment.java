package shop;

import jakarta.persistence.Entity;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import java.math.BigDecimal;

/** Step 3: a JOINED hierarchy: a table per class, each subclass's key a foreign key to the root's. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public class Payment extends Identified {
  @jakarta.persistence.Column(precision = 12, scale = 2, nullable = false)
  BigDecimal amount;
}
