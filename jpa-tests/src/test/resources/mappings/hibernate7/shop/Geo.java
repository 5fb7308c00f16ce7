package shop;

import jakarta.persistence.Embeddable;
import jakarta.persistence.ManyToOne;

/** Nested in Place: its association is the entity's too. */
@Embeddable
public class Geo {
  Double latitude;

  @ManyToOne
  City nearest;
}
