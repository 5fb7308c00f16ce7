package shop;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Maps keyed by a column and ordered lists, in collection tables, join tables and the child's table. */
@Entity
public class Box {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @ElementCollection
  Map<Kind, String> byKind;

  @ElementCollection
  @MapKeyEnumerated(EnumType.STRING)
  Map<Kind, String> byKindName;

  @ElementCollection
  @MapKeyColumn(name = "k", length = 40)
  @Column(name = "v", length = 50)
  Map<String, String> props;

  @ElementCollection
  Map<Long, Size> sizes;

  @ElementCollection
  @MapKeyColumn(name = "counted_on")
  Map<LocalDate, Integer> counts;

  @OneToMany
  @MapKeyColumn(name = "slot")
  Map<String, Tag> slots;

  @ManyToMany
  @JoinTable(name = "box_shared")
  @OrderColumn
  List<Tag> shared;

  @OneToMany
  @JoinTable(name = "box_ordered")
  @OrderColumn
  List<Tag> ordered;

  @ElementCollection
  @OrderColumn(name = "pos")
  @CollectionTable(name = "box_words")
  List<Size> words;

  @ElementCollection
  @OrderColumn
  List<String> remarks;

  @OneToMany
  @JoinColumn(name = "box_id")
  @OrderColumn(name = "pos")
  List<City> cities;
}
