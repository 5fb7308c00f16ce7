package io.jmigrate.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Several DataSources and none chosen: says how to choose. Registered in META-INF/spring.factories. */
class NoDataSourceChosenFailureAnalyzer extends AbstractFailureAnalyzer<NoDataSourceChosenException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, NoDataSourceChosenException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Annotate the DataSource(s) jmigrate should migrate with @io.jmigrate.spring.boot.JmigrateDataSource (on the"
            + " @Bean method; several are each migrated), or make one of them @Primary, or set jmigrate.enabled=false"
            + " to migrate none.",
        cause);
  }
}
