package shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.LocalDate;

/** Foreign keys whose columns a unique constraint or an index starts with: InnoDB needs no index of their own. */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(columnNames = {"club_id", "role"}),
    indexes = @Index(columnList = "sponsor_id, since"))
public class Membership {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @ManyToOne
  Club club;

  @Column(length = 40)
  String role;

  @ManyToOne
  Club sponsor;

  LocalDate since;

  /** Not covered: its own index. */
  @ManyToOne
  Club referrer;
}
