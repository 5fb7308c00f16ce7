package kinds;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Duration;
import java.util.Currency;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Fixed-length text, JSON, a currency and a duration, each as Hibernate 7 maps it by default. */
@Entity
public class Account {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  /** char(1) */
  char initial;

  /** char(1) */
  Character grade;

  /** char(4) */
  @JdbcTypeCode(SqlTypes.CHAR)
  @Column(length = 4)
  String ticker;

  /** varchar(3): an ISO 4217 code */
  Currency currency;

  /** varchar(3), even under @Column */
  @Column(nullable = false)
  Currency settlement;

  /** numeric(21,0): nanoseconds */
  Duration timeout;

  /** jsonb on PostgreSQL, json on H2 and MariaDB */
  @JdbcTypeCode(SqlTypes.JSON)
  Map<String, Object> attributes;

  /** the same, the document as text */
  @JdbcTypeCode(SqlTypes.JSON)
  String document;
}
