package dev.sluice.io.json;

import dev.sluice.io.DataSource;
import dev.sluice.io.FileFormat;
import dev.sluice.io.FileSourceContext;
import dev.sluice.io.RecordFormat;
import dev.sluice.json.JsonOptions;
import dev.sluice.types.StructType;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** JSON in and out: JSON Lines (one object per line), or with {@code multiLine} one value per file. */
public final class JsonFileFormat implements FileFormat {
    @Override public String name() { return "json"; }

    @Override public StructType inferSchema(FileSourceContext context, List<String> paths) {
        int sample = Integer.parseInt(context.option("inferenceSampleSize", String.valueOf(context.inferenceSampleSize())));
        JsonOptions options = JsonOptions.of(context.options()).validateForReading();
        StructType inferred = options.multiLine()
                ? DeepInference.run(() -> MultiLineJsonSource.infer(context.storage(), paths, options, sample))
                : DeepInference.run(() -> JsonInference.infer(context.storage(), paths, options, sample));
        // what nests deeper than types may is read as STRING: the JSON text of the value, nothing lost
        return (StructType) dev.sluice.types.TypeDepth.capAsString(inferred, dev.sluice.types.TypeDepth.max());
    }

    @Override public DataSource source(FileSourceContext context, List<String> paths, StructType schema) {
        JsonOptions options = JsonOptions.of(context.options()).validateForReading();
        if (options.multiLine()) return new MultiLineJsonSource(context.storage(), paths, schema, options);
        return new JsonLinesSource(context.storage(), paths, schema, options, context.maxSplitBytes());
    }

    @Override public RecordFormat writer(Map<String, String> options) {
        return new JsonFormat(JsonOptions.of(options).validateForWriting());
    }

    @Override public Set<String> readOptions() { return JsonOptions.READ_KEYS; }

    @Override public Set<String> readOptionsWithoutEffect() { return JsonOptions.READ_KEYS_WITHOUT_EFFECT; }

    @Override public Set<String> writeOptions() { return JsonOptions.WRITE_KEYS; }
}
