package io.jmigrate.dialect;

/** No dialect on the class path serves a database. */
public final class UnsupportedDatabaseException extends IllegalArgumentException {
  public UnsupportedDatabaseException(String name) {
    super("jmigrate has no dialect for \"" + name + "\": it supports " + Dialects.names()
        + " (more through META-INF/services/" + Dialect.class.getName() + ")");
  }
}
