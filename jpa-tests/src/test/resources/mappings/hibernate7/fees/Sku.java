package fees;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.util.List;

/** One side of a many-to-many that both sides own through the same @JoinTable (neither mappedBy). */
@Entity
@Table(name = "sku")
public class Sku {
  @Id
  @Column(name = "sku_id")
  Long id;

  @ManyToMany(targetEntity = Fee.class)
  @JoinTable(name = "sku_fee_xref", joinColumns = @JoinColumn(name = "sku_id"),
      inverseJoinColumns = @JoinColumn(name = "fee_id"))
  List<Fee> fees;
}
