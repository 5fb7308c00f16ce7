package validembedded;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;

/**
 * The same embeddable four ways: @Valid @NotNull (every constraint inside, NOT NULL too, and in the nested @Valid
 * ones whose path is @NotNull all the way), @Valid alone (sizes, digits and checks, no NOT NULL), @NotNull alone and
 * in an element collection (nothing: Hibernate does not descend there).
 */
@Entity
public class Customer {
  @Id
  Long id;

  @Valid
  @NotNull
  @Embedded
  Address home;

  @Valid
  @AttributeOverride(name = "street", column = @Column(name = "work_street"))
  @AttributeOverride(name = "city", column = @Column(name = "work_city"))
  @AttributeOverride(name = "zip", column = @Column(name = "work_zip"))
  @AttributeOverride(name = "fee", column = @Column(name = "work_fee"))
  @AttributeOverride(name = "region", column = @Column(name = "work_region"))
  @AttributeOverride(name = "geo.lat", column = @Column(name = "work_geo_lat"))
  @AttributeOverride(name = "geo.grid", column = @Column(name = "work_geo_grid"))
  @AttributeOverride(name = "pin.pinLevel", column = @Column(name = "work_pin_level"))
  @AttributeOverride(name = "pin.pinCode", column = @Column(name = "work_pin_code"))
  @AttributeOverride(name = "note.text", column = @Column(name = "work_note_text"))
  @AttributeOverride(name = "note.stars", column = @Column(name = "work_note_stars"))
  Address work;

  @NotNull
  @AttributeOverride(name = "street", column = @Column(name = "old_street"))
  @AttributeOverride(name = "city", column = @Column(name = "old_city"))
  @AttributeOverride(name = "zip", column = @Column(name = "old_zip"))
  @AttributeOverride(name = "fee", column = @Column(name = "old_fee"))
  @AttributeOverride(name = "region", column = @Column(name = "old_region"))
  @AttributeOverride(name = "geo.lat", column = @Column(name = "old_geo_lat"))
  @AttributeOverride(name = "geo.grid", column = @Column(name = "old_geo_grid"))
  @AttributeOverride(name = "pin.pinLevel", column = @Column(name = "old_pin_level"))
  @AttributeOverride(name = "pin.pinCode", column = @Column(name = "old_pin_code"))
  @AttributeOverride(name = "note.text", column = @Column(name = "old_note_text"))
  @AttributeOverride(name = "note.stars", column = @Column(name = "old_note_stars"))
  Address previous;

  @Valid
  @NotNull
  @ElementCollection
  List<Address> branches = new ArrayList<>();
}
