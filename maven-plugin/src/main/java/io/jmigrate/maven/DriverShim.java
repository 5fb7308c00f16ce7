package io.jmigrate.maven;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * A JDBC driver of the project, registered under a class of the plugin. {@link DriverManager}
 * hands a caller only the drivers its class loader can see, and the caller (the runtime's command
 * line) lives in the plugin's class loader, while the driver is a dependency of the project.
 */
final class DriverShim implements Driver {
  private final Driver driver;

  private DriverShim(Driver driver) {
    this.driver = driver;
  }

  /** Registers the project's drivers; closing deregisters them. */
  static AutoCloseable registerAll(ClassLoader project) throws SQLException {
    List<DriverShim> shims = new ArrayList<>();
    for (Driver d : ServiceLoader.load(Driver.class, project)) {
      DriverShim shim = new DriverShim(d);
      DriverManager.registerDriver(shim);
      shims.add(shim);
    }
    return () -> {
      for (DriverShim shim : shims) {
        DriverManager.deregisterDriver(shim);
      }
    };
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    return driver.connect(url, info);
  }

  @Override
  public boolean acceptsURL(String url) throws SQLException {
    return driver.acceptsURL(url);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    return driver.getPropertyInfo(url, info);
  }

  @Override
  public int getMajorVersion() {
    return driver.getMajorVersion();
  }

  @Override
  public int getMinorVersion() {
    return driver.getMinorVersion();
  }

  @Override
  public boolean jdbcCompliant() {
    return driver.jdbcCompliant();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return driver.getParentLogger();
  }
}
