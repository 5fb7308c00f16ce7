package validembedded;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Nested in Address with @Valid @NotNull: NOT NULL where Address is reached the same way. */
@Embeddable
public class Pin {
  @NotNull
  @Min(0)
  Integer pinLevel;

  @Size(max = 12)
  String pinCode;
}
