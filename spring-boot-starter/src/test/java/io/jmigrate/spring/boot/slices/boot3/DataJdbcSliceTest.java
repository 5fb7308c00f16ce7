package io.jmigrate.spring.boot.slices.boot3;

import io.jmigrate.spring.boot.slices.DataJdbcSliceChecks;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;

/** Spring Boot 3.5's {@code @DataJdbcTest}. */
@DataJdbcTest
class DataJdbcSliceTest extends DataJdbcSliceChecks {}
