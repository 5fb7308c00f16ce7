package named;

import jakarta.persistence.Entity;

/** Draws its ids from its root's fleet_seq. */
@Entity
public class Truck extends Vehicle {
  int axles;
}
