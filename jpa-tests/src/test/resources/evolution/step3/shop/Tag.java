package shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Step 2: a new entity with an assigned string key. */
@Entity
public class Tag {
  @Id
  @Column(length = 30)
  String name;

  String description;
}
