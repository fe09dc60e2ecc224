package dev.sluice;

import dev.sluice.types.StructType;

import java.util.List;
import java.util.Map;

/**
 * A table of the session catalog whose files Sluice owns ({@code CREATE TABLE ... USING fmt}, {@code saveAsTable}):
 * its name in the database {@code default}, file format, schema, partition columns, format options, and the
 * directory under the warehouse ({@code spark.sql.warehouse.dir}) holding its files.
 */
public record ManagedTable(String name, String format, StructType schema, List<String> partitionBy, Map<String, String> options, String location) {
    public ManagedTable {
        partitionBy = List.copyOf(partitionBy);
        options = Map.copyOf(options);
    }
}
