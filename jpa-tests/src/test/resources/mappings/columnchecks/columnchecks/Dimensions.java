package columnchecks;

import jakarta.persistence.Embeddable;
import org.hibernate.annotations.Check;

/** A check on an embeddable's field is its column's in the entity's table. */
@Embeddable
public class Dimensions {
  @Check(constraints = "width > 0")
  Integer width;

  Integer height;
}
