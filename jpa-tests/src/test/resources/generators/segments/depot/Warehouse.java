package depot;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.TableGenerator;

/** A key from a row of a shared generator table, with its own start and block size; other entities reference it. */
@Entity
public class Warehouse {
  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "warehouse_ids")
  @TableGenerator(name = "warehouse_ids", table = "id_blocks", pkColumnName = "block", valueColumnName = "next_id",
      pkColumnValue = "warehouse", initialValue = 10, allocationSize = 20)
  Long id;

  String city;
}
