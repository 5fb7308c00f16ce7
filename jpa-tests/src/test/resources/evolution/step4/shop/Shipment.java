package shop;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

/** Step 3: a composite key as an @EmbeddedId. */
@Entity
public class Shipment {
  @EmbeddedId
  ShipmentId id;

  String carrier;
}
