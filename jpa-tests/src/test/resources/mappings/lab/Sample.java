package lab;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;

/**
 * One column of every basic type Hibernate maps, with JPA's defaults (no length, precision or scale given).
 * (@Lob and char are compile errors with jmigrate: JpaErrorsTest in the processor. UUID: mappings/uuid.)
 */
@Entity
public class Sample {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  String note;

  @Column(length = 2000)
  String longText;

  byte[] bytes;

  int anInt;

  Integer boxedInt;

  long aLong;

  short aShort;

  byte aByte;

  boolean aBoolean;

  Boolean boxedBoolean;

  double aDouble;

  float aFloat;

  BigDecimal amount;

  @Column(precision = 19, scale = 4)
  BigDecimal money;

  BigInteger big;

  LocalDate visitDay;

  LocalTime visitTime;

  LocalDateTime stamp;

  Instant instant;

  OffsetDateTime offsetStamp;

  @Convert(converter = YesNo.class)
  Boolean flag;

  /** Implicit names everywhere: the join table, its columns, the collection table. */
  @ManyToMany
  Set<Label> labels = new HashSet<>();

  @ElementCollection
  Set<String> aliases = new HashSet<>();
}
