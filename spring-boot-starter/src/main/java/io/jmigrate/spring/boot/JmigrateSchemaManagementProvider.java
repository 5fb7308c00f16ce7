package io.jmigrate.spring.boot;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * Says that jmigrate manages the schema of its DataSource, so that Spring Boot does not default
 * Hibernate's ddl-auto to create-drop on an embedded database (H2) and drop the migrated tables.
 */
class JmigrateSchemaManagementProvider implements SchemaManagementProvider {
  private final ObjectProvider<Jmigrate> jmigrate;

  JmigrateSchemaManagementProvider(ObjectProvider<Jmigrate> jmigrate) {
    this.jmigrate = jmigrate;
  }

  @Override
  public SchemaManagement getSchemaManagement(DataSource dataSource) {
    return jmigrate.orderedStream().anyMatch(j -> j.dataSource().equals(dataSource))
        ? SchemaManagement.MANAGED
        : SchemaManagement.UNMANAGED;
  }
}
