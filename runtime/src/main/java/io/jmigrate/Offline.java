package io.jmigrate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Acknowledges a change the build warns cannot run online: one that rewrites, copies or scans a
 * whole table on a target dialect (a type change, a new column with a volatile default, NOT NULL
 * on an existing column, a table rebuild on SQLite, …), or one that breaks the previous build's
 * code while it still runs during a rolling deploy (a dropped or renamed column or table). The
 * reason is for the reviewer: a maintenance window, a table known to be small, a column the
 * running code no longer reads.
 *
 * <pre>
 * {@literal @}Offline("payments is small; deployed in the Sunday window") long amountCents;   // a type change
 *
 * {@literal @}Table
 * {@literal @}Drop(columns = "nickname")
 * {@literal @}Offline("nickname is unread since release 4.2")   // dropped columns, keys, indexes of this table
 * class User { ... }
 * </pre>
 *
 * On a field it acknowledges that column's changes; on a model class, the table's own changes
 * (dropped columns, the primary key, indexes, a rename of the table) and the tables its
 * {@code @Drop(tables = …)} drops. Once the migration is generated, remove it: left in place it would
 * acknowledge a later change by accident, so the build warns about an {@code @Offline} that
 * acknowledges nothing. With {@code -Ajmigrate.online=strict} an unacknowledged change is an error.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE})
public @interface Offline {
  /** Why running this change as it is, is acceptable. */
  String value();
}
