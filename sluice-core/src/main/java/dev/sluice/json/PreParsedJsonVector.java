package dev.sluice.json;

import dev.sluice.types.DataType;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.Encoding;
import dev.sluice.vector.FlatVector;

/**
 * A string column read from JSON whose {@code from_json} was evaluated by the reader ({@link FusedFromJson}): to
 * everyone it is the column's text; {@link FromJsonEvaluator} asks it for the results instead. Rows parsed by the
 * reader hold their text in the line's escaped form, decoded (all rows at once, for the whole batch) the first time
 * anything reads a string. Slices and selections stay views of the same batch, so a filter between the scan and
 * the from_json keeps the results. When the planner found that nothing but from_json reads the column
 * ({@link FromJsonColumn#keepText()}), the parsed rows' text was not kept: reading it is an internal error.
 */
final class PreParsedJsonVector extends ColumnVector {
    /** What the views of one batch share. */
    private static final class Rows {
        final BytesVector raw;
        final boolean[] escaped;
        final boolean[] unparsed;
        final DataType schema;
        final JsonOptions options;
        final FlatVector results;
        final boolean textKept;
        volatile BytesVector decoded;

        Rows(BytesVector raw, boolean[] escaped, boolean[] unparsed, DataType schema, JsonOptions options, FlatVector results,
             boolean textKept) {
            this.raw = raw;
            this.escaped = escaped;
            this.unparsed = unparsed;
            this.schema = schema;
            this.options = options;
            this.results = results;
            this.textKept = textKept;
        }

        BytesVector text() {
            if (!textKept) {
                throw dev.sluice.error.SluiceException.internal("the text of a JSON column read only by from_json was "
                        + "read; the planner found no reader of it (FromJsonAboveScan.keepsText)");
            }
            BytesVector d = decoded;
            if (d == null) {
                d = decode();
                decoded = d;
            }
            return d;
        }

        private BytesVector decode() {
            int n = raw.size();
            boolean any = false;
            for (int r = 0; r < n && !any; r++) any = escaped[r];
            if (!any) return raw;
            BytesVector out = new BytesVector(raw.type(), n, raw.writePosition());
            for (int r = 0; r < n; r++) {
                if (raw.isNull(r)) {
                    out.appendNull();
                } else if (escaped[r]) {
                    int length = raw.bytesLength(r);
                    out.reserve(length);
                    int w = out.writePosition();
                    out.commit(JsonText.unescape(raw.bytesArray(r), raw.bytesStart(r), length, out.buffer(), w) - w);
                } else {
                    out.append(raw.bytesArray(r), raw.bytesStart(r), raw.bytesLength(r));
                }
            }
            return out;
        }
    }

    private final Rows rows;
    private final int[] ids;   // null: rows [offset, offset + size) of the batch
    private final int offset;
    private final int size;

    PreParsedJsonVector(BytesVector raw, boolean[] escaped, boolean[] unparsed, DataType schema, JsonOptions options,
                        FlatVector results, boolean textKept) {
        this(new Rows(raw, escaped, unparsed, schema, options, results, textKept), null, 0, raw.size());
    }

    private PreParsedJsonVector(Rows rows, int[] ids, int offset, int size) {
        super(rows.raw.type());
        this.rows = rows;
        this.ids = ids;
        this.offset = offset;
        this.size = size;
    }

    private int map(int row) { return ids == null ? offset + row : ids[row]; }

    /**
     * from_json's results for these rows, or null when the call is another one. Rows the reader left to from_json
     * are parsed here, as from_json parses text (so under FAILFAST the first bad one fails, as before), and merged.
     */
    ColumnVector parsed(DataType schema, JsonOptions options) {
        if (!schema.equals(rows.schema) || !options.equals(rows.options)) return null;
        boolean[] unparsed = rows.unparsed;
        int left = 0;
        for (int i = 0; i < size; i++) {
            if (unparsed[map(i)]) left++;
        }
        if (left == 0) return ids == null ? rows.results.slice(offset, size) : rows.results.select(ids, size);
        int[] leftRows = new int[left];
        for (int i = 0, k = 0; i < size; i++) {
            if (unparsed[map(i)]) leftRows[k++] = map(i);
        }
        // the reader left these rows' text decoded (never escaped), so the raw vector holds their text as it is
        ColumnVector parsedHere = FromJsonEvaluator.evaluate(rows.raw.select(leftRows, left), schema, options);
        if (left == size) return parsedHere;
        FlatVector out = dev.sluice.vector.Vectors.allocate(schema, size);
        for (int i = 0, k = 0; i < size; i++) {
            int row = map(i);
            if (unparsed[row]) out.appendFrom(parsedHere, k++);
            else out.appendFrom(rows.results, row);
        }
        return out;
    }

    /** How many of these rows the reader parsed from the line (tests check that the fused path is taken). */
    int parsedByReader() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (rows.escaped[map(i)]) n++;
        }
        return n;
    }

    @Override public int size() { return size; }

    @Override public Encoding encoding() { return Encoding.FLAT; }

    @Override public boolean isNull(int row) { return rows.raw.isNull(map(row)); }

    @Override public boolean mayHaveNulls() { return rows.raw.mayHaveNulls(); }

    @Override public byte[] bytesArray(int row) { return rows.text().bytesArray(map(row)); }

    @Override public int bytesStart(int row) { return rows.text().bytesStart(map(row)); }

    @Override public int bytesLength(int row) { return rows.text().bytesLength(map(row)); }

    @Override public ColumnVector slice(int from, int length) {
        if (from == 0 && length == size) return this;
        if (ids == null) return new PreParsedJsonVector(rows, null, offset + from, length);
        return new PreParsedJsonVector(rows, java.util.Arrays.copyOfRange(ids, from, from + length), 0, length);
    }

    @Override public ColumnVector select(int[] selected, int count) {
        // rows of the whole batch: the selection is the view's, shared as every view shares it (Batch.gather then
        // composes one selection for this column and the batch's others, and the group table sees one run array)
        if (ids == null && offset == 0) return new PreParsedJsonVector(rows, selected, 0, count);
        int[] mapped = new int[count];
        for (int i = 0; i < count; i++) mapped[i] = map(selected[i]);
        return new PreParsedJsonVector(rows, mapped, 0, count);
    }
}
