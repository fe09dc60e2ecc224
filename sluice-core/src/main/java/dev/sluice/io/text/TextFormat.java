package dev.sluice.io.text;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.RecordEncoder;
import dev.sluice.io.RecordFormat;
import dev.sluice.types.StringType;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Text output: one line per row of a single STRING column (a NULL is an empty line), as Spark's text writer. */
public final class TextFormat implements RecordFormat {
    private final byte[] lineSep;

    public TextFormat(Map<String, String> options) {
        String sep = TextSource.option(options, "lineSep");
        if (sep != null && sep.isEmpty()) {
            throw SluiceException.of(ErrorCode.INVALID_OPTION).with("option", "lineSep").with("value", "''")
                    .with("reason", "the line separator cannot be empty").build();
        }
        this.lineSep = (sep == null ? "\n" : sep).getBytes(StandardCharsets.UTF_8);
    }

    @Override public String extension() { return "txt"; }

    @Override public RecordEncoder open(OutputStream out, StructType schema) {
        if (schema.size() != 1 || !(schema.field(0).dataType() instanceof StringType)) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION)
                    .with("operation", "Writing " + schema.simpleString() + " as text")
                    .with("reason", "the text format writes exactly one STRING column; select or concatenate one first")
                    .build();
        }
        OutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
        return new RecordEncoder() {
            @Override public void write(Batch batch) {
                ColumnVector v = batch.column(0);
                try {
                    for (int r = 0; r < batch.rowCount(); r++) {
                        if (!v.isNull(r)) buffered.write(v.bytesArray(r), v.bytesStart(r), v.bytesLength(r));
                        buffered.write(lineSep);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override public void close() {
                try {
                    buffered.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
