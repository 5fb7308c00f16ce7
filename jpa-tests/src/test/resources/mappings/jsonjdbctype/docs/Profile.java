package docs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.Map;
import org.hibernate.annotations.JdbcType;
import org.hibernate.dialect.type.PostgreSQLJsonPGObjectJsonbType;

/** A document column typed by Hibernate's PostgreSQL jsonb JdbcType, with and without a column definition. */
@Entity
public class Profile {
  @Id Long id;

  @JdbcType(PostgreSQLJsonPGObjectJsonbType.class)
  Map<String, Object> settings;

  @JdbcType(PostgreSQLJsonPGObjectJsonbType.class)
  @Column(columnDefinition = "jsonb")
  Map<String, Object> limits;
}
