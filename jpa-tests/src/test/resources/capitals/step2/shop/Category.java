package shop;

import io.jmigrate.RenamedFrom;
import io.jmigrate.Sequence;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** Step 2: the upper-case table renamed, and its sequence with it (renamedFrom keeps its next value). */
@Entity
@Table(name = "PRODUCT_GROUP")
@RenamedFrom("CATEGORY")
@Sequence(name = "PRODUCT_GROUP_SEQ", increment = 50, renamedFrom = "CATEGORY_SEQ")
public class Category {
  @Id
  @GeneratedValue(generator = "groupSeq")
  @SequenceGenerator(name = "groupSeq", sequenceName = "PRODUCT_GROUP_SEQ")
  Long id;

  String title;

  @ManyToOne Category parentCategory;
}
