package club;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A natural text key that another table references. */
@Entity
public class Team {
  @Id
  @Column(length = 20)
  String code;

  String title;
}
