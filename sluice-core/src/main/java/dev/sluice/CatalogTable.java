package dev.sluice;

import dev.sluice.types.StructType;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A table or persistent view of the session catalog, as Spark's {@code CatalogTable}: its database and name, its
 * kind, and for a table the file format, schema (partition columns last, as Spark orders them), partition columns,
 * bucketing, clustering columns, format options, directory and properties. A managed table's directory lies under
 * its database's ({@code spark.sql.warehouse.dir} for {@code default}); an external table's is the one given by
 * {@code LOCATION} or {@code path}. A view keeps its SQL text, read again each time the view is used.
 */
public record CatalogTable(String database, String name, Type type, String format, StructType schema, List<String> partitionBy,
                           BucketSpec buckets, List<String> clusterBy, Map<String, String> options, String location,
                           Map<String, String> properties, String comment, String viewText) {
    /** Spark's CatalogTableType. */
    public enum Type { MANAGED, EXTERNAL, VIEW }

    /** {@code bucketBy(n, cols).sortBy(cols)} / {@code CLUSTERED BY (cols) SORTED BY (cols) INTO n BUCKETS}. */
    public record BucketSpec(int numBuckets, List<String> columns, List<String> sortColumns) {
        public BucketSpec {
            columns = List.copyOf(columns);
            sortColumns = List.copyOf(sortColumns);
        }
    }

    public CatalogTable {
        requireNonNull(database, "database");
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        requireNonNull(schema, "schema");
        partitionBy = List.copyOf(partitionBy);
        clusterBy = List.copyOf(clusterBy);
        options = Map.copyOf(options);
        properties = Map.copyOf(properties);
    }

    /** A view: its SQL text, the schema it had when created, the database its names were resolved in. */
    static CatalogTable view(String database, String name, StructType schema, String sql, Map<String, String> properties, String comment) {
        return new CatalogTable(database, name, Type.VIEW, null, schema, List.of(), null, List.of(), Map.of(), null, properties, comment, sql);
    }

    /** {@code spark_catalog.db.name}, the name Spark's messages give. */
    public String qualifiedName() { return "spark_catalog." + database + "." + name; }

    /** The key of the table in its catalog: both parts lower-case. */
    String key() { return key(database, name); }

    static String key(String database, String name) { return database.toLowerCase(Locale.ROOT) + "." + name.toLowerCase(Locale.ROOT); }

    public boolean isView() { return type == Type.VIEW; }

    /** The columns that are not partition columns (what the files hold). */
    public StructType dataSchema() {
        List<dev.sluice.types.StructField> out = new java.util.ArrayList<>();
        for (dev.sluice.types.StructField f : schema.fields()) {
            if (partitionBy.stream().noneMatch(p -> p.equalsIgnoreCase(f.name()))) out.add(f);
        }
        return new StructType(out);
    }

    CatalogTable withName(String newDatabase, String newName, String newLocation) {
        return new CatalogTable(newDatabase, newName, type, format, schema, partitionBy, buckets, clusterBy, options, newLocation, properties, comment, viewText);
    }

    CatalogTable withSchema(StructType newSchema) {
        return new CatalogTable(database, name, type, format, newSchema, partitionBy, buckets, clusterBy, options, location, properties, comment, viewText);
    }

    CatalogTable withProperties(Map<String, String> newProperties) {
        return new CatalogTable(database, name, type, format, schema, partitionBy, buckets, clusterBy, options, location, newProperties, comment, viewText);
    }

    CatalogTable withView(StructType newSchema, String sql, Map<String, String> newProperties) {
        return new CatalogTable(database, name, type, format, newSchema, partitionBy, buckets, clusterBy, options, location, newProperties, comment, sql);
    }
}
