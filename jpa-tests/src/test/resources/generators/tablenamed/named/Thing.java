package named;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** AUTO on an entity whose table has another name: Hibernate's sequence is the table's, things_seq. */
@Entity
@Table(name = "things")
public class Thing {
  @Id @GeneratedValue Long id;

  String label;
}
