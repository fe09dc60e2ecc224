package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.json.JsonInference;
import dev.sluice.io.json.JsonLinesSource;
import dev.sluice.json.JsonOptions;
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

    DataFrameReader(Sluice session) { this.session = session; }

    public DataFrameReader schema(StructType schema) {
        this.schema = schema;
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

    /**
     * JSON Lines files, directories or globs. Without a schema, the schema is inferred from the first
     * {@code inferenceSampleSize} records (option, or the session's setting; 0 reads everything): the one
     * place where building a DataFrame reads data.
     */
    public DataFrame json(String... paths) {
        if (paths.length == 0) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "json").with("reason", "give at least one path").build();
        }
        JsonOptions json = JsonOptions.of(options);
        StructType s = schema;
        if (s == null) {
            int sample = Integer.parseInt(options.getOrDefault("inferenceSampleSize", String.valueOf(session.conf().inferenceSampleSize())));
            s = JsonInference.infer(session.storage(), List.of(paths), json, sample);
        }
        JsonLinesSource source = new JsonLinesSource(session.storage(), List.of(paths), s, json, session.conf().maxSplitBytes());
        return new DataFrame(session, Scan.of(source));
    }

    /** Reads in the named format ({@code json}). */
    public DataFrame format(String format, String... paths) {
        if (!format.toLowerCase(java.util.Locale.ROOT).equals("json")) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "reading format " + format)
                    .with("reason", "this version reads json").build();
        }
        return json(paths);
    }
}
