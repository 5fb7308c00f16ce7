package catalog;

import jakarta.persistence.Entity;

@Entity
public class Gadget extends Product {
  Integer voltage;
}
