package dev.sluice.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes rows of batches as JSON Lines, as Spark's JSON writer: one object per row, fields in schema order,
 * NULL fields omitted (unless {@code ignoreNullFields=false}), each line ended by {@code lineSep} (default
 * {@code \n}). One reused generator; {@link #close} flushes and closes the stream.
 */
public final class JsonRecordWriter implements Closeable, Flushable {
    private final JsonGenerator generator;
    private final JsonValueWriter.StructWriter rowWriter;
    private final String lineSeparator;
    private final int columnCount;

    public JsonRecordWriter(OutputStream out, StructType schema, JsonOptions options) throws IOException {
        this.generator = JsonFactories.forWriting().createGenerator(out);
        this.generator.setRootValueSeparator(null);
        this.rowWriter = JsonValueWriter.StructWriter.forSchema(schema, options);
        this.lineSeparator = options.get("lineSep", "\n");
        this.columnCount = schema.size();
    }

    /** Writes row {@code row} of {@code batch}, whose columns are in the schema's order. */
    public void write(Batch batch, int row) throws IOException {
        ColumnVector[] columns = new ColumnVector[columnCount];
        for (int c = 0; c < columnCount; c++) columns[c] = batch.column(c);
        rowWriter.writeFields(generator, columns, row);
        generator.writeRaw(lineSeparator);
    }

    /** Writes every row of {@code batch}. */
    public void writeAll(Batch batch) throws IOException {
        ColumnVector[] columns = new ColumnVector[columnCount];
        for (int c = 0; c < columnCount; c++) columns[c] = batch.column(c);
        for (int r = 0; r < batch.rowCount(); r++) {
            rowWriter.writeFields(generator, columns, r);
            generator.writeRaw(lineSeparator);
        }
    }

    @Override public void flush() throws IOException { generator.flush(); }

    @Override public void close() throws IOException { generator.close(); }
}
