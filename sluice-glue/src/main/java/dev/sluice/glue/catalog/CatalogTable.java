package dev.sluice.glue.catalog;

import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueStruct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A table of the local catalog: where its files are, their format and format options, its columns and its
 * partition keys (Hive-style {@code key=value} directories under the location), and free parameters
 * (for example {@code boundedFiles}).
 */
public record CatalogTable(String database, String name, String location, String format, Map<String, String> formatOptions,
                           GlueStruct columns, GlueStruct partitionKeys, Map<String, String> parameters) {
    public CatalogTable {
        formatOptions = Map.copyOf(formatOptions);
        parameters = Map.copyOf(parameters);
    }

    /** Columns then partition keys: the schema match_catalog casts to. */
    public GlueStruct schema() {
        List<GlueField> all = new ArrayList<>(columns.fields());
        all.addAll(partitionKeys.fields());
        return new GlueStruct(all);
    }
}
