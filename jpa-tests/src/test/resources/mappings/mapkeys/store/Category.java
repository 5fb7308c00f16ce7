package store;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.MapKey;
import jakarta.persistence.MapKeyClass;
import jakarta.persistence.MapKeyJoinColumn;
import jakarta.persistence.MapKeyTemporal;
import jakarta.persistence.OneToMany;
import jakarta.persistence.TemporalType;
import java.math.BigDecimal;
import java.util.Date;
import java.util.Map;

/**
 * Maps keyed by an attribute of the target entity ({@code @MapKey}) and by a reference to an entity
 * ({@code @MapKeyJoinColumn}, or an entity key without it), as a shop's catalog maps them.
 */
@Entity
public class Category {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  String name;

  /** The child owns the relation; the map is keyed by its mediaKey. */
  @OneToMany(mappedBy = "category")
  @MapKey(name = "mediaKey")
  Map<String, Media> media;

  /**
   * The child owns the relation; the key's join column is in the child's table (NOT NULL there without
   * nullable = true, as Hibernate makes it: then no media could be written outside this map).
   */
  @OneToMany(mappedBy = "category")
  @MapKeyJoinColumn(name = "shipped_by_id", nullable = true)
  Map<FulfillmentOption, Media> mediaByOption;

  /** The same without @MapKeyJoinColumn: the key's join column named after the attribute. */
  @OneToMany(mappedBy = "category")
  Map<FulfillmentOption, Media> mediaByDefault;

  /** A one-to-many through a join column in the child's table, keyed by the child's attribute. */
  @OneToMany
  @JoinColumn(name = "shelf_id")
  @MapKey(name = "url")
  Map<String, Media> shelved;

  /** A join table keyed by the target's id (@MapKey without a name). */
  @OneToMany
  @JoinTable(name = "category_featured")
  @MapKey
  Map<Long, Media> featured;

  /** A many-to-many join table keyed by the target's attribute. */
  @ManyToMany
  @JoinTable(name = "category_related")
  @MapKey(name = "mediaKey")
  Map<String, Media> related;

  /** A collection table with a join column to the key entity. */
  @ElementCollection
  @CollectionTable(name = "category_rates")
  @MapKeyJoinColumn(name = "option_id")
  @Column(name = "rate", precision = 19, scale = 5)
  Map<FulfillmentOption, BigDecimal> rates;

  /** Keyed by an interface, its entity named by @MapKeyClass, the key column by referencedColumnName. */
  @ElementCollection
  @CollectionTable(name = "category_flat_rates")
  @MapKeyJoinColumn(name = "option_id", referencedColumnName = "id")
  @MapKeyClass(FulfillmentOption.class)
  @Column(name = "rate", precision = 19, scale = 5)
  Map<Shippable, BigDecimal> flatRates;

  /** An entity key without @MapKeyJoinColumn: the join column's default name. */
  @ElementCollection
  Map<FulfillmentOption, String> notes;

  /** A join table with a join column to the key entity. */
  @ManyToMany
  @JoinTable(name = "category_picks")
  @MapKeyJoinColumn(name = "option_id")
  Map<FulfillmentOption, Media> picks;

  /** A java.util.Date key with @MapKeyTemporal. */
  @ElementCollection
  @MapKeyTemporal(TemporalType.DATE)
  Map<Date, String> dated;
}
