package validembedded;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Nested in Address: reached through @Valid (and @NotNull, on the home address only). */
@Embeddable
public class Geo {
  @NotNull
  @Min(-500)
  @Max(9000)
  Integer lat; // an elevation, in metres

  @Size(max = 12)
  String grid;
}
