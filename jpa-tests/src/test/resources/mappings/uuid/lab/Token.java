package lab;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** A UUID key and a UUID column. */
@Entity
public class Token {
  @Id
  UUID id;

  UUID owner;
}
