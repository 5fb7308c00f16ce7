package depot;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** TABLE without a generator (hibernate_sequences), referencing an entity whose key comes from another generator table. */
@Entity
public class Bin {
  @Id @GeneratedValue(strategy = GenerationType.TABLE) Long id;

  @ManyToOne Shelf shelf;

  int slots;
}
