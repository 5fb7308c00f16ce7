package io.jmigrate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jmigrate.testing.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JPA entities compiled with the real processor: the database the generated migration builds on
 * a real PostgreSQL is the one Hibernate 7's own {@code create} export builds from the same
 * entities (columns, types, sizes, nullability, identity, keys, references, unique column sets),
 * and Hibernate's {@code validate} passes on it, with either naming.
 */
class JpaMatchesHibernateTest {
  @TempDir Path dir;

  static final List<String> ENTITIES = List.of("com.acme.model.Owner", "com.acme.model.Pet", "com.acme.model.PetType",
      "com.acme.model.Visit", "com.acme.model.Vet", "com.acme.model.Specialty", "com.acme.model.Animal",
      "com.acme.model.Dog", "com.acme.model.Cat", "com.acme.model.Payment", "com.acme.model.CardPayment",
      "com.acme.model.Shape", "com.acme.model.Circle", "com.acme.model.OrderLine", "com.acme.model.Shipment",
      "com.acme.model.Badge", "com.acme.model.Receipt");

  static Project petClinic(Path dir) throws Exception {
    Project p = new Project(dir);
    String pkg = "package com.acme.model;\nimport jakarta.persistence.*;\nimport java.math.BigDecimal;\n"
        + "import java.time.*;\nimport java.util.*;\n";
    p.write("com/acme/model/BaseEntity.java", pkg + """
        @MappedSuperclass public abstract class BaseEntity {
          @Id @GeneratedValue(strategy = GenerationType.IDENTITY) protected Integer id;
        }""");
    p.write("com/acme/model/NamedEntity.java", pkg + """
        @MappedSuperclass public abstract class NamedEntity extends BaseEntity {
          @Column(name = "name") private String name;
        }""");
    p.write("com/acme/model/Person.java", pkg + """
        @MappedSuperclass public abstract class Person extends BaseEntity {
          @Column(nullable = false) private String firstName;
          @jakarta.validation.constraints.NotBlank private String lastName;
        }""");
    p.write("com/acme/model/Address.java", pkg + """
        @Embeddable public class Address {
          private String street;
          @Column(name = "zip_code", length = 10) private String zip;
          private int floor;
        }""");
    p.write("com/acme/model/Contact.java", pkg + """
        @Embeddable public class Contact {
          @Column(length = 60) private String email;
          @Embedded private Address postal;
        }""");
    p.write("com/acme/model/Owner.java", pkg + """
        @Entity @Table(name = "owners") public class Owner extends Person {
          private String address;
          @jakarta.validation.constraints.Size(min = 2, max = 30) private String city;
          @Column(length = 20) private String telephone;
          @OneToMany(mappedBy = "owner", cascade = CascadeType.ALL) private Set<Pet> pets;
          @Embedded private Address home;
          @Embedded
          @AttributeOverride(name = "street", column = @Column(name = "work_street", nullable = false))
          @AttributeOverride(name = "zip", column = @Column(name = "work_zip"))
          @AttributeOverride(name = "floor", column = @Column(name = "work_floor"))
          private Address work;
          private transient String cache;
          @Transient private String note;
          @OneToOne private Badge badge;
          @Embedded
          @AttributeOverride(name = "postal.street", column = @Column(name = "postal_street"))
          @AttributeOverride(name = "postal.zip", column = @Column(name = "postal_zip", length = 12))
          @AttributeOverride(name = "postal.floor", column = @Column(name = "postal_floor"))
          private Contact contact;
        }""");
    p.write("com/acme/model/Badge.java", pkg + """
        @Entity public class Badge {
          @Id @GeneratedValue(strategy = GenerationType.UUID) private UUID id;
          @Column(unique = true, length = 40) private String code;
          private OffsetDateTime issuedAt;
          private java.util.Date printed;
          @Temporal(TemporalType.DATE) private java.util.Date expires;
          private byte level;
          private Locale locale;
          @org.hibernate.annotations.NaturalId @Column(length = 40) private String serial;
        }""");
    p.write("com/acme/model/Sex.java", "package com.acme.model;\npublic enum Sex { MALE, FEMALE }");
    p.write("com/acme/model/Size.java", "package com.acme.model;\npublic enum Size { S, M, L }");
    p.write("com/acme/model/YesNo.java", pkg + """
        @Converter public class YesNo implements AttributeConverter<Boolean, String> {
          public String convertToDatabaseColumn(Boolean b) { return b == null ? null : b ? "Y" : "N"; }
          public Boolean convertToEntityAttribute(String s) { return s == null ? null : s.equals("Y"); }
        }""");
    p.write("com/acme/model/Pet.java", pkg + """
        @Entity @Table(name = "pets", indexes = @Index(name = "ix_pets_birth", columnList = "birthDate"))
        public class Pet extends NamedEntity {
          private LocalDate birthDate;
          @ManyToOne @JoinColumn(name = "type_id") private PetType type;
          @ManyToOne(optional = false)
          @org.hibernate.annotations.OnDelete(action = org.hibernate.annotations.OnDeleteAction.CASCADE)
          private Owner owner;
          @ManyToOne @JoinColumn(name = "breeder", foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
          private Owner breeder;
          @OneToMany @JoinColumn(name = "pet_id") private List<Visit> visits;
          @Enumerated(EnumType.STRING) private Sex sex;
          @Enumerated private Size size;
          @Version private long version;
          private BigDecimal weight;
          @Column(precision = 5, scale = 1) private BigDecimal height;
          private boolean neutered;
          private Double rating;
          private float score;
          private short legs;
          private LocalDateTime seen;
          private LocalTime feedingTime;
          private byte[] photo;
          @Basic(optional = false) private String chip;
          @Convert(converter = YesNo.class) private Boolean vaccinated;
          @Column(columnDefinition = "text") private String story;
        }""");
    p.write("com/acme/model/PetType.java", pkg + """
        @Entity @Table(name = "types") public class PetType extends NamedEntity {}""");
    p.write("com/acme/model/Visit.java", pkg + """
        @Entity @Table(name = "visits") public class Visit extends BaseEntity {
          @jakarta.validation.constraints.NotNull @Column(name = "visit_date") private LocalDate date;
          private String description;
          private Instant createdAt;
          @org.hibernate.annotations.ColumnDefault("0") private int priority;
        }""");
    p.write("com/acme/model/Vet.java", pkg + """
        @Entity @Table(name = "vets") public class Vet extends Person {
          @ManyToMany
          @JoinTable(name = "vet_specialties", joinColumns = @JoinColumn(name = "vet_id"),
              inverseJoinColumns = @JoinColumn(name = "specialty_id"))
          private Set<Specialty> specialties;
          @ManyToMany private List<PetType> favouriteTypes;
          @ManyToMany private Set<Specialty> extraSpecialties;
          @OneToMany private Set<Pet> patients;
          @OneToMany @JoinTable(name = "former_patients") private List<Pet> formerPatients;
          @ElementCollection private Set<String> languages;
          @ElementCollection private List<Integer> luckyNumbers;
          @ElementCollection @CollectionTable(name = "vet_addresses") private List<Address> addresses;
          @ElementCollection @Enumerated(EnumType.STRING) private Set<Size> sizes;
        }""");
    p.write("com/acme/model/Specialty.java", pkg + """
        @Entity
        @Table(name = "specialties", uniqueConstraints = @UniqueConstraint(columnNames = {"name", "code"}),
            indexes = {@Index(columnList = "code ASC, name"), @Index(name = "ux_specialty_level", columnList = "level", unique = true)})
        public class Specialty extends NamedEntity {
          private String code;
          private Integer level;
          @ManyToMany(mappedBy = "extraSpecialties") private Set<Vet> vets;
        }""");
    p.write("com/acme/model/Animal.java", pkg + """
        @Entity @Inheritance public class Animal {
          @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
          @Column(nullable = false) private String name;
        }""");
    p.write("com/acme/model/Dog.java", pkg + """
        @Entity public class Dog extends Animal {
          private int barks;
          @Column(nullable = false) private String breed;
          @jakarta.validation.constraints.NotNull private String coat;
          @ManyToOne(optional = false) private Owner walker;
        }""");
    p.write("com/acme/model/Cat.java", pkg + """
        @Entity public class Cat extends Animal {
          private boolean indoor;
          @ManyToOne private Owner servant;
          @ManyToOne @JoinColumn(name = "vet_id", nullable = false) private Vet vet;
        }""");
    p.write("com/acme/model/Payment.java", pkg + """
        @Entity @Inheritance(strategy = InheritanceType.JOINED) public abstract class Payment {
          @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
          @jakarta.validation.constraints.Digits(integer = 7, fraction = 2) private BigDecimal amount;
        }""");
    p.write("com/acme/model/CardPayment.java", pkg + """
        @Entity @PrimaryKeyJoinColumn(name = "payment_id") public class CardPayment extends Payment {
          @Column(length = 16) private String cardNumber;
          private YearMonth expiry;
        }""".replace("private YearMonth expiry;", "private LocalDate expiry;"));
    p.write("com/acme/model/Shape.java", pkg + """
        @Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS) public abstract class Shape {
          @Id private long id;
          private String color;
        }""");
    p.write("com/acme/model/Circle.java", pkg + """
        @Entity public class Circle extends Shape { private double radius; }""");
    p.write("com/acme/model/OrderKey.java", pkg + """
        @Embeddable public class OrderKey implements java.io.Serializable {
          private long orderNo;
          private String region;
          private int seq;
        }""");
    p.write("com/acme/model/Shipment.java", pkg + """
        @Entity public class Shipment { @EmbeddedId private OrderKey key; private String carrier; }""");
    p.write("com/acme/model/LineKey.java", pkg + """
        public class LineKey implements java.io.Serializable { long product; long line; }""");
    p.write("com/acme/model/OrderLine.java", pkg + """
        @Entity @IdClass(LineKey.class) public class OrderLine {
          @Id long product;
          @Id long line;
          private int quantity;
        }""");
    p.write("com/acme/model/Persistable.java", pkg + """
        @MappedSuperclass public abstract class Persistable<PK extends java.io.Serializable> {
          @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private PK id;
          @Version private Integer revision;
        }""");
    p.write("com/acme/model/Receipt.java", pkg + """
        @Entity public class Receipt extends Persistable<Long> {
          @ManyToOne private Receipt replaces;
          private BigDecimal total;
        }""");
    return p;
  }

