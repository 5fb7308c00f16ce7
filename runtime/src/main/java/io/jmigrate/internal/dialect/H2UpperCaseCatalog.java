package io.jmigrate.internal.dialect;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Set;

/**
 * JDBC metadata of an H2 database that folds unquoted names to upper case, as the engine reads it:
 * by the migrations' lower-case names. A lower-case name asked for is looked up as H2 stores it
 * ({@code book} as {@code BOOK}), and an upper-case name read back is the lower-case name it
 * stands for. Names with capitals of their own are asked and read as they are.
 */
final class H2UpperCaseCatalog implements InvocationHandler {
  /** The lookups whose third argument is a table name (getColumns: and fourth a column name). */
  private static final Set<String> BY_TABLE =
      Set.of("getTables", "getColumns", "getPrimaryKeys", "getIndexInfo", "getImportedKeys", "getExportedKeys");
  /** The result columns that hold names (not TYPE_NAME, the schema or the catalog). */
  private static final Set<String> NAMES = Set.of("TABLE_NAME", "COLUMN_NAME", "PK_NAME", "INDEX_NAME",
      "FKCOLUMN_NAME", "FKTABLE_NAME", "PKTABLE_NAME", "PKCOLUMN_NAME", "FK_NAME");

  private final Object target;

  private H2UpperCaseCatalog(Object target) {
    this.target = target;
  }

  static DatabaseMetaData of(DatabaseMetaData meta) {
    return (DatabaseMetaData) Proxy.newProxyInstance(H2UpperCaseCatalog.class.getClassLoader(),
        new Class<?>[] {DatabaseMetaData.class}, new H2UpperCaseCatalog(meta));
  }

  /** {@code book} → {@code BOOK}: the name as H2 stores it unquoted; a name with capitals stays. */
  static String stored(String name) {
    return name != null && name.equals(name.toLowerCase(Locale.ROOT)) ? name.toUpperCase(Locale.ROOT) : name;
  }

  /** {@code BOOK} → {@code book}: the migrations' name for what H2 stores. */
  static String read(String name) {
    return name != null && name.equals(name.toUpperCase(Locale.ROOT)) ? name.toLowerCase(Locale.ROOT) : name;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    boolean byTable = target instanceof DatabaseMetaData && BY_TABLE.contains(method.getName());
    if (byTable && args != null && args.length > 2 && args[2] instanceof String table) {
      args[2] = stored(table);
      if (method.getName().equals("getColumns") && args[3] instanceof String column) {
        args[3] = stored(column);
      }
    }
    Object result;
    try {
      result = method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    if (result instanceof ResultSet rs && byTable) {
      return Proxy.newProxyInstance(H2UpperCaseCatalog.class.getClassLoader(), new Class<?>[] {ResultSet.class},
          new H2UpperCaseCatalog(rs));
    }
    if (target instanceof ResultSet && method.getName().equals("getString") && args.length == 1
        && args[0] instanceof String label && NAMES.contains(label.toUpperCase(Locale.ROOT))) {
      return read((String) result);
    }
    return result;
  }
}
