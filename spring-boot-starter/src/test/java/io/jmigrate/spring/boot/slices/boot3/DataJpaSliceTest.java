package io.jmigrate.spring.boot.slices.boot3;

import io.jmigrate.spring.boot.slices.JpaSliceChecks;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

/** Spring Boot 3.5's {@code @DataJpaTest}, Hibernate validating the schema. */
@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate")
class DataJpaSliceTest extends JpaSliceChecks {}
