package gen;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.TableGenerator;

/** TABLE with its own generator table and columns (through the naming: id_generators, gen_name, gen_value). */
@Entity
public class Badge {
  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "badgeIds")
  @TableGenerator(name = "badgeIds", table = "idGenerators", pkColumnName = "genName", valueColumnName = "genValue",
      pkColumnValue = "badge", initialValue = 5, allocationSize = 20)
  Long id;

  String label;
}
