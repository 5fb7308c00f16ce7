package kinds;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** LONG32NVARCHAR: text; character large object; longtext whatever the length (Hibernate 7). */
@Entity
public class Headline {
  @Id
  Long id;

  @JdbcTypeCode(SqlTypes.LONG32NVARCHAR)
  String heading;

  @JdbcTypeCode(SqlTypes.LONG32NVARCHAR)
  @Column(length = 255)
  String subheading;
}
