package dev.sluice.io.csv;

import dev.sluice.io.RecordEncoder;
import dev.sluice.io.RecordFormat;
import dev.sluice.types.DataType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.LongDecimalText;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * CSV output as Spark's writer produces it: a value is quoted when it holds the separator, a line break or the
 * quote (or always, with {@code quoteAll}); inside quotes the quote and the escape character are escaped with
 * {@code escape} (default {@code \}, so {@code a"b} is written {@code "a\"b"}). Whitespace around string values
 * is trimmed by default (ignoreLeadingWhiteSpace / ignoreTrailingWhiteSpace are true when writing, as in Spark).
 * NULL is written as {@code nullValue} (default empty), the empty string as {@code emptyValue} (default {@code ""}).
 * With {@code header}, each file starts with the column names.
 * <p>Differences from Spark: a partition without rows writes no file, so a header-only file is never written;
 * with a custom {@code lineSep}, line breaks inside values are written as they are (Spark rewrites them).
 */
public final class CsvFormat implements RecordFormat {
    private final CsvOptions options;

    public CsvFormat(CsvOptions options) { this.options = options; }

    @Override public String extension() { return "csv"; }

    @Override public RecordEncoder open(OutputStream out, StructType schema) {
        for (int i = 0; i < schema.size(); i++) {
            if (!CsvValues.supports(schema.field(i).dataType())) throw CsvSource.unsupportedType("CSV", schema.field(i));
        }
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, options.charset()), 64 * 1024);
        Encoder encoder = new Encoder(writer, schema);
        return new RecordEncoder() {
            private boolean started;

            @Override public void write(Batch batch) {
                try {
                    if (!started) {
                        started = true;
                        if (options.header()) encoder.header();
                    }
                    encoder.write(batch);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override public void close() {
                try {
                    writer.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private final class Encoder {
        private final Writer out;
        private final StructType schema;
        private final CsvValues values = new CsvValues(options);
        private final String sep = options.separator();
        private final char quote = options.quote();
        private final char escape = options.escape();
        private final boolean quoteAll = options.quoteAll();
        private final boolean escapeQuotes = options.escapeQuotes();
        private final boolean trimLeading = options.ignoreLeadingWhiteSpace();
        private final boolean trimTrailing = options.ignoreTrailingWhiteSpace();
        private final String nullValue = options.nullValue();
        private final String emptyValue = options.emptyValue();
        private final String lineSep = options.lineSep() == null ? "\n" : options.lineSep();
        private final StringBuilder sb = new StringBuilder();

        Encoder(Writer out, StructType schema) {
            this.out = out;
            this.schema = schema;
        }

        void header() throws IOException {
            sb.setLength(0);
            for (int c = 0; c < schema.size(); c++) {
                if (c > 0) sb.append(sep);
                appendText(schema.field(c).name());
            }
            sb.append(lineSep);
            out.write(sb.toString());
        }

        void write(Batch batch) throws IOException {
            int columns = schema.size();
            for (int r = 0; r < batch.rowCount(); r++) {
                sb.setLength(0);
                for (int c = 0; c < columns; c++) {
                    if (c > 0) sb.append(sep);
                    ColumnVector v = batch.column(c);
                    if (v.isNull(r)) {
                        appendSpecial(nullValue);
                    } else {
                        DataType type = schema.field(c).dataType();
                        String text = type instanceof DecimalType d && d.fitsInLong()
                                ? LongDecimalText.text(v.getLong(r), d.scale(), true) : null;   // plain, as ANSI casts
                        appendText(text != null ? text : values.render(v.getObject(r), type));
                    }
                }
                sb.append(lineSep);
                out.write(sb.toString());
            }
        }

        /** nullValue / emptyValue: written as given, quoted only under quoteAll ({@code ""} then stands for empty). */
        private void appendSpecial(String text) {
            if (quoteAll && quote != 0) {
                sb.append(quote);
                if (!text.equals("\"\"")) appendEscaped(text);
                sb.append(quote);
            } else {
                sb.append(text);
            }
        }

        private void appendText(String raw) {
            String text = trim(raw);
            if (text.isEmpty()) {
                appendSpecial(emptyValue);
                return;
            }
            if (quote == 0 || !(quoteAll || needsQuotes(text))) {
                sb.append(text);
                return;
            }
            sb.append(quote);
            appendEscaped(text);
            sb.append(quote);
        }

        private void appendEscaped(String text) {
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (escapeQuotes && (ch == quote || ch == escape)) sb.append(escape);
                sb.append(ch);
            }
        }

        private boolean needsQuotes(String text) {
            if (text.contains(sep)) return true;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '\n' || ch == '\r' || (escapeQuotes && ch == quote)) return true;
            }
            return false;
        }

        private String trim(String s) {
            int from = 0, to = s.length();
            if (trimLeading) while (from < to && s.charAt(from) <= ' ') from++;
            if (trimTrailing) while (to > from && s.charAt(to - 1) <= ' ') to--;
            return from == 0 && to == s.length() ? s : s.substring(from, to);
        }
    }
}
