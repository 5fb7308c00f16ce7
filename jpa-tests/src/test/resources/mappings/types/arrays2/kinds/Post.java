package kinds;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Basic arrays as Hibernate 7 maps them: SQL arrays on PostgreSQL and H2, JSON on MariaDB. */
@Entity
public class Post {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  /** varchar(255) array */
  String[] tags;

  /** varchar(40) array: widened from varchar(20) array, the rows kept */
  @Column(length = 40)
  String[] codes;

  /** varchar(255) array: a basic List is an array, not a collection table */
  List<String> labels;

  /** the same, said explicitly */
  @JdbcTypeCode(SqlTypes.ARRAY)
  List<String> topics;

  Set<String> keywords;

  /** integer array */
  int[] counts;

  Integer[] scores;

  /** bigint array */
  Long[] ids;
}
