package dev.sluice.io.text;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.io.BatchReader;
import dev.sluice.io.DataSource;
import dev.sluice.io.FileListing;
import dev.sluice.io.FileSplit;
import dev.sluice.io.FileSplitter;
import dev.sluice.io.FileStatus;
import dev.sluice.io.ListingOptions;
import dev.sluice.io.LineReader;
import dev.sluice.io.Split;
import dev.sluice.io.Storage;
import dev.sluice.io.StoragePaths;
import dev.sluice.types.DataTypes;
import dev.sluice.types.StringType;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Text files as a table of one STRING column ({@code value} unless the user names it): one row per line,
 * empty lines included, split into byte ranges at newlines ({@code \n}, with a {@code \r} before it dropped).
 * With {@code lineSep} the given separator alone ends lines (files are then read whole); with
 * {@code wholetext} each file is one row. Lines are UTF-8 bytes, stored as they are.
 */
public final class TextSource implements DataSource {
    private final Storage storage;
    private final List<String> paths;
    private final StructType schema;
    private final long maxSplitBytes;
    private final ListingOptions listing;
    private final boolean wholeText;
    private final String lineSep;

    public TextSource(Storage storage, List<String> paths, StructType schema, Map<String, String> options, long maxSplitBytes) {
        if (schema.size() != 1 || !(schema.field(0).dataType() instanceof StringType)) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION)
                    .with("operation", "The text format with the schema " + schema.simpleString())
                    .with("reason", "text files have exactly one STRING column; read them as text, then parse the value")
                    .build();
        }
        this.storage = storage;
        this.paths = List.copyOf(paths);
        this.schema = schema;
        this.maxSplitBytes = maxSplitBytes;
        this.listing = ListingOptions.of(options);
        this.wholeText = flag(options, "wholetext");
        String sep = option(options, "lineSep");
        if (sep != null && sep.isEmpty()) {
            throw SluiceException.of(ErrorCode.INVALID_OPTION).with("option", "lineSep").with("value", "''")
                    .with("reason", "the line separator cannot be empty").build();
        }
        this.lineSep = sep == null || sep.equals("\n") || sep.equals("\r\n") ? null : sep;
    }

    /** The schema of text files: {@code value STRING}. */
    public static StructType defaultSchema() { return new StructType(List.of(dev.sluice.types.StructField.of("value", DataTypes.STRING))); }

    static String option(Map<String, String> options, String key) {
        for (Map.Entry<String, String> e : options.entrySet()) if (e.getKey().equalsIgnoreCase(key)) return e.getValue();
        return null;
    }

    static boolean flag(Map<String, String> options, String key) {
        String v = option(options, key);
        if (v == null || v.equalsIgnoreCase("false")) return false;
        if (v.equalsIgnoreCase("true")) return true;
        throw SluiceException.of(ErrorCode.INVALID_OPTION).with("option", key).with("value", "'" + v + "'")
                .with("reason", "use true or false").build();
    }

    @Override public String formatName() { return "text"; }

    @Override public String description() {
        List<String> names = new ArrayList<>();
        for (String p : paths) names.add(StoragePaths.name(p));
        return String.join(", ", names);
    }

    @Override public StructType schema() { return schema; }

    @Override public List<Split> splits() {
        List<FileStatus> files = FileListing.resolve(storage, paths, listing);
        if (!wholeText && lineSep == null) return new ArrayList<>(new FileSplitter(maxSplitBytes).split(files));
        List<Split> splits = new ArrayList<>();
        for (FileStatus f : files) splits.add(FileSplit.whole(f));
        return splits;
    }

    @Override public BatchReader open(Split split, StructType projection, List<Expression> filters) {
        FileSplit fs = (FileSplit) split;
        if (wholeText) return new WholeFileReader(fs, projection.size() > 0);
        if (lineSep != null) return new SeparatedReader(fs, projection.size() > 0);
        return new LinesReader(fs, projection.size() > 0);
    }

    private static Batch batch(BytesVector values, int rows, boolean withColumn) {
        return withColumn ? new Batch(new ColumnVector[] {values}, rows) : Batch.ofRowCount(rows);
    }

    private final class LinesReader implements BatchReader {
        private final LineReader lines;
        private final boolean withColumn;

        LinesReader(FileSplit split, boolean withColumn) {
            this.lines = LineReader.open(storage, split);
            this.withColumn = withColumn;
        }

        @Override public Batch next() {
            BytesVector values = new BytesVector(DataTypes.STRING, Batch.DEFAULT_SIZE);
            int rows = 0;
            while (rows < Batch.DEFAULT_SIZE && lines.next()) {
                if (withColumn) values.append(lines.buffer(), lines.offset(), lines.length());
                rows++;
            }
            return rows == 0 ? null : batch(values, rows, withColumn);
        }

        @Override public long bytesRead() { return lines.bytesRead(); }

        @Override public void close() { lines.close(); }
    }

    private final class SeparatedReader implements BatchReader {
        private final TextLines lines;
        private final boolean withColumn;

        SeparatedReader(FileSplit split, boolean withColumn) {
            this.lines = TextLines.ofFile(storage, split.path(), StandardCharsets.UTF_8, lineSep);
            this.withColumn = withColumn;
        }

        @Override public Batch next() {
            BytesVector values = new BytesVector(DataTypes.STRING, Batch.DEFAULT_SIZE);
            int rows = 0;
            while (rows < Batch.DEFAULT_SIZE && lines.next()) {
                if (withColumn) values.append(lines.line());
                rows++;
            }
            return rows == 0 ? null : batch(values, rows, withColumn);
        }

        @Override public long bytesRead() { return lines.bytesRead(); }

        @Override public void close() { lines.close(); }
    }

    private final class WholeFileReader implements BatchReader {
        private final FileSplit split;
        private final boolean withColumn;
        private boolean done;
        private long bytes;
        private dev.sluice.io.BufferBudget.Charge charge;   // the file's bytes and the value's copy, until closed

        WholeFileReader(FileSplit split, boolean withColumn) {
            this.split = split;
            this.withColumn = withColumn;
        }

        @Override public Batch next() {
            if (done) return null;
            done = true;
            BytesVector values = new BytesVector(DataTypes.STRING, 1);
            if (withColumn) {
                // the file is one value: its buffer and the value's copy are charged until the reader closes
                charge = dev.sluice.io.BufferBudgetScope.current().open("wholetext " + split.path());
                String what = "The wholetext file " + split.path();
                String remedy = "Read it without wholetext (a row per line).";
                dev.sluice.io.WholeFile.Content content = dev.sluice.io.WholeFile.read(storage, split.path(), charge, what, remedy);
                dev.sluice.io.WholeFile.charge(charge, content.length(), what, remedy);
                values.append(content.bytes(), 0, content.length());
            }
            bytes = split.length();
            return batch(values, 1, withColumn);
        }

        @Override public long bytesRead() { return bytes; }

        @Override public void close() {
            done = true;
            if (charge != null) charge.close();
            charge = null;
        }
    }

    @Override public String toString() { return "text " + description() + (wholeText ? " wholetext" : "") + (lineSep != null ? " lineSep=" + lineSep.toLowerCase(Locale.ROOT) : ""); }
}
