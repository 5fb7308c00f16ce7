package io.jmigrate.spring.boot.actuate;

import io.jmigrate.spring.boot.Jmigrate;
import io.jmigrate.spring.boot.JmigrateAutoConfiguration;
import io.jmigrate.spring.boot.JmigrateInitializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code jmigrate} endpoint, when Actuator is on the class path, the endpoint is exposed and
 * jmigrate migrates at start-up (its {@link Jmigrate} beans are registered after the conditions are
 * read, so the condition is on the initializer).
 */
@AutoConfiguration(after = JmigrateAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnAvailableEndpoint(JmigrateEndpoint.class)
public class JmigrateEndpointAutoConfiguration {

  @Bean
  @ConditionalOnBean(JmigrateInitializer.class)
  @ConditionalOnMissingBean
  public JmigrateEndpoint jmigrateEndpoint(ObjectProvider<Jmigrate> jmigrate) {
    return new JmigrateEndpoint(() -> jmigrate.orderedStream().toList());
  }
}
