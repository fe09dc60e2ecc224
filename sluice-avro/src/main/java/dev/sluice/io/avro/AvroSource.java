package dev.sluice.io.avro;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.io.BatchReader;
import dev.sluice.io.DataSource;
import dev.sluice.io.FileListing;
import dev.sluice.io.FileStatus;
import dev.sluice.io.ListingOptions;
import dev.sluice.io.Split;
import dev.sluice.io.Storage;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Avro object container files as a table: one split per file, read record by record (streamed: one batch of
 * records in memory) and converted straight into the projected columns. A file whose schema lacks a column of
 * the table reads it as null; a file that is not Avro fails with IO_ERROR naming it.
 */
final class AvroSource implements DataSource {
    private final Storage storage;
    private final List<String> paths;
    private final StructType schema;
    private final ListingOptions listing;

    AvroSource(Storage storage, List<String> paths, StructType schema, ListingOptions listing) {
        this.storage = storage;
        this.paths = List.copyOf(paths);
        this.schema = schema;
        this.listing = listing;
    }

    private record FileSplit(FileStatus file) implements Split {
        @Override public String description() { return file.path(); }

        @Override public long sizeInBytes() { return file.size(); }
    }

    @Override public String formatName() { return "avro"; }

    @Override public String description() {
        List<String> names = new ArrayList<>();
        for (String p : paths) names.add(p.replaceAll("/+$", "").substring(p.replaceAll("/+$", "").lastIndexOf('/') + 1));
        return String.join(", ", names);
    }

    @Override public StructType schema() { return schema; }

    @Override public List<Split> splits() {
        List<Split> out = new ArrayList<>();
        for (FileStatus f : FileListing.resolve(storage, paths, listing)) if (f.size() > 0) out.add(new FileSplit(f));
        return out;
    }

    @Override public BatchReader open(Split split, StructType projection, List<Expression> filters) {
        FileStatus file = ((FileSplit) split).file();
        InputStream in = storage.open(file.path());
        DataFileStream<GenericRecord> records;
        try {
            records = new DataFileStream<>(in, new GenericDatumReader<>());
        } catch (IOException e) {
            close(in);
            throw SluiceException.of(ErrorCode.IO_ERROR).with("path", file.path()).with("reason", "not an Avro file: " + e.getMessage()).build();
        }
        Schema fileSchema = records.getSchema();
        int[] positions = new int[projection.size()];
        List<Function<Object, Object>> readers = new ArrayList<>();
        for (int i = 0; i < projection.size(); i++) {
            StructField f = projection.field(i);
            Schema.Field af = fileSchema.getField(f.name());
            positions[i] = af == null ? -1 : af.pos();
            readers.add(af == null ? v -> null : AvroValues.reader(af.schema()));
        }
        return new BatchReader() {
            long rows;

            @Override public Batch next() {
                FlatVector[] vectors = new FlatVector[projection.size()];
                for (int i = 0; i < vectors.length; i++) vectors[i] = Vectors.allocate(projection.field(i).dataType(), Batch.DEFAULT_SIZE);
                int n = 0;
                GenericRecord reuse = null;
                try {
                    while (n < Batch.DEFAULT_SIZE && records.hasNext()) {
                        reuse = records.next(reuse);
                        for (int i = 0; i < vectors.length; i++) {
                            vectors[i].appendObject(positions[i] < 0 ? null : readers.get(i).apply(reuse.get(positions[i])));
                        }
                        n++;
                    }
                } catch (IOException | RuntimeException e) {
                    if (e instanceof SluiceException s) throw s;
                    throw SluiceException.of(ErrorCode.IO_ERROR).with("path", file.path()).with("reason", "reading Avro: " + e.getMessage()).build();
                }
                rows += n;
                if (n == 0) return null;
                return new Batch(java.util.Arrays.copyOf(vectors, vectors.length, ColumnVector[].class), n);
            }

            @Override public long bytesRead() { return rows == 0 ? 0 : file.size(); }

            @Override public void close() {
                try {
                    records.close();
                } catch (IOException e) {
                    // nothing to recover when closing a read stream
                }
            }
        };
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // the open already failed
        }
    }
}
