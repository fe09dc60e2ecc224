package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.FileFormat;
import dev.sluice.io.FileFormats;
import dev.sluice.io.FileSourceContext;
import dev.sluice.io.OptionCheck;
import dev.sluice.io.PartitionedSource;
import dev.sluice.plan.Scan;
import dev.sluice.types.DdlParser;
import dev.sluice.types.StructType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads files into a DataFrame: {@code sluice.read().schema(ddl).option("mode", "FAILFAST").json(paths)}. */
public final class DataFrameReader {
    private final Sluice session;
    private StructType schema;
    private final Map<String, String> options = new LinkedHashMap<>();
    private String format = "json";

    DataFrameReader(Sluice session) { this.session = session; }

    public DataFrameReader schema(StructType schema) {
        this.schema = dev.sluice.types.TypeDepth.check(schema, "The schema given to the reader");
        return this;
    }

    /** A schema as a DDL string, in either Spark form ({@code a INT, b STRING} or {@code struct<a:int>}). */
    public DataFrameReader schema(String ddl) { return schema(DdlParser.parseSchema(ddl)); }

    public DataFrameReader option(String key, String value) {
        options.put(key, value);
        return this;
    }

    public DataFrameReader option(String key, boolean value) { return option(key, String.valueOf(value)); }

    public DataFrameReader option(String key, long value) { return option(key, String.valueOf(value)); }

    public DataFrameReader options(Map<String, String> more) {
        options.putAll(more);
        return this;
    }

    /** The format {@link #load} reads: json (default), csv, text, xml, parquet (with sluice-parquet). */
    public DataFrameReader format(String name) {
        this.format = name;
        return this;
    }

    /**
     * Files, directories or globs in the chosen format. Without a schema, the format infers one (JSON and CSV
     * from the first {@code inferenceSampleSize} records, an option or the session's setting, 0 = all; Parquet
     * from the footer): the one place where building a DataFrame reads data.
     */
    public DataFrame load(String... paths) {
        if (paths.length == 0) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "load").with("reason", "give at least one path").build();
        }
        FileFormat fileFormat = FileFormats.lookup(format);
        OptionCheck.read(fileFormat, options);   // a misspelt option or a bad value fails here, not at the action
        FileSourceContext context = new FileSourceContext(session.storage(), options, session.conf().maxSplitBytes(),
                session.conf().inferenceSampleSize());
        PartitionedSource source = schema != null
                ? new PartitionedSource(fileFormat, context, List.of(paths), schema)
                : PartitionedSource.inferred(fileFormat, context, List.of(paths));
        return new DataFrame(session, Scan.of(source));
    }

    /** JSON Lines files: {@code format("json").load(paths)}. */
    public DataFrame json(String... paths) { return format("json").load(paths); }

    /** CSV files: {@code format("csv").load(paths)}. */
    public DataFrame csv(String... paths) { return format("csv").load(paths); }

    /** Text files, one {@code value} row per line: {@code format("text").load(paths)}. */
    public DataFrame text(String... paths) { return format("text").load(paths); }

    /** XML files, one row per {@code rowTag} element (a required option): {@code format("xml").load(paths)}. */
    public DataFrame xml(String... paths) { return format("xml").load(paths); }

    /** ORC files (needs the sluice-orc module): {@code format("orc").load(paths)}. */
    public DataFrame orc(String... paths) { return format("orc").load(paths); }

    /** Parquet files (needs the sluice-parquet module): {@code format("parquet").load(paths)}. */
    public DataFrame parquet(String... paths) { return format("parquet").load(paths); }
}
