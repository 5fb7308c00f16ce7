package shop;

import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** Step 3: a new entity between two existing ones. */
@Entity
public class OrderLine extends Identified {
  @ManyToOne(optional = false)
  @JoinColumn(name = "order_id")
  PurchaseOrder order;

  @ManyToOne
  Product product;

  int quantity;
}
