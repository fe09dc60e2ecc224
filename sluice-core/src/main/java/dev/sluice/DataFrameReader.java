package dev.sluice;

import dev.sluice.types.DdlParser;
import dev.sluice.types.StructType;

import java.util.LinkedHashMap;
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

    Sluice session() { return session; }

    StructType userSchema() { return schema; }

    Map<String, String> userOptions() { return options; }
}
