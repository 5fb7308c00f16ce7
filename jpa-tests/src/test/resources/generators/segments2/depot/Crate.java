package depot;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.TableGenerator;

/** A later entity with a new row of the existing generator table id_blocks, and its own start. */
@Entity
public class Crate {
  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "crate_ids")
  @TableGenerator(name = "crate_ids", table = "id_blocks", pkColumnName = "block", valueColumnName = "next_id",
      pkColumnValue = "crate", initialValue = 5, allocationSize = 10)
  Long id;

  String contents;
}
