package dev.sluice.io;

import dev.sluice.types.StructType;

import java.util.List;
import java.util.Map;

/**
 * A file format Sluice reads and writes ({@code json}, {@code csv}, {@code text}, {@code parquet}), found by
 * name through {@link FileFormats}: the built-in ones, plus any module on the classpath that declares one in
 * {@code META-INF/services/dev.sluice.io.FileFormat} (sluice-parquet does).
 */
public interface FileFormat {
    /** The name users give to {@code format(...)}: lower case. */
    String name();

    /**
     * The schema of the files when the user gave none (inferred from a sample, or read from footers). Called
     * when the DataFrame is built: the one documented exception to laziness, bounded by the sample size.
     */
    StructType inferSchema(FileSourceContext context, List<String> paths);

    /** A source over the files for a known schema. Must not touch storage: listing happens in {@code splits()}. */
    DataSource source(FileSourceContext context, List<String> paths, StructType schema);

    /** How rows of a schema become the bytes of one output file, with the writer's options. */
    RecordFormat writer(Map<String, String> options);

    /** The options this format understands (keys in lower case), for a clear error on a misspelt one. */
    default java.util.Set<String> readOptions() { return java.util.Set.of(); }

    /** Whether the schema comes from the files (false for text, whose schema is fixed): then no files is UNABLE_TO_INFER_SCHEMA. */
    default boolean infersSchemaFromData() { return true; }

    /**
     * Spark option names this format accepts without any effect in Sluice (lower case), listed in the docs:
     * they are not refused, so Spark jobs run unchanged, but they change nothing.
     */
    default java.util.Set<String> readOptionsWithoutEffect() { return java.util.Set.of(); }

    /**
     * The write options this format understands besides compression, codec and maxRecordsPerFile (lower case);
     * null when the format checks its own options.
     */
    default java.util.Set<String> writeOptions() { return null; }
}
