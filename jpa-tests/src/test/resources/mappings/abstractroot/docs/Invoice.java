package docs;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.math.BigDecimal;

@Entity
@DiscriminatorValue("invoice")
public class Invoice extends Document {
  BigDecimal amount;
}
