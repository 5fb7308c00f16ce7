package io.jmigrate.spring.boot.slices.boot4;

import io.jmigrate.spring.boot.slices.JpaSliceChecks;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

/** Spring Boot 4's {@code @DataJpaTest}, Hibernate validating the schema. */
@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate")
class DataJpaSliceTest extends JpaSliceChecks {}
