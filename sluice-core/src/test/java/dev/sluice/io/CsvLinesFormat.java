package dev.sluice.io;

import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A trivial test format: one line per row, values joined by commas, NULL as empty. Can fail on a chosen row. */
final class CsvLinesFormat implements RecordFormat {
    private final long failAtRow;   // global row count at which write fails, or -1
    private long rowsSeen;

    CsvLinesFormat() { this(-1); }

    CsvLinesFormat(long failAtRow) { this.failAtRow = failAtRow; }

    @Override public String extension() { return "txt"; }

    @Override public RecordEncoder open(OutputStream out, StructType schema) {
        return new RecordEncoder() {
            @Override public void write(Batch batch) {
                StringBuilder sb = new StringBuilder();
                for (int r = 0; r < batch.rowCount(); r++) {
                    if (rowsSeen++ == failAtRow) throw new UncheckedIOException(new IOException("injected encoder failure"));
                    for (int c = 0; c < batch.columnCount(); c++) {
                        if (c > 0) sb.append(',');
                        Object v = batch.column(c).getObject(r);
                        if (v != null) sb.append(v);
                    }
                    sb.append('\n');
                }
                try {
                    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override public void close() { }
        };
    }
}
