package io.jmigrate.spring.boot.slices.boot4;

import io.jmigrate.spring.boot.slices.DataJdbcSliceChecks;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;

/** Spring Boot 4's {@code @DataJdbcTest}. */
@DataJdbcTest
class DataJdbcSliceTest extends DataJdbcSliceChecks {}
