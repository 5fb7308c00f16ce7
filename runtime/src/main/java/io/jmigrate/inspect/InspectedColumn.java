package io.jmigrate.inspect;

import io.jmigrate.schema.ColumnDefinition;

/**
 * A live column as the model will declare it.
 *
 * @param column its definition, as jmigrate's schema values describe it
 * @param liveType the type the catalog reports, for the generated comment ({@code NVARCHAR(160)})
 */
record InspectedColumn(ColumnDefinition column, String liveType) {}
