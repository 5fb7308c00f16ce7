package io.jmigrate.catalog;

import io.jmigrate.dialect.Dialect;
import io.jmigrate.schema.ReferentialAction;
import java.sql.DatabaseMetaData;

/**
 * A foreign key's actions as a catalog reports them (JDBC's {@code DELETE_RULE} and {@code UPDATE_RULE}),
 * read alike by {@code inspect} and {@code validate}. Measured on the servers: PostgreSQL and SQLite report
 * NO ACTION and RESTRICT apart; MariaDB reports RESTRICT for a key written without an action and for NO
 * ACTION, and H2 likewise, where the two are one and the same
 * ({@link io.jmigrate.dialect.LiveCatalog#reportsNoActionAsRestrict()}).
 */
public final class LiveForeignKeys {
  private LiveForeignKeys() {}

  /** The action a catalog's rule stands for: RESTRICT is NO ACTION where the database does not tell them apart. */
  public static ReferentialAction action(Dialect dialect, int rule) {
    if (rule == DatabaseMetaData.importedKeyRestrict && dialect.liveCatalog().reportsNoActionAsRestrict()) {
      return ReferentialAction.NO_ACTION;
    }
    switch (rule) {
      case DatabaseMetaData.importedKeyCascade:
        return ReferentialAction.CASCADE;
      case DatabaseMetaData.importedKeySetNull:
        return ReferentialAction.SET_NULL;
      case DatabaseMetaData.importedKeySetDefault:
        return ReferentialAction.SET_DEFAULT;
      case DatabaseMetaData.importedKeyRestrict:
        return ReferentialAction.RESTRICT;
      default:
        return ReferentialAction.NO_ACTION;
    }
  }

  /** A model's action as the database keeps it: RESTRICT is NO ACTION where the catalog does not tell them apart. */
  public static ReferentialAction kept(Dialect dialect, ReferentialAction modelled) {
    return modelled == ReferentialAction.RESTRICT && dialect.liveCatalog().reportsNoActionAsRestrict()
        ? ReferentialAction.NO_ACTION : modelled;
  }
}
