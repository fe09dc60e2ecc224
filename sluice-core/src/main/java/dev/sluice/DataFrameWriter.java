package dev.sluice;

import dev.sluice.io.SaveMode;
import dev.sluice.io.FileFormats;
import dev.sluice.io.OptionCheck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a DataFrame: {@code df.write().mode("overwrite").option("compression", "gzip").json("out/")}.
 * One file per partition; the job commits atomically (tasks write to a staging area, the job renames it
 * into place and writes {@code _SUCCESS}); a failed job leaves the target as it was.
 */
public final class DataFrameWriter {
    private final DataFrame frame;
    private SaveMode mode = SaveMode.ERROR_IF_EXISTS;
    private boolean bucketFileNames;
    private final Map<String, String> options = new LinkedHashMap<>();
    private String format = "json";
    private boolean formatChosen;
    private List<String> partitionBy = List.of();
    private Integer numBuckets;
    private List<String> bucketBy = List.of();
    private List<String> sortBy = List.of();
    private List<String> clusterBy = List.of();

    DataFrameWriter(DataFrame frame) { this.frame = frame; }

    /** error / errorifexists (default), overwrite, append, ignore. */
    public DataFrameWriter mode(String saveMode) {
        this.mode = SaveMode.parse(saveMode);
        return this;
    }

    public DataFrameWriter mode(SaveMode saveMode) {
        this.mode = saveMode;
        return this;
    }

    public DataFrameWriter option(String key, String value) {
        options.put(key, value);
        return this;
    }

    public DataFrameWriter option(String key, long value) { return option(key, String.valueOf(value)); }

    public DataFrameWriter options(Map<String, String> more) {
        options.putAll(more);
        return this;
    }

    /** The format {@link #save} writes: json (default), csv, text, xml, parquet (with sluice-parquet). */
    public DataFrameWriter format(String name) {
        this.format = name;
        this.formatChosen = true;
        return this;
    }

    /** Writes files of the chosen format into the directory {@code path}; returns what was written. */
    public WriteResult save(String path) {
        refuseBuckets("save");
        checkClustering();
        // an unknown format or option fails here, before anything runs
        OptionCheck.write(FileFormats.lookup(format), options);
        refuseCalendarIntervals(format);
        WriteResult result = frame.session().engine().write(frame.outputPlan(),
                new WriteRequest(path, format, mode, withOverwriteMode(options), partitionBy, bucketFileNames));
        frame.completeObservations();
        return result;
    }

