package lines;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.util.List;
import java.util.Set;

/** Where Hibernate 6.6 and 7 make different schemas: versions, primitives, collections of values. */
@Entity
public class Ledger {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Version
  Long version;

  int plainCount;

  @Column(name = "counted")
  int countedWithColumn;

  @Column(nullable = false)
  int countedNotNull;

  boolean active;

  @ElementCollection
  Set<String> tags;

  @ElementCollection
  Set<Entry> entries;

  @ElementCollection
  List<String> notes;
}
