package shop;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/** Fields every entity has, declared once. */
@MappedSuperclass
public abstract class Auditable {
  @Version
  long version;

  Instant createdAt;
}
