package validembedded;

import jakarta.persistence.Embeddable;
import jakarta.persistence.ManyToOne;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An association inside an embeddable: its join column NOT NULL where the embeddable is @Valid @NotNull. */
@Embeddable
public class Delivery {
  @NotNull
  @ManyToOne
  Depot depot;

  @Size(max = 30)
  String slot;
}
