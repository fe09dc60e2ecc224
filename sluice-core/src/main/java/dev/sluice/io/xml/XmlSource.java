package dev.sluice.io.xml;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.io.BatchReader;
import dev.sluice.io.DataSource;
import dev.sluice.io.FileListing;
import dev.sluice.io.FileSplit;
import dev.sluice.io.FileSplitter;
import dev.sluice.io.ListingOptions;
import dev.sluice.io.Split;
import dev.sluice.io.Storage;
import dev.sluice.io.StoragePaths;
import dev.sluice.json.ParseMode;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.MapType;
import dev.sluice.types.Row;
import dev.sluice.types.StringType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.StructView;
import dev.sluice.vector.Vectors;
import dev.sluice.xml.XmlOptions;
import dev.sluice.xml.XmlRecordParser;
import dev.sluice.xml.XmlValues;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * XML files as a table: each uncompressed file is cut into byte ranges of {@code maxSplitBytes} at fixed offsets (a
 * compressed file is one split), read record by record, streaming: one batch of rows and one record's text in memory.
 * A range reads, as Spark's {@code XmlInputFormat}, from the first {@code <rowTag} at or after its start to the end
 * of the last record starting before its end (past the end if it has to). Caveats shared with Spark: a range that
 * starts inside a comment, a CDATA section or a record holding nested {@code rowTag} elements may take text there
 * for a record start; lines are counted only in a file's first range (others give byte offsets).
 * <p>Every record is converted against the whole schema and then narrowed to the columns read, so the mode judges
 * the same records whatever the query reads (as the JSON reader): PERMISSIVE keeps a malformed record as a row
 * of NULLs (as Spark's XML reader: no partial values) with its text in the corrupt-record column (when the schema
 * has it), DROPMALFORMED drops and counts it, FAILFAST fails naming the file, line and byte offset. Unlike Spark,
 * which stops reading a file at its first record that is not well-formed XML, the records after it are read.
 */
public final class XmlSource implements DataSource {
    private final Storage storage;
    private final List<String> paths;
    private final StructType schema;
    private final XmlOptions options;
    private final Charset charset;
    private final long maxSplitBytes;

    public XmlSource(Storage storage, List<String> paths, StructType schema, XmlOptions options, long maxSplitBytes) {
        this.storage = storage;
        this.paths = List.copyOf(paths);
        this.schema = schema;
        this.options = options.validateForReading();
        this.charset = options.readCharset();
        this.maxSplitBytes = maxSplitBytes;
        for (StructField f : schema.fields()) checkType(f.name(), f.dataType());
        int corrupt = schema.indexOf(options.columnNameOfCorruptRecord());
        if (corrupt >= 0 && !(schema.field(corrupt).dataType() instanceof StringType)) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "read.xml")
                    .with("reason", "the corrupt-record column " + options.columnNameOfCorruptRecord() + " must be a string").build();
        }
    }

    private static void checkType(String name, DataType t) {
        if (t instanceof StructType st) {
            for (StructField f : st.fields()) checkType(name + "." + f.name(), f.dataType());
        } else if (t instanceof ArrayType at) {
            checkType(name, at.elementType());
        } else if (t instanceof MapType mt && mt.keyType() instanceof StringType) {
            checkType(name, mt.valueType());
        } else if (!XmlValues.isLeaf(t)) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "Reading the column " + name + " as " + t.simpleString() + " from XML")
                    .with("reason", "the XML reader reads strings, numbers, booleans, decimals, dates, timestamps, binary, structs, arrays and maps with string keys")
                    .build();
        }
    }

    @Override public String formatName() { return "xml"; }

    @Override public String description() {
        List<String> names = new ArrayList<>();
        for (String p : paths) names.add(StoragePaths.name(p));
        return String.join(", ", names);
    }

    @Override public StructType schema() { return schema; }

    @Override public List<Split> splits() {
        return new ArrayList<>(new FileSplitter(maxSplitBytes).split(FileListing.resolve(storage, paths, ListingOptions.of(options.values()))));
    }

    @Override public BatchReader open(Split split, StructType projection, List<Expression> filters) {
        return new Reader((FileSplit) split, projection);
    }

    private final class Reader implements BatchReader {
        private final StructType projection;
        private final XmlRecords records;
        private final XmlRecordParser parser = new XmlRecordParser(schema, options);
        private final ParseMode mode = options.mode();
        private final int corrupt = schema.indexOf(options.columnNameOfCorruptRecord());
        private final int[] sourceIndex;
        private long dropped;

        Reader(FileSplit split, StructType projection) {
            this.projection = projection;
            this.sourceIndex = new int[projection.size()];
            for (int i = 0; i < sourceIndex.length; i++) sourceIndex[i] = schema.indexOf(projection.field(i).name());
            // a whole file reads to its end: a compressed file's offsets count decompressed bytes, past its size
            long end = split.end() == split.fileSize() ? Long.MAX_VALUE : split.end();
            this.records = new XmlRecords(storage, split.path(), options.rowTag(), charset, split.start(), end);
        }

        @Override public Batch next() {
            FlatVector[] columns = new FlatVector[projection.size()];
            for (int i = 0; i < columns.length; i++) columns[i] = Vectors.allocate(schema.field(sourceIndex[i]).dataType(), Batch.DEFAULT_SIZE);
            int rows = 0;
            while (rows < Batch.DEFAULT_SIZE) {
                XmlRecords.Record record = records.next();
                if (record == null) break;
                XmlRecordParser.Result result;
                if (record.malformed() != null) {
                    result = new XmlRecordParser.Result(new Row(schema, new Object[schema.size()]), record.malformed());
                } else {
                    result = parser.parse(record.text());
                }
                Object[] values = new Object[schema.size()];
                for (int i = 0; i < values.length; i++) values[i] = result.row().get(i);
                if (result.malformed() != null) {
                    if (mode == ParseMode.FAILFAST) {
                        throw SluiceException.of(ErrorCode.MALFORMED_RECORD).with("location", record.location())
                                .with("reason", result.malformed()).build();
                    }
                    if (mode == ParseMode.DROPMALFORMED) {
                        dropped++;
                        continue;
                    }
                    // as Spark's XML reader: a malformed record keeps no partial values, only its text
                    java.util.Arrays.fill(values, null);
                    if (corrupt >= 0) values[corrupt] = record.text();
                } else if (corrupt >= 0) {
                    values[corrupt] = null;
                }
                for (int i = 0; i < columns.length; i++) columns[i].appendObject(values[sourceIndex[i]]);
                rows++;
            }
            if (rows == 0) return null;
            ColumnVector[] out = new ColumnVector[columns.length];
            for (int i = 0; i < out.length; i++) {
                DataType wanted = projection.field(i).dataType();
                out[i] = wanted.equals(columns[i].type()) ? columns[i] : StructView.narrow(columns[i], wanted);
            }
            return new Batch(out, rows);
        }

        @Override public long bytesRead() { return records.bytesRead(); }

        @Override public long droppedRecords() { return dropped; }

        @Override public void close() { records.close(); }
    }
}
