package quoted;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * Quoted names with capitals under snake_case: Hibernate 7 keeps them as written (OrderItem, unitPrice,
 * parentOrder), 6.6's CamelCaseToUnderscoresNamingStrategy converts and lower-cases them, still quoted
 * (order_item, unit_price, parent_order). Backticks and double quotes alike.
 */
@Entity
@Table(name = "`OrderItem`")
public class OrderItem {
  @Id
  Long id;

  @Column(name = "`unitPrice`", nullable = false)
  int unitPrice;

  @Column(name = "\"giftNote\"", length = 40)
  String giftNote;

  @ManyToOne
  @JoinColumn(name = "`parentOrder`")
  PurchaseOrder parentOrder;
}
