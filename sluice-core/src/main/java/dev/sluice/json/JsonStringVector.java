package dev.sluice.json;

import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.Encoding;

/**
 * A STRING column read from JSON whose escaped values are still in their JSON form: row r holds the text between
 * the quotes exactly as the record had it when {@link #isEscaped} is true (its escapes checked by the fast path,
 * not decoded), and the string itself otherwise. {@code from_json} parses the escaped form directly (a JSON
 * document held in a string escapes every quote, and decoding it only to parse it again was a fifth of a scan);
 * every other reader gets the decoded strings through the ordinary accessors, decoded once for the whole vector
 * on first use.
 */
public final class JsonStringVector extends ColumnVector {
    private final BytesVector raw;
    private final boolean[] escaped;
    private volatile BytesVector decoded;

    JsonStringVector(BytesVector raw, boolean[] escaped) {
        super(raw.type());
        this.raw = raw;
        this.escaped = escaped;
    }

    /** The vector as stored: escaped rows in their JSON form. */
    BytesVector raw() { return raw; }

    /** True when row r (not null) holds its JSON form with escapes. */
    boolean isEscaped(int row) { return escaped[row]; }

    @Override public int size() { return raw.size(); }

    @Override public Encoding encoding() { return Encoding.FLAT; }

    @Override public boolean isNull(int row) { return raw.isNull(row); }

    @Override public boolean mayHaveNulls() { return raw.mayHaveNulls(); }

    @Override public byte[] bytesArray(int row) { return decoded().bytesArray(row); }

    @Override public int bytesStart(int row) { return decoded().bytesStart(row); }

    @Override public int bytesLength(int row) { return decoded().bytesLength(row); }

    private BytesVector decoded() {
        BytesVector d = decoded;
        if (d == null) {   // two threads may both decode; the results are equal
            d = decodeAll();
            decoded = d;
        }
        return d;
    }

    private BytesVector decodeAll() {
        int rows = raw.size();
        BytesVector out = new BytesVector(type, rows, raw.writePosition());
        for (int r = 0; r < rows; r++) {
            if (raw.isNull(r)) {
                out.appendNull();
            } else if (!escaped[r]) {
                out.append(raw.bytesArray(r), raw.bytesStart(r), raw.bytesLength(r));
            } else {
                int length = raw.bytesLength(r);
                out.reserve(length);   // decoded text is never longer than its JSON form
                int written = JsonEscapes.decode(raw.bytesArray(r), raw.bytesStart(r), length, out.buffer(), out.writePosition());
                out.commit(written);
            }
        }
        return out;
    }
}
