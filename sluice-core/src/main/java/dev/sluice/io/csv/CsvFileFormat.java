package dev.sluice.io.csv;

import dev.sluice.io.DataSource;
import dev.sluice.io.FileFormat;
import dev.sluice.io.FileSourceContext;
import dev.sluice.io.RecordFormat;
import dev.sluice.types.StructType;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** CSV files in and out, with Spark's options (see {@link CsvOptions}, {@link CsvSource}, {@link CsvFormat}). */
public final class CsvFileFormat implements FileFormat {
    @Override public String name() { return "csv"; }

    @Override public StructType inferSchema(FileSourceContext context, List<String> paths) {
        int sample = Integer.parseInt(context.option("inferenceSampleSize", String.valueOf(context.inferenceSampleSize())));
        return CsvInference.infer(context.storage(), paths, CsvOptions.forReading(context.options()), sample);
    }

    @Override public DataSource source(FileSourceContext context, List<String> paths, StructType schema) {
        return new CsvSource(context.storage(), paths, schema, CsvOptions.forReading(context.options()), context.maxSplitBytes());
    }

    @Override public RecordFormat writer(Map<String, String> options) { return new CsvFormat(CsvOptions.forWriting(options)); }

    @Override public Set<String> readOptions() { return CsvOptions.READ_KEYS; }

    @Override public Set<String> readOptionsWithoutEffect() { return CsvOptions.READ_KEYS_WITHOUT_EFFECT; }

    @Override public Set<String> writeOptions() { return CsvOptions.WRITE_KEYS; }
}
