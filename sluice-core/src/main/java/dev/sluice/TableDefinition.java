package dev.sluice;

import dev.sluice.types.StructType;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What {@code CREATE TABLE}, {@code saveAsTable} and {@code Catalog.createTable} say about a new table: its name,
 * format, schema (null: from the query, or inferred from the files at {@code location}), partition columns,
 * bucketing, clustering columns, format options, directory (null: a managed table under its database's
 * directory; given: an external table), properties and comment.
 */
public record TableDefinition(List<String> nameParts, String format, StructType schema, List<String> partitionBy,
                              CatalogTable.BucketSpec buckets, List<String> clusterBy, Map<String, String> options,
                              String location, Map<String, String> properties, String comment) {
    public TableDefinition {
        requireNonNull(nameParts, "nameParts");
        requireNonNull(format, "format");
        nameParts = List.copyOf(nameParts);
        partitionBy = List.copyOf(partitionBy);
        clusterBy = List.copyOf(clusterBy);
        options = Map.copyOf(options);
        properties = Map.copyOf(properties);
    }

    /** A plain managed table. */
    public static TableDefinition of(List<String> nameParts, String format, StructType schema, Map<String, String> options) {
        return new TableDefinition(nameParts, format, schema, List.of(), null, List.of(), options, null, Map.of(), null);
    }
}
