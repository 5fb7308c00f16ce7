package hide;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/** A superclass whose version field an entity hides with a field of the same name. */
@MappedSuperclass
public abstract class Versioned {
  @Id Long id;

  @Version Long version;
}
