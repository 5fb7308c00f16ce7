package kinds;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * SqlTypes.LONGVARCHAR and LONGNVARCHAR (Hibernate's varchar(32600) unless a length is given), beside the
 * other ways to write long text: columnDefinition "text" and @Lob.
 */
@Entity
public class Memo {
  @Id
  Long id;

  /** varchar(32600) */
  @JdbcTypeCode(SqlTypes.LONGVARCHAR)
  String memo;

  /** varchar(32600): @Column without a length keeps it */
  @JdbcTypeCode(SqlTypes.LONGVARCHAR)
  @Column(nullable = false)
  String required;

  /** varchar(1000) */
  @JdbcTypeCode(SqlTypes.LONGNVARCHAR)
  @Column(length = 1000)
  String national;

  /** text on PostgreSQL, a CLOB on H2 */
  @Column(columnDefinition = "text")
  String notes;

  /** oid on PostgreSQL, a CLOB on H2 */
  @Lob
  String lobbed;
}
