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
    private final Map<String, String> options = new LinkedHashMap<>();
    private String format = "json";
    private boolean formatChosen;
    private List<String> partitionBy = List.of();

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
        // an unknown format or option fails here, before anything runs
        OptionCheck.write(FileFormats.lookup(format), options);
        refuseCalendarIntervals(format);
        WriteResult result = frame.session().engine().write(frame.outputPlan(), new WriteRequest(path, format, mode, options, partitionBy));
        frame.completeObservations();
        return result;
    }

    /** Writes one directory per value of these columns ({@code year=2026/month=11/}), Hive style. */
    public DataFrameWriter partitionBy(String... columns) {
        this.partitionBy = List.of(columns);
        return this;
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
        if (!partitionBy.isEmpty()) {
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.UNSUPPORTED_OPERATION).with("operation", "saveAsTable with partitionBy")
                    .with("reason", "Sluice's managed tables are not partitioned; write partitioned files with save(path)").build();
        }
        String chosen = formatChosen ? format : defaultTableFormat();
        OptionCheck.write(FileFormats.lookup(chosen), options);
        refuseCalendarIntervals(chosen);
        return frame.session().catalog().saveAsTable(tableName(name), frame, chosen, options, mode);
    }

    /** Appends (or with mode overwrite, replaces) the rows of the existing managed table {@code name}, columns by position. */
    public WriteResult insertInto(String name) {
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
    static String defaultTableFormat() {
        try {
            FileFormats.lookup("parquet");
            return "parquet";
        } catch (dev.sluice.error.SluiceException e) {
            return "json";
        }
    }

    private static List<String> tableName(String name) { return dev.sluice.expr.UnresolvedColumn.parse(name).nameParts(); }
}
