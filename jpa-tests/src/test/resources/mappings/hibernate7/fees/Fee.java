package fees;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.util.List;

/** The other side, with the join columns swapped: Hibernate makes one table sku_fee_xref. */
@Entity
@Table(name = "fee")
public class Fee {
  @Id
  @Column(name = "fee_id")
  Long id;

  @ManyToMany(targetEntity = Sku.class)
  @JoinTable(name = "sku_fee_xref", joinColumns = @JoinColumn(name = "fee_id"),
      inverseJoinColumns = @JoinColumn(name = "sku_id"))
  List<Sku> skus;
}