  @Test
  void snakeCaseIsSpringBootsHibernate() throws Exception {
    assertSameAsHibernate(petClinic(dir), true);
  }

  @Test
  void jpaNamingIsHibernatesDefault() throws Exception {
    assertSameAsHibernate(petClinic(dir), false, "-Ajmigrate.naming=jpa");
  }

  /**
   * Bean Validation's {@code @NotNull} on a to-one association makes its join column NOT NULL on the entity, but not
   * inside an embeddable (Hibernate does not descend into one that is not {@code @Valid @NotNull}), where only
   * {@code optional = false} and {@code @JoinColumn(nullable = false)} do, as for the embeddable's basic attributes.
   */
  @Test
  void notNullOnAnAssociationInsideAnEmbeddableLeavesItNullable() throws Exception {
    Project p = new Project(dir);
    String pkg = "package com.acme.model;\nimport jakarta.persistence.*;\nimport jakarta.validation.constraints.NotNull;\n";
    p.write("com/acme/model/Place.java", pkg + "@Entity public class Place { @Id Long id; }");
    p.write("com/acme/model/Stop.java", pkg + """
        @Embeddable public class Stop {
          @ManyToOne @NotNull Place place;
          @NotNull String label;
          @ManyToOne(optional = false) @JoinColumn(name = "required_id") Place required;
          @ManyToOne @JoinColumn(name = "fixed_id", nullable = false) Place fixed;
        }""");
    p.write("com/acme/model/Trip.java", pkg + """
        @Entity public class Trip {
          @Id Long id;
          @Embedded Stop stop;
          @ManyToOne @NotNull Place origin;
        }""");
    assertSameAsHibernate(p, List.of("com.acme.model.Place", "com.acme.model.Trip"), true);
    try (Connection c = DriverManager.getConnection(jmigrateUrl)) {
      assertEquals(List.of("fixed_id NO", "id NO", "label YES", "origin_id NO", "place_id YES", "required_id NO"),
          io.jmigrate.testing.Sql.strings(c, "SELECT column_name || ' ' || is_nullable FROM information_schema.columns"
              + " WHERE table_name = 'trip' ORDER BY column_name"));
    }
  }

  private String jmigrateUrl;

  private void assertSameAsHibernate(Project p, boolean snakeCase, String... options) throws Exception {
    assertSameAsHibernate(p, ENTITIES, snakeCase, options);
  }

  private void assertSameAsHibernate(Project p, List<String> entities, boolean snakeCase, String... options)
      throws Exception {
    Project.Result build = p.build(options).assertOk();
    String hibernateUrl = Postgres.newDatabaseUrl();
    HibernateSchema.run(build, entities, snakeCase, hibernateUrl, "create");
    jmigrateUrl = Postgres.newDatabaseUrl();
    try (Connection c = DriverManager.getConnection(jmigrateUrl)) {
      build.migrator().migrate(c);
    }
    try (Connection h = DriverManager.getConnection(hibernateUrl);
        Connection j = DriverManager.getConnection(jmigrateUrl)) {
      assertEquals(HibernateSchema.catalog(h), HibernateSchema.catalog(j));
    }
    HibernateSchema.run(build, entities, snakeCase, jmigrateUrl, "validate");
  }
}
