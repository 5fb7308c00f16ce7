package io.jmigrate.inspect;

import io.jmigrate.schema.TableDefinition;
import java.util.List;

/**
 * A live table as one model class: its definition (which the next build's first migration creates
 * and {@code baseline} records), the live type of each column, and what of it the model leaves out.
 */
record InspectedTable(TableDefinition table, List<InspectedColumn> columns, List<Finding> leftOut) {
  InspectedTable {
    columns = List.copyOf(columns);
    leftOut = List.copyOf(leftOut);
  }
}
