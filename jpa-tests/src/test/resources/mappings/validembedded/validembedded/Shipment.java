package validembedded;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** An @Valid embedded key (its @Size applies) and an @Valid @NotNull embeddable with an association. */
@Entity
public class Shipment {
  @Valid
  @EmbeddedId
  ShipmentKey key;

  @Valid
  @NotNull
  Delivery delivery;
}
