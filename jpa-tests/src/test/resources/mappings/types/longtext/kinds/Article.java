package kinds;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Long text as Hibernate's successor of the old TextType maps it (text on PostgreSQL, a CLOB on H2,
 * TINYTEXT … LONGTEXT on MariaDB by the @Column length), beside a short text that step 2 makes long.
 */
@Entity
public class Article {
  @Id
  Long id;

  /** text; character large object; longtext */
  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  String body;

  /** text; character large object; tinytext (the @Column length 255) */
  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column(length = 255)
  String teaser;

  /** the same as teaser: @Column's length is 255 unless given */
  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column(nullable = false)
  String title;

  /** text; character large object; mediumtext */
  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column(length = 100_000)
  String chapter;

  /** varchar(255) here, long text in step 2 */
  String description;
}
