package io.jmigrate.spring.boot.slices.boot3;

import io.jmigrate.spring.boot.slices.SliceChecks;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;

/** Spring Boot 3.5's {@code @JdbcTest}. */
@JdbcTest
class JdbcSliceTest extends SliceChecks {}
