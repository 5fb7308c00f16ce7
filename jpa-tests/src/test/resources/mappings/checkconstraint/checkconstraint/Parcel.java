package checkconstraint;

import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** JPA 3.2's checks (Hibernate 7): @Column(check) on a column, @Table(check) on the table. */
@Entity
@Table(check = @CheckConstraint(constraint = "weight <= volume * 10"))
public class Parcel {
  @Id
  Long id;

  @Column(check = @CheckConstraint(constraint = "weight > 0"))
  Integer weight;

  @Column(check = {@CheckConstraint(name = "parcel_volume_max", constraint = "volume < 1000"),
      @CheckConstraint(constraint = "volume > 0")})
  Integer volume;
}
