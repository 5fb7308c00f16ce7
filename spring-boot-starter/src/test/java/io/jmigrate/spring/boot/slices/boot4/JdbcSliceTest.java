package io.jmigrate.spring.boot.slices.boot4;

import io.jmigrate.spring.boot.slices.SliceChecks;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

/** Spring Boot 4's {@code @JdbcTest}. */
@JdbcTest
class JdbcSliceTest extends SliceChecks {}
