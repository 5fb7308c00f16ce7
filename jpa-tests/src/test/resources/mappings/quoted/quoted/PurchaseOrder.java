package quoted;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A quoted table name with capitals that another table's foreign key references. */
@Entity
@Table(name = "\"PurchaseOrder\"")
public class PurchaseOrder {
  @Id
  Long id;

  String customerName;
}
