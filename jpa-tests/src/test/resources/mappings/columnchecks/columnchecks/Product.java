package columnchecks;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Check;

/** Hibernate's @Check on fields: column checks, as Hibernate writes them inline on the column. */
@Entity
@Check(constraints = "price <= stock * 1000")
public class Product {
  @Id
  Long id;

  /** One unnamed check: product_price_check on PostgreSQL. */
  @Check(constraints = "price >= 0")
  Integer price;

  /** Two unnamed checks (@Checks): one check of both, joined by "and". */
  @Check(constraints = "stock >= 0")
  @Check(constraints = "stock < 100000")
  Integer stock;

  /** A named check keeps its name. */
  @Check(name = "product_code_length", constraints = "length(code) > 2")
  String code;

  /** A named and an unnamed check on one column. */
  @Check(name = "product_weight_max", constraints = "weight < 500")
  @Check(constraints = "weight > 0")
  Integer weight;

  @Embedded
  Dimensions dimensions;
}
