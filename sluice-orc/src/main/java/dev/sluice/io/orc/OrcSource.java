package dev.sluice.io.orc;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.io.BatchReader;
import dev.sluice.io.BufferBudget;
import dev.sluice.io.BufferBudgetScope;
import dev.sluice.io.DataSource;
import dev.sluice.io.FileListing;
import dev.sluice.io.FileSplit;
import dev.sluice.io.FileStatus;
import dev.sluice.io.ListingOptions;
import dev.sluice.io.Split;
import dev.sluice.io.Storage;
import dev.sluice.io.StoragePaths;
import dev.sluice.io.WholeFile;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;
import org.apache.orc.RecordReader;
import org.apache.orc.TypeDescription;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * ORC files as a table: each file cut into byte ranges of {@code maxSplitBytes} at fixed offsets, a range reading the
 * stripes that start inside it, as Spark does (so the splits depend on the files only, never on the workers; a
 * range holding no stripe start reads nothing; small files share tasks through split packing), read in ORC's
 * vectorized batches of the columns the query uses only (projection through ORC's include list), converted into
 * Sluice vectors; pushed filters skip stripes and row groups through ORC's statistics ({@link OrcFilters}).
 * Columns are matched by name ignoring case, as Spark's native ORC reader does; a column the file lacks reads as NULL. Timestamps are read as UTC instants, as Spark writes them.
 */
final class OrcSource implements DataSource {
    private final Storage storage;
    private final List<String> paths;
    private final StructType schema;
    private final ListingOptions listing;
    private final long maxSplitBytes;

    OrcSource(Storage storage, List<String> paths, StructType schema, ListingOptions listing, long maxSplitBytes) {
        this.storage = storage;
        this.paths = List.copyOf(paths);
        this.schema = schema;
        this.listing = listing;
        this.maxSplitBytes = maxSplitBytes;
    }

    static Configuration conf() {
        Configuration conf = new Configuration(false);
        conf.setBoolean("fs.sluice.impl.disable.cache", true);
        return conf;
    }

    static Reader open(Storage storage, String path) {
        try {
            Configuration conf = conf();
            return OrcFile.createReader(StorageFileSystem.path(path),
                    OrcFile.readerOptions(conf).filesystem(StorageFileSystem.reading(storage, conf)).useUTCTimestamp(true));
        } catch (IOException | RuntimeException e) {
            if (e instanceof SluiceException s) throw s;
            throw SluiceException.of(ErrorCode.IO_ERROR).with("path", path).with("reason", "not a readable ORC file: " + e.getMessage()).cause(e).build();
        }
    }

    @Override public String formatName() { return "orc"; }

    @Override public String description() {
        List<String> names = new ArrayList<>();
        for (String p : paths) names.add(StoragePaths.name(p));
        return String.join(", ", names);
    }

    @Override public StructType schema() { return schema; }

    @Override public List<Split> splits() {
        List<Split> out = new ArrayList<>();
        for (FileStatus f : FileListing.resolve(storage, paths, listing)) {
            for (long start = 0; start < f.size(); start += maxSplitBytes) {
                out.add(new FileSplit(f.path(), start, Math.min(maxSplitBytes, f.size() - start), f.size()));
            }
        }
        return out;
    }

    @Override public BatchReader open(Split split, StructType projection, List<Expression> filters) {
        String path = ((FileSplit) split).path();
        Reader reader = open(storage, path);
        TypeDescription file = reader.getSchema();
        int[] columns = new int[projection.size()];
        boolean[] include = new boolean[file.getMaximumId() + 1];
        include[0] = true;
        for (int i = 0; i < columns.length; i++) {
            columns[i] = OrcValues.indexIgnoringCase(file.getFieldNames(), projection.field(i).name());
            if (columns[i] < 0) continue;
            TypeDescription c = file.getChildren().get(columns[i]);
            for (int id = c.getId(); id <= c.getMaximumId(); id++) include[id] = true;
        }
        // ORC holds a stripe's included columns outside Sluice's vectors: charged to the scan's budget until closed
        FileSplit range = (FileSplit) split;
        BufferBudget.Charge charge = BufferBudgetScope.current().open("ORC stripes of " + path);
        try {
            WholeFile.charge(charge, OrcStripeMemory.forRange(reader, include, range.start(), range.length()),
                    "the stripes of ORC file " + path, "Write the file with smaller stripes (orc.stripe.size).");
        } catch (RuntimeException | Error e) {
            charge.close();
            closeQuietly(reader);
            throw e;
        }
        RecordReader rows;
        try {
            // ORC reads the stripes that start inside the range, so the splits of a file read each stripe once
            Reader.Options options = reader.options().range(range.start(), range.length()).include(include).useSelected(false).allowSARGToFilter(false);
            org.apache.hadoop.hive.ql.io.sarg.SearchArgument sarg = OrcFilters.of(file, filters);
            if (sarg != null) options.searchArgument(sarg, file.getFieldNames().toArray(new String[0]));
            rows = reader.rows(options);
        } catch (IOException e) {
            charge.close();
            closeQuietly(reader);
            throw SluiceException.of(ErrorCode.IO_ERROR).with("path", path).with("reason", e.getMessage()).cause(e).build();
        }
        VectorizedRowBatch batch = file.createRowBatch(Batch.DEFAULT_SIZE);
        return new BatchReader() {
            long bytes;

            @Override public Batch next() {
                try {
                    if (!rows.nextBatch(batch) || batch.size == 0) return null;
                } catch (IOException | RuntimeException e) {
                    throw SluiceException.of(ErrorCode.IO_ERROR).with("path", path).with("reason", "reading ORC: " + e.getMessage()).cause(e).build();
                }
                bytes = ((FileSplit) split).length();
                ColumnVector[] out = new ColumnVector[columns.length];
                for (int i = 0; i < columns.length; i++) {
                    FlatVector v = Vectors.allocate(projection.field(i).dataType(), batch.size);
                    for (int r = 0; r < batch.size; r++) {
                        v.appendObject(columns[i] < 0 ? null : OrcValues.read(batch.cols[columns[i]], file.getChildren().get(columns[i]),
                                projection.field(i).dataType(), r));
                    }
                    out[i] = v;
                }
                return new Batch(out, batch.size);
            }

            @Override public long bytesRead() { return bytes; }

            @Override public void close() {
                try {
                    rows.close();
                    reader.close();
                } catch (IOException e) {
                    // nothing to recover when closing a read stream
                } finally {
                    charge.close();
                }
            }
        };
    }

    private static void closeQuietly(Reader reader) {
        try {
            reader.close();
        } catch (IOException | RuntimeException e) {
            // already failing
        }
    }
}
