package shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

/** Step 4: a new subclass in the JOINED hierarchy: a new table. */
@Entity
public class BankTransfer extends Payment {
  @Column(length = 34, nullable = false)
  String iban;
}
