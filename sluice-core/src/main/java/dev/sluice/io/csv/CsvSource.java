package dev.sluice.io.csv;

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
import dev.sluice.io.Split;
import dev.sluice.io.Storage;
import dev.sluice.io.StoragePaths;
import dev.sluice.io.text.TextLines;
import dev.sluice.json.ParseMode;
import dev.sluice.types.StringType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV files as a table. Fields map to the schema's columns by position (the header, if any, only names them
 * at inference). Files are cut into byte ranges at newlines, unless a record may span lines ({@code multiLine}),
 * the character set is not newline-compatible (UTF-16, UTF-32) or the line separator is custom: then each file
 * is one split. Only the split at offset 0 of a file skips its header line. UTF-8 splits cut at newlines are read
 * over their bytes ({@link CsvByteReader}); the rest by the String reader here, with the same results.
 *
 * <p>Malformed records (a field that is not a value of its column's type, or a field count other than the
 * schema's) follow the {@code mode} option: PERMISSIVE keeps the row with NULL for bad fields and the record's
 * text in the corrupt-record column if the schema has one; DROPMALFORMED drops it (counted); FAILFAST fails naming
 * file and line. Where Spark judges only the columns a query reads (so {@code count()} under DROPMALFORMED counts
 * malformed rows), Sluice judges every column whenever the mode or the corrupt-record column depends on it, so
 * counts and rows agree. As in Spark, PERMISSIVE without a corrupt-record column pads a short record with NULLs
 * and ignores extra fields (there is nowhere to report them).
 */
public final class CsvSource implements DataSource {
    private final Storage storage;
    private final List<String> paths;
    private final StructType schema;
    private final CsvOptions options;
    private final long maxSplitBytes;
    private final boolean wholeFiles;
    private final int corruptIndex;            // in schema, or -1
    private final List<StructField> dataColumns = new ArrayList<>();   // schema minus the corrupt-record column, in order

    public CsvSource(Storage storage, List<String> paths, StructType schema, CsvOptions options, long maxSplitBytes) {
        this.storage = storage;
        this.paths = List.copyOf(paths);
        this.schema = schema;
        this.options = options;
        this.maxSplitBytes = maxSplitBytes;
        String lineSep = options.lineSep();
        this.wholeFiles = options.multiLine() || !TextLines.newlineIsOneByte(options.charset())
                || (lineSep != null && !lineSep.equals("\n") && !lineSep.equals("\r\n"));
        int corrupt = schema.indexOf(options.columnNameOfCorruptRecord());
        if (corrupt >= 0 && !(schema.field(corrupt).dataType() instanceof StringType)) {
            throw CsvOptions.invalid("columnNameOfCorruptRecord", options.columnNameOfCorruptRecord(),
                    "the corrupt-record column must be a nullable STRING, not " + schema.field(corrupt).dataType().sql());
        }
        this.corruptIndex = corrupt;
        for (int i = 0; i < schema.size(); i++) {
            StructField f = schema.field(i);
            if (i == corrupt) continue;
            if (!CsvValues.supports(f.dataType())) throw unsupportedType("CSV", f);
            dataColumns.add(f);
        }
        new CsvValues(options);   // bad date/time patterns fail now, not at the action
    }

    static SluiceException unsupportedType(String format, StructField f) {
        return SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION)
                .with("operation", "The " + format + " format with the column `" + f.name() + "` of type " + f.dataType().sql())
                .with("reason", "CSV holds only atomic values, and no TIME (as Spark 4.1); convert the column with to_json or CAST to STRING first")
                .build();
    }

    @Override public String formatName() { return "csv"; }

    @Override public String description() {
        List<String> names = new ArrayList<>();
        for (String p : paths) names.add(StoragePaths.name(p));
        return String.join(", ", names);
    }

    @Override public StructType schema() { return schema; }

    public CsvOptions options() { return options; }

    @Override public List<Split> splits() {
        List<FileStatus> files = FileListing.resolve(storage, paths, ListingOptions.of(options.values()));
        List<Split> splits = new ArrayList<>();
        if (wholeFiles) {
            for (FileStatus f : files) splits.add(FileSplit.whole(f));
        } else {
            splits.addAll(new FileSplitter(maxSplitBytes).split(files));
        }
        return splits;
    }

    @Override public BatchReader open(Split split, StructType projection, List<Expression> filters) {
        if (CsvByteReader.applies(options, wholeFiles)) {
            return new CsvByteReader(storage, (FileSplit) split, options, plan(projection), projection);
        }
        return new Reader((FileSplit) split, projection);
    }

    /** The String reader whatever the options (the byte reader's tests compare the two). */
    BatchReader openStringReader(Split split, StructType projection) { return new Reader((FileSplit) split, projection); }

    private CsvReadPlan plan(StructType projection) {
        String corruptName = corruptIndex >= 0 ? schema.field(corruptIndex).name() : null;
        return new CsvReadPlan(dataColumns, corruptName, projection, options.mode());
    }

    /** Opens the lines of a split the way this source cuts files (also used by inference, on whole files). */
    static TextLines openLines(Storage storage, FileSplit split, CsvOptions options, boolean wholeFile) {
        if (wholeFile) return TextLines.ofFile(storage, split.path(), options.charset(), options.lineSep());
        return TextLines.ofSplit(storage, split, options.charset());
    }

    private final class Reader implements BatchReader {
        private final CsvRecords records;
        private final CsvValues values = new CsvValues(options);
        private final ParseMode mode = options.mode();
        private final String nullValue = options.nullValue();
        private final CsvReadPlan plan;
        private final Object[] row;
        private final StructType projection;
        private long dropped;

        Reader(FileSplit split, StructType projection) {
            this.projection = projection;
            this.plan = plan(projection);
            row = new Object[dataColumns.size()];
            boolean fileStart = split.start() == 0;
            boolean checkHeader = options.header() && fileStart && !options.enforceSchema();
            records = new CsvRecords(openLines(storage, split, options, wholeFiles), options, options.header() && fileStart && !checkHeader);
            if (checkHeader) {
                try {
                    plan.checkHeader(records.header(), split.path());
                } catch (RuntimeException e) {
                    records.close();
                    throw e;
                }
            }
        }

        @Override public Batch next() {
            FlatVector[] out = new FlatVector[projection.size()];
            for (int i = 0; i < out.length; i++) out[i] = Vectors.allocate(projection.field(i).dataType(), Batch.DEFAULT_SIZE);
            int rows = 0;
            while (rows < Batch.DEFAULT_SIZE && records.next(plan.needed)) {
                CsvTokenizer tokens = records.tokens();
                int count = tokens.count();
                String problem = plan.countProblem(count);
                for (int j : plan.converted) {
                    String text = j < count ? tokens.field(j) : null;
                    Object v = null;
                    if (text != null && !text.equals(nullValue)) {
                        v = values.parse(text, dataColumns.get(j).dataType());
                        if (v == CsvValues.INVALID) {
                            v = null;
                            if (problem == null) problem = plan.invalidProblem(text, j);
                        }
                    }
                    row[j] = v;
                }
                if (problem != null) {
                    if (mode == ParseMode.FAILFAST) {
                        throw CsvReadPlan.malformed(records.location(), problem);
                    }
                    if (mode == ParseMode.DROPMALFORMED) {
                        dropped++;
                        continue;
                    }
                }
                for (int i = 0; i < out.length; i++) {
                    int s = plan.outputSource[i];
                    out[i].appendObject(s < 0 ? (problem != null ? records.record() : null) : row[s]);
                }
                rows++;
            }
            if (rows == 0) return null;
            return out.length == 0 ? Batch.ofRowCount(rows) : new Batch((ColumnVector[]) out, rows);
        }

        @Override public long bytesRead() { return records.bytesRead(); }

        @Override public long droppedRecords() { return dropped; }

        @Override public void close() { records.close(); }
    }
}
