package shop;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Associations inside an embeddable: Hibernate maps them as the entity's own. */
@Embeddable
public class Place {
  String street;

  @ManyToOne
  City town;

  @ManyToOne(optional = false)
  @JoinColumn(name = "region_city")
  City region;

  @OneToMany
  List<Tag> marks;

  @ManyToMany
  Set<Tag> labels = new HashSet<>();

  @ElementCollection
  Set<String> notes = new HashSet<>();

  @Embedded
  Geo geo;
}
