package io.jmigrate.spring.boot;

import java.util.List;

/** The application has several DataSources and nothing says which of them jmigrate migrates. */
public class NoDataSourceChosenException extends IllegalStateException {
  private final List<String> dataSources;

  public NoDataSourceChosenException(List<String> dataSources) {
    super("jmigrate does not know which DataSource to migrate: the application has " + dataSources.size()
        + " (" + String.join(", ", dataSources) + "), none of them @Primary or marked @JmigrateDataSource");
    this.dataSources = List.copyOf(dataSources);
  }

  /** The names of the DataSource beans. */
  public List<String> dataSources() {
    return dataSources;
  }
}
