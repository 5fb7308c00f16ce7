package io.jmigrate.spring.boot;

import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * What differs between the Spring Boot lines the starter's tests run on (3.5, and 4 in the
 * {@code boot4-tests} module, from the same sources): Boot 4 moved the auto-configurations into
 * its modules' packages.
 */
public final class BootLine {
  /** Whether the tests run on Spring Boot 4. */
  public static final boolean BOOT_4 =
      ClassUtils.isPresent("org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration", null);

  /** The excludes that leave JPA and Spring Data JDBC (no SQLite dialect) out of an application whose test class path has them. */
  public static final String NO_JPA = "spring.autoconfigure.exclude="
      + "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration,"
      + "org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration,"
      + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
      + "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration,"
      + "org.springframework.boot.autoconfigure.data.jdbc.JdbcRepositoriesAutoConfiguration,"
      + "org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration";

  private BootLine() {}

  /** The DataSource, JdbcTemplate and JdbcClient auto-configurations, then the starter's and {@code more}. */
  public static AutoConfigurations jdbc(Class<?>... more) {
    String[] names = BOOT_4
        ? new String[] {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration"}
        : new String[] {"org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
            "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration"};
    return AutoConfigurations.of(Stream.concat(Stream.of(names).map(BootLine::load),
        Stream.concat(Stream.of(JmigrateAutoConfiguration.class), Stream.of(more))).toArray(Class<?>[]::new));
  }

  /** The port a web application listens on. */
  public static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  private static Class<?> load(String name) {
    try {
      return ClassUtils.forName(name, BootLine.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
