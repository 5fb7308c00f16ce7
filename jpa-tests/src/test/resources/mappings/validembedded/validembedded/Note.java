package validembedded;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Nested in Address without @Valid: Hibernate does not descend into it, so none of these reach the schema. */
@Embeddable
public class Note {
  @NotNull
  @Size(max = 20)
  String text;

  @Min(3)
  Integer stars;
}
