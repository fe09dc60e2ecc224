package dev.sluice.json;

import dev.sluice.types.StructType;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.FlatVector;

import java.util.Arrays;

/**
 * One string column of a JSON reader whose text goes to a {@code from_json} ({@link FromJsonColumn}): the
 * results of that call for the rows the reader's fast path parsed straight from the line
 * ({@link EscapedJsonScanner}), kept aligned with the reader's rows. A row the scan did not parse (the fast path
 * gave up, the line went to Jackson, the value was not a string) holds a placeholder and is marked; its text is
 * decoded as before and from_json parses it itself. A parsed row keeps its text in the line's escaped form,
 * decoded only if something reads the string ({@link PreParsedJsonVector}), or not kept at all when nothing can
 * ({@link FromJsonColumn#keepText()}).
 */
final class FusedFromJson {
    private final FromJsonColumn call;
    private final StructParser parsed;
    private final EscapedJsonScanner scanner;
    private boolean[] escaped;
    private boolean[] unparsed;
    private long attempts;
    private long misses;
    private final boolean adaptive;

    private FusedFromJson(FromJsonColumn call, StructParser parsed, EscapedJsonScanner scanner, int capacity, boolean adaptive) {
        this.call = call;
        this.parsed = parsed;
        this.scanner = scanner;
        this.escaped = new boolean[Math.max(capacity, 16)];
        this.unparsed = new boolean[escaped.length];
        this.adaptive = adaptive;
    }

    /** The fused column for {@code call}, or null when its schema has a type the fast path does not convert. */
    static FusedFromJson of(FromJsonColumn call, int capacity, boolean adaptive) {
        if (!call.fusable()) return null;
        String corruptName = call.options().columnNameOfCorruptRecord();
        StructParser root = new StructParser((StructType) call.schema(), call.options(), capacity, corruptName);
        ScanNode node = ScanNode.compile(root, corruptName);
        return node == null ? null : new FusedFromJson(call, root, new EscapedJsonScanner(node), capacity, adaptive);
    }

    String column() { return call.column(); }

    /** False: the rows parsed here keep no text (nothing above the reader reads it). */
    boolean keepsText() { return call.keepText(); }

    /** The key memos of the document's scanner ({@link LearntKeys}). */
    void collectKeyMemos(java.util.List<KeyMemo> out) { scanner.collectKeyMemos(out); }

    /** The string columns of the document's scanner ({@link LearntKeys}). */
    void collectStrings(java.util.List<ScalarParsers.StringParser> out) { scanner.collectStrings(out); }

    /**
     * Parses the document of reader row {@code row}'s string, whose opening quote is at {@code from - 1}; returns
     * the index of its closing quote, or -1 (nothing appended: the caller decodes the string as before).
     * {@code endIsBufferEnd}: {@code end} is the end of a JSON Lines buffer, not of the record
     * ({@link StrictJsonScanner#readLine}).
     */
    int parse(byte[] b, int from, int end, int row, boolean endIsBufferEnd) {
        if (parsed.size() != row || (adaptive && attempts >= 256 && misses * 4 >= attempts)) return -1;
        attempts++;
        int close = scanner.parse(b, from, end, endIsBufferEnd);
        if (close < 0) {
            misses++;
            return -1;
        }
        ensure(row + 1);
        escaped[row] = true;
        unparsed[row] = false;
        return close;
    }

    /** After a record: the reader's rows the scan did not parse get a placeholder (null text needs no parse). */
    void pad(ColumnParser text, int rows) {
        ensure(rows);
        for (int r = parsed.size(); r < rows; r++) {
            parsed.appendNull();
            escaped[r] = false;
            unparsed[r] = !text.isNull(r);
        }
    }

    /** Drops rows from {@code rows} on (a record the fast path gave up on). */
    void truncate(int rows) {
        if (parsed.size() > rows) parsed.truncate(rows);
    }

    /** The batch's column: {@code text} (the reader's string rows) with the results; the buffers are then empty. */
    PreParsedJsonVector finish(BytesVector text, int rows) {
        FlatVector results = parsed.takeVector();
        PreParsedJsonVector v = new PreParsedJsonVector(text, Arrays.copyOf(escaped, rows), Arrays.copyOf(unparsed, rows),
                call.schema(), call.options(), results, call.keepText());
        return v;
    }

    private void ensure(int rows) {
        if (rows > escaped.length) {
            int n = Math.max(rows, escaped.length * 2);
            escaped = Arrays.copyOf(escaped, n);
            unparsed = Arrays.copyOf(unparsed, n);
        }
    }
}
