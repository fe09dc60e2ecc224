package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.DataSink;
import dev.sluice.io.FileSink;
import dev.sluice.io.FileSinkOptions;
import dev.sluice.io.RecordFormat;
import dev.sluice.io.SaveMode;
import dev.sluice.io.json.JsonFormat;
import dev.sluice.json.JsonOptions;

import java.util.LinkedHashMap;
import java.util.Locale;
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

    /** Writes JSON Lines files into the directory {@code path}; returns what was written. */
    public WriteResult json(String path) { return save(path, new JsonFormat(JsonOptions.of(options))); }

    /** Writes in the named format ({@code json}). */
    public WriteResult format(String format, String path) {
        if (!format.toLowerCase(Locale.ROOT).equals("json")) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "writing format " + format)
                    .with("reason", "this version writes json").build();
        }
        return json(path);
    }

    private WriteResult save(String path, RecordFormat format) {
        DataSink sink = new FileSink(frame.session().storage(), path, mode, format, FileSinkOptions.parse(options));
        return Writes.run(frame, sink);
    }
}
