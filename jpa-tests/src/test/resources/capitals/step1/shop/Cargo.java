package shop;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Set;

/**
 * No @Table(name): the table is the entity's name (Cargo), the sequence Cargo_SEQ; a collection table named after
 * the entity (Cargo_tags), one named in capitals, and a unidirectional one-to-many's join table (Cargo_Shipment).
 */
@Entity
@Table(indexes = @Index(columnList = "trackingId"))
public class Cargo {
  @Id @GeneratedValue Long id;

  String trackingId;

  @ElementCollection Set<String> tags;

  @ElementCollection
  @CollectionTable(name = "CARGO_LEG")
  @OrderColumn
  List<String> legs;

  @OneToMany List<Shipment> shipments;
}
