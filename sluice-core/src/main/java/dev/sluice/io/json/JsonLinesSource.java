package dev.sluice.io.json;

import dev.sluice.expr.Expression;
import dev.sluice.io.BatchReader;
import dev.sluice.io.DataSource;
import dev.sluice.io.FileListing;
import dev.sluice.io.FileSplit;
import dev.sluice.io.FileSplitter;
import dev.sluice.io.LineBuffers;
import dev.sluice.io.LineReader;
import dev.sluice.io.ListingOptions;
import dev.sluice.io.Split;
import dev.sluice.io.Storage;
import dev.sluice.json.FromJsonColumn;
import dev.sluice.json.JsonBatchBuilder;
import dev.sluice.json.JsonOptions;
import dev.sluice.json.LearntKeys;
import dev.sluice.json.ParseMode;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.StructView;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON Lines files as a table: one JSON object per line. Files are listed and cut into byte ranges at action
 * time (never when the DataFrame is built); each range is read line by line and parsed for the columns the
 * query uses, skipping the others while parsing.
 * <p>Malformed lines follow the {@code mode} option. Under DROPMALFORMED and FAILFAST a line is judged against
 * the whole declared schema, whatever the query reads, so {@code count()} and {@code collect()} always agree
 * (Spark judges only the columns read, and its counts can disagree: a documented difference).
 */
public final class JsonLinesSource implements DataSource {
    private final Storage storage;
    private final List<String> paths;
    private final StructType schema;
    private final JsonOptions options;
    private final long maxSplitBytes;
    private final boolean recursive;
    /** from_json calls over top-level string columns that the readers evaluate while reading (see {@link #withFromJson}). */
    private final List<FromJsonColumn> fromJson;
    /** The keys the fast path learnt, shared by the readers of this table's splits (see {@link LearntKeys}). */
    private final LearntKeys learntKeys = new LearntKeys();
    /** The line buffers of this table's split readers, each handed on to the next split read ({@link LineBuffers}). */
    private final LineBuffers lineBuffers = new LineBuffers();

    public JsonLinesSource(Storage storage, List<String> paths, StructType schema, JsonOptions options, long maxSplitBytes) {
        this(storage, paths, schema, options, maxSplitBytes, List.of());
    }

    private JsonLinesSource(Storage storage, List<String> paths, StructType schema, JsonOptions options, long maxSplitBytes,
                            List<FromJsonColumn> fromJson) {
        this.fromJson = List.copyOf(fromJson);
        this.storage = storage;
        this.paths = List.copyOf(paths);
        this.schema = schema;
        this.options = options;
        this.maxSplitBytes = maxSplitBytes;
        this.recursive = Boolean.parseBoolean(options.get("recursiveFileLookup", "false"));
        options.mode();   // a bad mode fails when the DataFrame is built, not at the action
    }

    /**
     * The same table, read with {@code calls} evaluated while each line is read: the query planner's hint that the
     * query parses these string columns with from_json right after the scan. Results are unchanged (the column's
     * vector still reads as its text unless the planner found that nothing reads it, {@link FromJsonColumn#keepText};
     * rows not parsed ahead are parsed by from_json as before).
     */
    @Override public JsonLinesSource withFromJson(List<FromJsonColumn> calls) {
        return new JsonLinesSource(storage, paths, schema, options, maxSplitBytes, calls);
    }

    @Override public List<FromJsonColumn> fromJson() { return fromJson; }

    @Override public String formatName() { return "json"; }

    /** The last segment of each path: stable across machines (explain never shows absolute paths). */
    @Override public String description() {
        List<String> names = new ArrayList<>();
        for (String p : paths) {
            String trimmed = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
            names.add(trimmed.substring(trimmed.lastIndexOf('/') + 1));
        }
        return String.join(", ", names);
    }

    @Override public StructType schema() { return schema; }

    public List<String> paths() { return paths; }

    public JsonOptions options() { return options; }

    @Override public List<Split> splits() {
        return new ArrayList<>(new FileSplitter(maxSplitBytes).split(FileListing.resolve(storage, paths, ListingOptions.of(options.values()))));
    }

    @Override public BatchReader open(Split split, StructType projection, List<Expression> filters) {
        return new Reader((FileSplit) split, projection);
    }

    /** Parses one split's lines into batches of the projection. */
    private final class Reader implements BatchReader {
        private final LineReader lines;
        private final StructType projection;
        private final JsonBatchBuilder builder;
        private final boolean narrowAfterParsing;
        private final JsonLineRecords records;
        private final int batchSize = Batch.DEFAULT_SIZE;

        Reader(FileSplit split, StructType projection) {
            this.projection = projection;
            ParseMode mode = options.mode();
            boolean needsCorrupt = projection.indexOf(options.columnNameOfCorruptRecord()) >= 0;
            // Judge records against the whole schema when the mode or the corrupt column depends on it.
            this.narrowAfterParsing = (mode != ParseMode.PERMISSIVE || needsCorrupt) && !projection.equals(schema);
            this.builder = new JsonBatchBuilder(narrowAfterParsing ? schema : projection, options, fromJson, learntKeys);
            this.lines = LineReader.open(storage, split, lineBuffers);
            this.records = new JsonLineRecords(lines, builder);
        }

        @Override public Batch next() {
            records.fill(batchSize);
            if (builder.rowCount() == 0) return null;
            Batch parsed = builder.finish();
            return narrowAfterParsing ? narrow(parsed) : parsed;
        }

        private Batch narrow(Batch parsed) {
            ColumnVector[] out = new ColumnVector[projection.size()];
            for (int i = 0; i < out.length; i++) {
                ColumnVector full = parsed.column(schema.indexOf(projection.field(i).name()));
                out[i] = StructView.narrow(full, projection.field(i).dataType());
            }
            return new Batch(out, parsed.rowCount());
        }

        @Override public long bytesRead() { return lines.bytesRead(); }

        @Override public long droppedRecords() { return records.dropped(); }

        @Override public void close() { lines.close(); }
    }
}
