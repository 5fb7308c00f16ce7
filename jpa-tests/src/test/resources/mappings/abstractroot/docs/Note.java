package docs;

import jakarta.persistence.Entity;

/** No @DiscriminatorValue: Hibernate uses the entity name. */
@Entity
public class Note extends Document {
  String body;
}
