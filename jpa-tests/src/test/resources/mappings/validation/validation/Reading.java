package validation;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.hibernate.annotations.Check;
import org.hibernate.validator.constraints.Length;
import org.hibernate.validator.constraints.Range;

/** Bean Validation constraints that Hibernate turns into DDL when Hibernate Validator is present. */
@Entity
public class Reading {
  @Id
  Long id;

  @Min(1)
  Integer low;

  @Max(1000)
  Long high;

  /** Both bounds: one check of both (Hibernate's order of the two is an immutable set's, random per run). */
  @Min(0)
  @Max(100000)
  int score;

  @Range(min = 1, max = 100000)
  Integer ranged;

  /** No check in Hibernate 7: only @Min and @Max (and @Range, made of them) are. */
  @DecimalMin("0.5")
  @DecimalMax("100000.5")
  @Positive
  BigDecimal amount;

  /** The mapping's check first, then Bean Validation's, in one check. */
  @Min(1)
  @Check(constraints = "mixed < 500")
  Integer mixed;

  @NotBlank
  String name;

  @NotNull
  @Size(max = 40)
  String email;

  @Length(max = 30)
  String nickname;

  @Digits(integer = 6, fraction = 2)
  BigDecimal salary;

  /** A group other than the default: nothing. */
  @Min(value = 5, groups = Reading.class)
  Integer grouped;
}
