package io.jmigrate.spring.boot.actuate;

import io.jmigrate.spring.boot.Jmigrate;
import io.jmigrate.spring.boot.JmigrateAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The {@code jmigrate} endpoint, when Actuator is on the class path and the endpoint is exposed. */
@AutoConfiguration(after = JmigrateAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnAvailableEndpoint(JmigrateEndpoint.class)
public class JmigrateEndpointAutoConfiguration {

  @Bean
  @ConditionalOnBean(Jmigrate.class)
  @ConditionalOnMissingBean
  public JmigrateEndpoint jmigrateEndpoint(Jmigrate jmigrate) {
    return new JmigrateEndpoint(jmigrate);
  }
}
