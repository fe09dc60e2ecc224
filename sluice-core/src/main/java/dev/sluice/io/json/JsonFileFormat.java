package dev.sluice.io.json;

import dev.sluice.io.DataSource;
import dev.sluice.io.FileFormat;
import dev.sluice.io.FileSourceContext;
import dev.sluice.io.RecordFormat;
import dev.sluice.json.JsonOptions;
import dev.sluice.types.StructType;

import java.util.List;
import java.util.Map;

/** JSON Lines: one JSON object per line, in and out. */
public final class JsonFileFormat implements FileFormat {
    @Override public String name() { return "json"; }

    @Override public StructType inferSchema(FileSourceContext context, List<String> paths) {
        int sample = Integer.parseInt(context.option("inferenceSampleSize", String.valueOf(context.inferenceSampleSize())));
        return JsonInference.infer(context.storage(), paths, JsonOptions.of(context.options()), sample);
    }

    @Override public DataSource source(FileSourceContext context, List<String> paths, StructType schema) {
        return new JsonLinesSource(context.storage(), paths, schema, JsonOptions.of(context.options()), context.maxSplitBytes());
    }

    @Override public RecordFormat writer(Map<String, String> options) { return new JsonFormat(JsonOptions.of(options)); }
}
