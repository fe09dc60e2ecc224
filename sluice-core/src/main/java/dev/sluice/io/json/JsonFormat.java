package dev.sluice.io.json;

import dev.sluice.io.RecordEncoder;
import dev.sluice.io.RecordFormat;
import dev.sluice.json.JsonOptions;
import dev.sluice.json.JsonRecordWriter;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** JSON Lines output: one object per row, written as Spark writes JSON (null fields omitted by default). */
public final class JsonFormat implements RecordFormat {
    private final JsonOptions options;

    public JsonFormat(JsonOptions options) { this.options = options; }

    @Override public String extension() { return "json"; }

    @Override public RecordEncoder open(OutputStream out, StructType schema) {
        JsonRecordWriter writer;
        try {
            writer = new JsonRecordWriter(out, schema, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RecordEncoder() {
            @Override public void write(Batch batch) {
                try {
                    writer.writeAll(batch);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override public void close() {
                try {
                    writer.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
