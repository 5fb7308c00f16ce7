package shop;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** A second level of mapped superclass: the id. */
@MappedSuperclass
public abstract class Identified extends Auditable {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;
}
