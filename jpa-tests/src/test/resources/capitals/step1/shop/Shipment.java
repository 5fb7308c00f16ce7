package shop;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.TableGenerator;

/** Ids from a generator table named in capitals. */
@Entity
public class Shipment {
  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "sm")
  @TableGenerator(name = "sm", table = "SM_SEQUENCER", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
      pkColumnValue = "SHIPMENT", allocationSize = 5)
  Long id;

  @ManyToOne Product product;

  int quantity;
}
