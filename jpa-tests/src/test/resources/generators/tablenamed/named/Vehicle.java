package named;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

/** A JOINED root with an entity name and a table name of its own: the hierarchy's sequence is fleet_seq. */
@Entity(name = "Auto")
@Table(name = "fleet")
@Inheritance(strategy = InheritanceType.JOINED)
public class Vehicle {
  @Id @GeneratedValue Long id;

  String plate;
}
