package gen;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** New in this step: its sequence invoice_seq is created (Receipt's receipt_numbers is dropped with it). */
@Entity
public class Invoice {
  @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id;

  String total;
}
