package shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Step 3: the customer becomes optional (a relation change); lines, by the line's side. */
@Entity
@Table(name = "orders", indexes = {@Index(columnList = "placed_at"), @Index(columnList = "customer_id, status", unique = true)})
public class PurchaseOrder extends Identified {
  @ManyToOne
  Customer customer;

  @OneToMany(mappedBy = "order")
  List<OrderLine> lines = new ArrayList<>();

  @Enumerated(EnumType.STRING)
  @Column(length = 20)
  Status status;

  @Enumerated
  Status previousStatus;

  LocalDateTime placedAt;

  int itemCount;
}
