package named;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** No @Table: the table and the sequence follow the naming (carrier_movement_seq; Hibernate's own: CarrierMovement_SEQ). */
@Entity
public class CarrierMovement {
  @Id @GeneratedValue Long id;
}
