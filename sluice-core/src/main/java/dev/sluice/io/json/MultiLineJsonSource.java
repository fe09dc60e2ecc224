package dev.sluice.io.json;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.io.BatchReader;
import dev.sluice.io.DataSource;
import dev.sluice.io.FileListing;
import dev.sluice.io.FileSplit;
import dev.sluice.io.FileStatus;
import dev.sluice.io.ListingOptions;
import dev.sluice.io.Split;
import dev.sluice.io.Storage;
import dev.sluice.io.StoragePaths;
import dev.sluice.json.JsonBatchBuilder;
import dev.sluice.json.JsonOptions;
import dev.sluice.json.JsonSchemaInference;
import dev.sluice.json.MalformedJsonException;
import dev.sluice.json.ParseMode;
import dev.sluice.json.RecordOutcome;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.StructView;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON files read with {@code multiLine=true}, as Spark reads them: each file is one JSON value, an object (one
 * row) or a top-level array of objects (one row per element), pretty-printed or not. A file is one split, read
 * whole into memory (at most {@link #MAX_FILE_BYTES} uncompressed) and handed to the JSON codec as one record,
 * so a file that does not parse, or an array with an element that is not an object, is one malformed record:
 * its whole text goes to {@code _corrupt_record} (PERMISSIVE), it is dropped (DROPMALFORMED) or the job fails
 * naming the file (FAILFAST). Rows come out in batches of the usual size.
 */
public final class MultiLineJsonSource implements DataSource {
    /** The largest file (after decompression) read whole: a Java array's limit. */
    public static final long MAX_FILE_BYTES = dev.sluice.io.WholeFile.MAX_BYTES;

    private final Storage storage;
    private final List<String> paths;
    private final StructType schema;
    private final JsonOptions options;

    public MultiLineJsonSource(Storage storage, List<String> paths, StructType schema, JsonOptions options) {
        this.storage = storage;
        this.paths = List.copyOf(paths);
        this.schema = schema;
        this.options = options;
        options.mode();   // a bad mode fails when the DataFrame is built
    }

    /** Infers the schema from the first {@code sampleFiles} files' values (0 = every file). */
    public static StructType infer(Storage storage, List<String> paths, JsonOptions options, int sampleRecords) {
        JsonSchemaInference inference = new JsonSchemaInference(options);
        long seen = 0;
        for (FileStatus file : FileListing.resolve(storage, paths, ListingOptions.of(options.values()))) {
            dev.sluice.io.WholeFile.Content content;
            try (dev.sluice.io.BufferBudget.Charge charge = dev.sluice.io.BufferBudgetScope.current().open("multiLine JSON " + file.path())) {
                content = readWhole(storage, file.path(), charge);
            }
            inference.add(content.bytes(), 0, content.length());
            if (sampleRecords > 0 && ++seen >= sampleRecords) break;
        }
        return inference.result();
    }

    @Override public String formatName() { return "json"; }

    @Override public String description() {
        List<String> names = new ArrayList<>();
        for (String p : paths) names.add(StoragePaths.name(p));
        return String.join(", ", names) + " multiLine";
    }

    @Override public StructType schema() { return schema; }

    @Override public List<Split> splits() {
        List<Split> out = new ArrayList<>();
        for (FileStatus f : FileListing.resolve(storage, paths, ListingOptions.of(options.values()))) out.add(FileSplit.whole(f));
        return out;
    }

    @Override public BatchReader open(Split split, StructType projection, List<Expression> filters) {
        return new Reader((FileSplit) split, projection);
    }

    /** Reads a multiLine file whole, its buffer charged to {@code charge}. */
    static dev.sluice.io.WholeFile.Content readWhole(Storage storage, String path, dev.sluice.io.BufferBudget.Charge charge) {
        return dev.sluice.io.WholeFile.read(storage, path, charge, "The multiLine JSON file " + path,
                "Write it as JSON Lines (one record per line) and read it without multiLine.");
    }

    private final class Reader implements BatchReader {
        private final FileSplit split;
        private final StructType projection;
        private final boolean narrowAfterParsing;
        private final JsonBatchBuilder builder;
        private Batch rows;
        private int next;
        private long bytes;
        private long dropped;
        private dev.sluice.io.BufferBudget.Charge charge;   // the file's bytes and its parsed rows, until closed

        Reader(FileSplit split, StructType projection) {
            this.split = split;
            this.projection = projection;
            boolean needsCorrupt = projection.indexOf(options.columnNameOfCorruptRecord()) >= 0;
            this.narrowAfterParsing = (options.mode() != ParseMode.PERMISSIVE || needsCorrupt) && !projection.equals(schema);
            this.builder = new JsonBatchBuilder(narrowAfterParsing ? schema : projection, options);
        }

        @Override public Batch next() {
            if (rows == null) {
                // the file and then its parsed rows (about as large) are held until the reader closes: charged
                if (charge == null) charge = dev.sluice.io.BufferBudgetScope.current().open("multiLine JSON " + split.path());
                dev.sluice.io.WholeFile.Content content = readWhole(storage, split.path(), charge);
                bytes = split.length();
                RecordOutcome outcome;
                try {
                    outcome = builder.append(content.bytes(), 0, content.length());
                } catch (MalformedJsonException e) {
                    throw SluiceException.of(ErrorCode.MALFORMED_RECORD).with("location", split.path())
                            .with("reason", e.reason()).build();
                }
                if (outcome == RecordOutcome.DROPPED) dropped++;
                Batch parsed = builder.finish();
                rows = narrowAfterParsing ? narrow(parsed) : parsed;
                dev.sluice.io.WholeFile.charge(charge, dev.sluice.vector.BatchSizes.estimate(rows), "The multiLine JSON file "
                        + split.path() + " (its parsed rows)", "Write it as JSON Lines (one record per line) and read it without multiLine.");
            }
            if (next >= rows.rowCount()) return null;
            int to = Math.min(rows.rowCount(), next + Batch.DEFAULT_SIZE);
            Batch out = next == 0 && to == rows.rowCount() ? rows : rows.slice(next, to - next);
            next = to;
            return out;
        }

        private Batch narrow(Batch parsed) {
            ColumnVector[] out = new ColumnVector[projection.size()];
            for (int i = 0; i < out.length; i++) {
                ColumnVector full = parsed.column(schema.indexOf(projection.field(i).name()));
                out[i] = StructView.narrow(full, projection.field(i).dataType());
            }
            return new Batch(out, parsed.rowCount());
        }

        @Override public long bytesRead() { return bytes; }

        @Override public long droppedRecords() { return dropped; }

        @Override public void close() {
            rows = null;
            if (charge != null) charge.close();
            charge = null;
        }
    }
}
