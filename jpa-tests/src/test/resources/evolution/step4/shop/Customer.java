package shop;

import io.jmigrate.Drop;
import io.jmigrate.RenamedFrom;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Basic;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Transient;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/** Step 3: active removed (confirmed with @Drop); a customer may be referred by another. */
@Entity
@Drop(columns = "active")
public class Customer extends Identified {
  @Column(nullable = false, length = 100)
  String name;

  @RenamedFrom("email")
  @Column(unique = true)
  String emailAddress;

  @Column(length = 30)
  String phone;

  @Basic(optional = false)
  LocalDate born;

  @Embedded
  Address address;

  @Embedded
  @AttributeOverrides({
      @AttributeOverride(name = "street", column = @Column(name = "billing_street")),
      @AttributeOverride(name = "city", column = @Column(name = "billing_city", length = 80)),
      @AttributeOverride(name = "zip", column = @Column(name = "billing_zip", length = 10))})
  Address billing;

  @ElementCollection
  @CollectionTable(name = "customer_nicknames", joinColumns = @JoinColumn(name = "customer_id"))
  @Column(name = "nickname", length = 50)
  Set<String> nicknames = new HashSet<>();

  @ManyToOne
  Customer referredBy;

  @Transient
  String displayName;

  transient int visits;
}
