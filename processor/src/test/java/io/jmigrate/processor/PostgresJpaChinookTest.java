package io.jmigrate.processor;

import java.sql.Connection;
import java.util.List;

class PostgresJpaChinookTest extends JpaChinookRoundTripContract {
  @Override
  ChinookRoundTripContract database() {
    return new PostgresChinookTest();
  }

  /** Hibernate 7's schema validation, with Spring Boot's naming, accepts the entities against the migrated database. */
  @Override
  void hibernateAgrees(Project.Result build, List<String> entities, Connection db) throws Exception {
    HibernateSchema.run(build, entities, true, db.getMetaData().getURL(), "validate");
  }
}
