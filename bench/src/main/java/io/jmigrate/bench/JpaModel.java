package io.jmigrate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A large JPA model shaped like a real application's, written by this generator (no fetched code):
 * {@code domains} packages {@code bench.jpa.dNN}, each with a mapped superclass (audit columns and a
 * version), an embeddable, an enum and ten entities:
 * a JOINED hierarchy (party, person, company; SEQUENCE ids), a SINGLE_TABLE hierarchy (document
 * and two kinds; AUTO ids), an order with lines (@OneToMany/@ManyToOne, enums, an
 * {@code @ElementCollection}, indexes), a product with categories ({@code @ManyToMany} through a
 * join table, a unique key, an element collection of embeddables) and a self-referencing category
 * (IDENTITY ids). Every domain's order also refers to the previous domain's product, so the
 * packages are tied together as a real model's are.
 */
final class JpaModel {
  private JpaModel() {}

  static final int ENTITIES_PER_DOMAIN = 10;

  /** Writes the model under {@code src}; returns the number of entities. */
  static int write(Path src, int domains) throws IOException {
    for (int g = 1; g <= domains; g++) {
      String pkg = pkg(g);
      Path dir = Files.createDirectories(src.resolve(pkg.replace('.', '/')));
      String n = String.format("%02d", g);
      String head = "package " + pkg + ";\n\nimport jakarta.persistence.*;\nimport java.math.BigDecimal;\n"
          + "import java.time.*;\nimport java.util.*;\n\n";
      write(dir, "Audited" + n, head + "@MappedSuperclass\npublic abstract class Audited" + n + " {\n"
          + "  @Column(nullable = false) LocalDateTime createdAt;\n  LocalDateTime updatedAt;\n"
          + "  @Column(length = 64) String createdBy;\n  @Version int version;\n}\n");
      write(dir, "Address" + n, head + "@Embeddable\npublic class Address" + n + " {\n"
          + "  @Column(length = 120) String street;\n  @Column(length = 80) String city;\n  @Column(length = 10) String zip;\n"
          + "  @Column(length = 2) String country;\n}\n");
      write(dir, "Status" + n, "package " + pkg + ";\n\npublic enum Status" + n
          + " {\n  NEW, PAID, SHIPPED, CANCELLED\n}\n");

      // JOINED: a table per class; the subclasses' keys refer to the root's.
      write(dir, "Party" + n, head + "@Entity\n@Inheritance(strategy = InheritanceType.JOINED)\n"
          + "public abstract class Party" + n + " extends Audited" + n + " {\n"
          + "  @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id;\n"
          + "  @Column(length = 200) String displayName;\n  @Column(unique = true, length = 120) String email;\n"
          + "  @Embedded Address" + n + " address;\n"
          + "  @ElementCollection @CollectionTable(name = \"party" + n + "_phones\") @Column(name = \"phone\", length = 30)"
          + " Set<String> phones = new HashSet<>();\n}\n");
      write(dir, "Person" + n, head + "@Entity\npublic class Person" + n + " extends Party" + n + " {\n"
          + "  @Column(nullable = false, length = 80) String firstName;\n  @Column(nullable = false, length = 80) String lastName;\n"
          + "  LocalDate born;\n  boolean newsletter;\n}\n");
      write(dir, "Company" + n, head + "@Entity\npublic class Company" + n + " extends Party" + n + " {\n"
          + "  @Column(nullable = false, length = 200) String legalName;\n  @Column(length = 20) String vatNumber;\n"
          + "  @Embedded @AttributeOverrides({\n"
          + "      @AttributeOverride(name = \"street\", column = @Column(name = \"billing_street\", length = 120)),\n"
          + "      @AttributeOverride(name = \"city\", column = @Column(name = \"billing_city\", length = 80)),\n"
          + "      @AttributeOverride(name = \"zip\", column = @Column(name = \"billing_zip\", length = 10)),\n"
          + "      @AttributeOverride(name = \"country\", column = @Column(name = \"billing_country\", length = 2))})\n"
          + "  Address" + n + " billing;\n}\n");

      // SINGLE_TABLE: one table with a discriminator; the kinds' columns are nullable.
      write(dir, "Document" + n, head + "@Entity\n@Inheritance(strategy = InheritanceType.SINGLE_TABLE)\n"
          + "@DiscriminatorColumn(name = \"kind\", length = 20)\n"
          + "public abstract class Document" + n + " extends Audited" + n + " {\n"
          + "  @Id @GeneratedValue Long id;\n  @Column(nullable = false, length = 200) String title;\n"
          + "  @ManyToOne Party" + n + " owner;\n}\n");
      write(dir, "InvoiceDoc" + n, head + "@Entity\n@DiscriminatorValue(\"invoice\")\n"
          + "public class InvoiceDoc" + n + " extends Document" + n + " {\n"
          + "  @Column(precision = 12, scale = 2) BigDecimal amount;\n  LocalDate dueOn;\n"
          + "  @Enumerated(EnumType.STRING) @Column(length = 20) Status" + n + " status;\n}\n");
      write(dir, "NoteDoc" + n, head + "@Entity\n@DiscriminatorValue(\"note\")\n"
          + "public class NoteDoc" + n + " extends Document" + n + " {\n  @Lob String body;\n  Integer pages;\n}\n");

      // An order with lines, tags and a reference into the previous domain.
      String prevProduct = g > 1 ? pkg(g - 1) + ".Product" + String.format("%02d", g - 1) : "Product" + n;
      write(dir, "PurchaseOrder" + n, head + "@Entity\n@Table(name = \"orders" + n + "\", indexes = {"
          + "@Index(columnList = \"placed_at\"), @Index(columnList = \"customer_id, status\")})\n"
          + "public class PurchaseOrder" + n + " extends Audited" + n + " {\n"
          + "  @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id;\n"
          + "  @ManyToOne(optional = false) Party" + n + " customer;\n"
          + "  @OneToMany(mappedBy = \"order\") List<OrderLine" + n + "> lines = new ArrayList<>();\n"
          + "  @Enumerated(EnumType.STRING) @Column(length = 20, nullable = false) Status" + n + " status;\n"
          + "  @Enumerated Status" + n + " previousStatus;\n  LocalDateTime placedAt;\n  Instant confirmedAt;\n"
          + "  @Column(precision = 14, scale = 2) BigDecimal total;\n"
          + "  @ManyToOne " + prevProduct + " featured;\n"
          + "  @ElementCollection @CollectionTable(name = \"orders" + n + "_tags\") @Column(name = \"tag\", length = 40)"
          + " Set<String> tags = new HashSet<>();\n"
          + "  @Embedded Address" + n + " shipTo;\n}\n");
      write(dir, "OrderLine" + n, head + "@Entity\npublic class OrderLine" + n + " {\n"
          + "  @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id;\n"
          + "  @ManyToOne(optional = false) @JoinColumn(name = \"order_id\") PurchaseOrder" + n + " order;\n"
          + "  @ManyToOne Product" + n + " product;\n  int quantity;\n"
          + "  @Column(precision = 12, scale = 2, nullable = false) BigDecimal unitPrice;\n}\n");
      write(dir, "Product" + n, head + "@Entity\n@Table(name = \"products" + n + "\", uniqueConstraints = "
          + "@UniqueConstraint(columnNames = {\"sku\"}))\npublic class Product" + n + " extends Audited" + n + " {\n"
          + "  @Id @GeneratedValue Long id;\n  @Column(nullable = false, length = 40) String sku;\n"
          + "  @Column(nullable = false, length = 200) String name;\n  @Lob String description;\n"
          + "  @Column(precision = 10, scale = 2) BigDecimal price;\n  Double weight;\n  boolean active;\n"
          + "  @ManyToMany @JoinTable(name = \"products" + n + "_categories\", joinColumns = @JoinColumn(name = \"product_id\"),"
          + " inverseJoinColumns = @JoinColumn(name = \"category_id\")) Set<Category" + n + "> categories = new HashSet<>();\n"
          + "  @ElementCollection @CollectionTable(name = \"products" + n + "_warehouses\") List<Address" + n
          + "> warehouses = new ArrayList<>();\n}\n");
      write(dir, "Category" + n, head + "@Entity\npublic class Category" + n + " {\n"
          + "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;\n"
          + "  @Column(nullable = false, length = 100) String name;\n  @ManyToOne Category" + n + " parent;\n"
          + "  @Enumerated Status" + n + " defaultStatus;\n  int position;\n}\n");
    }
    return domains * ENTITIES_PER_DOMAIN;
  }

  static String pkg(int g) {
    return String.format("bench.jpa.d%02d", g);
  }

  /** The source of one domain's product with one more column: a one-change build. */
  static Path productOf(Path src, int g) {
    return src.resolve(pkg(g).replace('.', '/')).resolve(String.format("Product%02d.java", g));
  }

  private static void write(Path dir, String cls, String source) throws IOException {
    Files.writeString(dir.resolve(cls + ".java"), source);
  }
}
