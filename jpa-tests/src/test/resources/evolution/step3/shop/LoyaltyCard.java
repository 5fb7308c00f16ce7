package shop;

import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;

/** Step 2: one card per customer. */
@Entity
public class LoyaltyCard extends Identified {
  @OneToOne(optional = false)
  @JoinColumn(name = "customer_id")
  Customer customer;

  int points;
}
