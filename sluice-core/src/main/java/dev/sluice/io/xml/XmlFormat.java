package dev.sluice.io.xml;

import dev.sluice.io.RecordEncoder;
import dev.sluice.io.RecordFormat;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.xml.XmlOptions;
import dev.sluice.xml.XmlRecordWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * XML output: the declaration and the root element's start tag before the first row (a file without rows stays
 * empty, as Spark's), one {@code rowTag} element per row, the root's end tag on close. Encoded in the
 * {@code encoding} option's charset, strictly: a character it cannot encode fails the write.
 */
public final class XmlFormat implements RecordFormat {
    private final XmlOptions options;

    public XmlFormat(XmlOptions options) { this.options = options; }

    @Override public String extension() { return "xml"; }

    @Override public RecordEncoder open(OutputStream out, StructType schema) {
        XmlRecordWriter.check(schema, options);
        Writer text = new OutputStreamWriter(out, options.writeCharset().newEncoder());
        XmlRecordWriter writer = new XmlRecordWriter(text, options);
        return new RecordEncoder() {
            private boolean started;

            @Override public void write(Batch batch) {
                if (batch.rowCount() == 0) return;
                if (!started) {
                    writer.startDocument();
                    started = true;
                }
                for (int r = 0; r < batch.rowCount(); r++) {
                    Object[] values = new Object[schema.size()];
                    for (int c = 0; c < values.length; c++) values[c] = batch.column(c).getObject(r);
                    writer.write(new Row(schema, values), schema);
                }
            }

            @Override public void close() {
                writer.finish();
                try {
                    text.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
