package validembedded;

import jakarta.persistence.Embeddable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.hibernate.validator.constraints.Length;

/** Bean Validation constraints inside an embeddable, which Hibernate applies where it is embedded with @Valid. */
@Embeddable
public class Address {
  @NotBlank
  @Size(max = 60)
  String street;

  @NotNull
  @Length(max = 40)
  String city;

  @Min(1)
  @Max(99999)
  Integer zip;

  @Digits(integer = 4, fraction = 2)
  BigDecimal fee;

  /** A group other than the default: nothing, here as on an entity. */
  @NotNull(groups = Address.class)
  String region;

  @Valid
  Geo geo;

  @Valid
  @NotNull
  Pin pin;

  Note note;
}