    /**
     * The options with the partition overwrite mode made explicit: the {@code partitionOverwriteMode} option when given
     * (checked here), else the session's {@code spark.sql.sources.partitionOverwriteMode} (as Spark's
     * InsertIntoHadoopFsRelationCommand), so every engine sees the same mode.
     */
    private Map<String, String> withOverwriteMode(Map<String, String> given) {
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (e.getKey().equalsIgnoreCase("partitionOverwriteMode")) {
                dev.sluice.io.FileSinkOptions.dynamicMode(e.getKey(), e.getValue());
                return given;
            }
        }
        if (!frame.session().conf().dynamicPartitionOverwrite()) return given;
        Map<String, String> out = new LinkedHashMap<>(given);
        out.put("partitionOverwriteMode", "dynamic");
        return out;
    }

    /** Writes one directory per value of these columns ({@code year=2026/month=11/}), Hive style. */
    public DataFrameWriter partitionBy(String... columns) {
        this.partitionBy = List.of(columns);
        return this;
    }

    /**
     * Buckets the rows of a table written by {@link #saveAsTable} as Spark does: row to bucket
     * {@code pmod(murmur3_hash(cols), n)}, one file per bucket and task. Only {@code saveAsTable} writes buckets
     * (Spark: save and insertInto do not support bucketBy).
     */
    public DataFrameWriter bucketBy(int numBuckets, String column, String... columns) {
        if (numBuckets <= 0 || numBuckets > 100_000) {
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.INVALID_ARGUMENT).with("function", "bucketBy")
                    .with("reason", "the number of buckets must be greater than 0 and at most 100000, got " + numBuckets + " (Spark: INVALID_BUCKET_COUNT)").build();
        }
        this.numBuckets = numBuckets;
        this.bucketBy = names(column, columns);
        return this;
    }

    /** Sorts each bucket by these columns (with {@link #bucketBy} only). */
    public DataFrameWriter sortBy(String column, String... columns) {
        this.sortBy = names(column, columns);
        return this;
    }

    /**
     * The table's clustering columns (Spark 4's {@code CLUSTER BY}): recorded with a table written by
     * {@link #saveAsTable}; for a path they only have to name columns, as Spark's file sources take them as an option
     * and lay out no files by them.
     */
    public DataFrameWriter clusterBy(String column, String... columns) {
        this.clusterBy = names(column, columns);
        return this;
    }

    private static List<String> names(String first, String... more) {
        List<String> out = new java.util.ArrayList<>();
        out.add(first);
        out.addAll(List.of(more));
        return List.copyOf(out);
    }

    /** A bucketed table's write (the catalog's): partition i is bucket i, and the file names say so, as Spark's. */
    DataFrameWriter bucketFileNames() {
        this.bucketFileNames = true;
        return this;
    }

    private void refuseBuckets(String operation) {
        if (numBuckets != null || !sortBy.isEmpty()) {
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.UNSUPPORTED_OPERATION).with("operation", "'" + operation + "' with bucketBy or sortBy")
                    .with("reason", "as Spark, only saveAsTable writes buckets").build();
        }
    }

    private void checkClustering() {
        if (clusterBy.isEmpty()) return;
        if (!partitionBy.isEmpty()) {
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.INVALID_ARGUMENT).with("function", "clusterBy")
                    .with("reason", "it cannot be combined with partitionBy (Spark: SPECIFY_CLUSTER_BY_WITH_PARTITIONED_BY_IS_NOT_ALLOWED)").build();
        }
        if (numBuckets != null) {
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.INVALID_ARGUMENT).with("function", "clusterBy")
                    .with("reason", "it cannot be combined with bucketBy (Spark: SPECIFY_CLUSTER_BY_WITH_BUCKETING_IS_NOT_ALLOWED)").build();
        }
        for (String c : clusterBy) frame.col(c);   // COLUMN_NOT_FOUND for a name that is not a column
    }

    public WriteResult json(String path) { return format("json").save(path); }

    public WriteResult csv(String path) { return format("csv").save(path); }

    public WriteResult text(String path) { return format("text").save(path); }

    /** XML: one {@code rowTag} element (default ROW) per row under a {@code rootTag} element (default ROWS). */
    public WriteResult xml(String path) { return format("xml").save(path); }

    public WriteResult parquet(String path) { return format("parquet").save(path); }

    /** ORC (needs the sluice-orc module); {@code compression}: zstd (default), snappy, zlib, lz4, none. */
    public WriteResult orc(String path) { return format("orc").save(path); }

    /**
     * Writes the DataFrame as the managed table {@code name} under the warehouse directory, by the save mode: a new
     * table (TABLE_OR_VIEW_ALREADY_EXISTS if there is one), ignore, append (columns by name) or overwrite (the table
     * replaced). The format is the one chosen, else parquet when sluice-parquet is installed, else json.
     */
    public WriteResult saveAsTable(String name) {
        if (numBuckets == null && !sortBy.isEmpty()) {
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.INVALID_ARGUMENT).with("function", "sortBy")
                    .with("reason", "sortBy must be used together with bucketBy").build();
        }
        checkClustering();
        String chosen = formatChosen ? format : defaultTableFormat();
        Map<String, String> tableOptions = new LinkedHashMap<>(options);
        String location = null;
        for (String k : List.copyOf(tableOptions.keySet())) {
            if (k.equalsIgnoreCase("path")) location = tableOptions.remove(k);   // an external table, as Spark
        }
        OptionCheck.write(FileFormats.lookup(chosen), tableOptions);
        refuseCalendarIntervals(chosen);
        CatalogTable.BucketSpec buckets = numBuckets == null ? null : new CatalogTable.BucketSpec(numBuckets, bucketBy, sortBy);
        TableDefinition def = new TableDefinition(tableName(name), chosen, null, partitionBy, buckets, clusterBy, tableOptions, location, Map.of(), null);
        return frame.session().catalog().saveAsTable(def, frame, mode);
    }

    /** Appends (or with mode overwrite, replaces) the rows of the existing managed table {@code name}, columns by position. */
    public WriteResult insertInto(String name) {
        refuseBuckets("insertInto");
        if (!partitionBy.isEmpty()) {
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.UNSUPPORTED_OPERATION).with("operation", "insertInto with partitionBy")
                    .with("reason", "the table's own partition columns are used (Spark: insertInto() can't be used together with partitionBy())").build();
        }
        refuseCalendarIntervals("table");
        return frame.session().catalog().insertInto(tableName(name), frame, mode == SaveMode.OVERWRITE);
    }

    /** No file format holds Spark's calendar {@code interval} (Spark: UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE). */
    private void refuseCalendarIntervals(String formatName) {
        for (dev.sluice.types.StructField f : frame.schema().fields()) {
            if (dev.sluice.types.CalendarIntervalType.occursIn(f.dataType())) {
                throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.UNSUPPORTED_OPERATION)
                        .with("operation", "Writing the column `" + f.name() + "` of type " + f.dataType().sql() + " as " + formatName)
                        .with("reason", "no data source stores the calendar interval type; cast it to STRING first").build();
            }
        }
    }

    /** Spark's spark.sql.sources.default: parquet; json when the parquet module is not on the class path. */
    public static String defaultTableFormat() {
        try {
            FileFormats.lookup("parquet");
            return "parquet";
        } catch (dev.sluice.error.SluiceException e) {
            return "json";
        }
    }

    private static List<String> tableName(String name) { return dev.sluice.expr.UnresolvedColumn.parse(name).nameParts(); }
}
