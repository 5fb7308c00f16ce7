package depot;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.TableGenerator;

/** Another row of the same generator table, under a generator name of its own; references a Warehouse. */
@Entity
public class Shelf {
  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "shelf_ids")
  @TableGenerator(name = "shelf_ids", table = "id_blocks", pkColumnName = "block", valueColumnName = "next_id",
      pkColumnValue = "shelf")
  Long id;

  @ManyToOne
  @JoinColumn(nullable = false)
  Warehouse warehouse;

  String label;
}
