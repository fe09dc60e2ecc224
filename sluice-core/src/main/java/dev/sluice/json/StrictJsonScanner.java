package dev.sluice.json;

import static dev.sluice.json.ScanNode.*;

/**
 * The fast path of the JSON readers: converts a record of <em>plain</em> JSON straight from its UTF-8 bytes
 * into a {@link StructParser} tree, without Jackson, tokens or Strings. Keys are matched as bytes, values of
 * keys not in the schema are skipped (still checked, so a syntax error anywhere is still seen), strings
 * without escapes are copied as one slice, and the scan of a string looks at 8 bytes at a time.
 * <p>It handles only what it can convert exactly as the Jackson path would: standard JSON (no comments,
 * single quotes, NaN, leading zeros), well-formed UTF-8, each key once, and values that convert without a
 * mismatch. On anything else it <em>bails</em>: it truncates the rows it appended and returns false, and
 * the caller parses the record with Jackson, which then decides (malformed records, partial results and
 * options included). So the results are the Jackson path's by construction; this class only makes the
 * common case fast. A reader whose records keep bailing stops trying ({@link #enabled}).
 * <p>Not thread-safe: one per parser tree.
 */
final class StrictJsonScanner extends JsonValueSkipper {
    /** Longer records go to Jackson, whose length limits (strings, names) then apply exactly. */
    static final int MAX_RECORD_BYTES = 1 << 20;

    private final ScanNode root;
    private long records;
    private long bails;

    private final boolean adaptive;

    private StrictJsonScanner(ScanNode root, boolean adaptive) {
        this.root = root;
        this.adaptive = adaptive;
    }

    /**
     * A scanner for {@code root}'s tree, or null when the tree has a type the fast path does not convert.
     * {@code adaptive}: stop trying when most records bail (tests turn this off to compare every record).
     */
    static StrictJsonScanner forStruct(StructParser root, String ignoredField, boolean adaptive) {
        return forStruct(root, ignoredField, adaptive, null);
    }

    /** As {@link #forStruct(StructParser, String, boolean)}, with string fields whose text goes to a from_json (by field). */
    static StrictJsonScanner forStruct(StructParser root, String ignoredField, boolean adaptive, FusedFromJson[] fused) {
        ScanNode node = compile(root, ignoredField, fused);
        return node == null ? null : new StrictJsonScanner(node, adaptive);
    }

    /** The key memos of the scanner's tree ({@link LearntKeys}). */
    void collectKeyMemos(java.util.List<KeyMemo> out) { root.collectKeyMemos(out); }

    /** The string columns the scanner writes into ({@link LearntKeys}). */
    void collectStrings(java.util.List<ScalarParsers.StringParser> out) { root.collectStrings(out); }

    /** False once most records have bailed: the reader then goes straight to Jackson. */
    boolean enabled() { return !adaptive || records < 256 || bails * 4 < records; }

    /**
     * Converts the record {@code buf[offset, offset+length)}, an object, appending one row to the root; false
     * (nothing appended) when the record must be parsed by the Jackson path. {@code textMayFollow}: text after
     * the object is ignored (from_json) rather than sent to Jackson (a line of a file must end there).
     */
    boolean readRecord(byte[] buf, int offset, int length, boolean textMayFollow) {
        records++;
        int startRow = root.parser.size();
        if (length > MAX_RECORD_BYTES) return bail(startRow);
        b = buf;
        pos = offset;
        end = offset + length;
        try {
            skipWhitespace();
            if (pos >= end || b[pos] != '{') return bail(startRow);
            pos++;
            readObject(root, 0);
            if (!textMayFollow) {
                skipWhitespace();
                if (pos != end) return bail(startRow);
            }
            return true;
        } catch (Bail | ArrayIndexOutOfBoundsException e) {
            return bail(startRow);
        } finally {
            b = null;
        }
    }

    /**
     * Converts the record that starts a line of a JSON Lines buffer, {@code buf[offset, ...)}, finding the line's end
     * as it goes instead of being given it: the bytes to {@code limit} are buffered, and {@code lastBytes} says they
     * end the input. Returns the index of the line's end (its newline, or {@code limit} when {@code lastBytes}) with
     * one row appended, or -1 with nothing appended and nothing counted: the caller then finds the line and calls
     * {@link #readRecord}. Same results as {@code readRecord} on that line: a newline is not whitespace here
     * ({@link #newlineEnds}), and no value, key or string the scan accepts holds one (strings give up at control
     * characters), so an accepted record lies within its line, and after it only spaces, tabs and carriage returns
     * may come before the newline, as {@code readRecord} checks to the line's end (the line reader drops one
     * carriage return before the newline).
     */
    int readLine(byte[] buf, int offset, int limit, boolean lastBytes) {
        int startRow = root.parser.size();
        b = buf;
        pos = offset;
        end = limit;
        newlineEnds = true;
        try {
            skipWhitespace();
            if (pos >= end || b[pos] != '{') return -1;
            pos++;
            readObject(root, 0);
            skipWhitespace();
            int lineEnd = pos;
            if (lineEnd < end ? b[lineEnd] != '\n' : !lastBytes) return giveUp(startRow);
            int length = lineEnd - offset;
            if (length > 0 && b[lineEnd - 1] == '\r') length--;
            if (length > MAX_RECORD_BYTES) return giveUp(startRow);   // readRecord's rule for the line
            records++;
            return lineEnd;
        } catch (Bail | ArrayIndexOutOfBoundsException e) {
            return giveUp(startRow);
        } finally {
            b = null;
            newlineEnds = false;
        }
    }

    private int giveUp(int startRow) {
        root.parser.truncate(startRow);
        return -1;
    }

    private boolean bail(int startRow) {
        bails++;
        root.parser.truncate(startRow);
        return false;
    }

    // ---- values into parsers ----

    /** The object whose '{' was just consumed, as one row of {@code n}. */
    private void readObject(ScanNode n, int depth) {
        if (depth > MAX_DEPTH) throw BAIL;
        int stamp = n.nextStamp();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
        } else {
            int expected = 0;
            for (int slot = 0; ; slot++) {
                int f;
                int hit = slot < KEY_SLOTS ? n.keys.hit(b, pos, end, slot) : 0;
                int known = KeyMemo.length(hit);
                if (known > 0) {   // the key last seen at this position (KeyMemo): no scan, no lookup
                    f = KeyMemo.valueOf(hit);
                    if (f < 0) {
                        // An unread field's value right after the key, a string or a number followed directly by a
                        // comma, in one step: the index after the comma; anything else (whitespace, another value, the
                        // object's end) is taken by the general walk below from the value's start. Skipped as skipField
                        // skips them (a malformed one gives up there), and the whitespace the general walk would skip
                        // around them is none. Here rather than in a method of its own: C1 inlines no call over 35
                        // bytes, and this runs for most outer fields.
                        int v = pos + known;
                        byte c = v < end ? b[v] : 0;
                        int after = c == '"' ? skipString(v + 1) : digit(c) || c == '-' ? skipNumber(b, v, end) : -1;
                        if (after >= 0 && after < end && b[after] == ',') {
                            pos = after + 1;
                            skipWhitespace();
                            continue;
                        }
                    }
                    pos += known;
                } else {
                    if (peek() != '"') throw BAIL;
                    int keyStart = ++pos;
                    int keyEnd = plainStringEnd(pos);
                    if (b[keyEnd] != '"') throw BAIL;   // escaped key: the Jackson path compares decoded names
                    pos = keyEnd + 1;
                    skipWhitespace();
                    if (peek() != ':') throw BAIL;
                    pos++;
                    f = n.find(b, keyStart, keyEnd - keyStart, expected);
                    if (slot < KEY_SLOTS && pos == keyEnd + 2) n.keys.remember(b, keyStart - 1, pos - keyStart + 1, slot, f);
                }
                skipWhitespace();
                if (f < 0) {
                    skipField(depth + 1);
                } else {
                    if (n.seen[f] == stamp) throw BAIL;   // repeated key
                    n.seen[f] = stamp;
                    expected = f + 1;
                    readValue(n.fields[f], depth + 1);
                }
                skipWhitespace();
                byte c = next();
                if (c == ',') {
                    skipWhitespace();
                    continue;
                }
                if (c == '}') break;
                throw BAIL;
            }
        }
        ScanNode[] fields = n.fields;
        for (int f = 0; f < fields.length; f++) {
            if (n.seen[f] != stamp) fields[f].parser.appendNull();
        }
        ((StructParser) n.parser).finishRow();
    }

    private void readValue(ScanNode n, int depth) {
        byte c = peek();
        if (c == 'n') {
            literal(NULL);
            n.parser.appendNull();
            return;
        }
        switch (n.kind) {
            case STRING:
                if (c != '"') throw BAIL;   // other values as text: the Jackson path
                pos++;
                readString((ScalarParsers.StringParser) n.parser);
                return;
            case INT: {
                long v = readIntegral();
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw BAIL;
                ((ScalarParsers.IntParser) n.parser).append((int) v);
                return;
            }
            case LONG:
                ((ScalarParsers.LongParser) n.parser).append(readIntegral());
                return;
            case DOUBLE:
                ((ScalarParsers.DoubleParser) n.parser).appendDouble(readDouble());
                return;
            case BOOLEAN:
                if (c == 't') {
                    literal(TRUE);
                    ((ScalarParsers.BooleanParser) n.parser).appendBoolean(true);
                } else if (c == 'f') {
                    literal(FALSE);
                    ((ScalarParsers.BooleanParser) n.parser).appendBoolean(false);
                } else {
                    throw BAIL;
                }
                return;
            case STRUCT:
                if (c != '{') throw BAIL;
                pos++;
                readObject(n, depth);
                return;
            case FUSED:
                if (c != '"') throw BAIL;
                pos++;
                readFused(n);
                return;
            case ARRAY:
                if (c != '[') throw BAIL;
                pos++;
                readArray(n, depth);
                return;
            default:
                throw BAIL;
        }
    }

    private void readArray(ScanNode n, int depth) {
        if (depth > MAX_DEPTH) throw BAIL;
        skipWhitespace();
        if (peek() == ']') {
            pos++;
        } else {
            while (true) {
                readValue(n.element, depth + 1);
                skipWhitespace();
                byte c = next();
                if (c == ',') {
                    skipWhitespace();
                    continue;
                }
                if (c == ']') break;
                throw BAIL;
            }
        }
        ((ArrayParser) n.parser).finishRow();
    }

    /** The string whose opening quote was just consumed, decoded into {@code out}. */
    private void readString(ScalarParsers.StringParser out) {
        int start = pos;
        int stop = plainStringEnd(pos);
        if (b[stop] == '"') {   // no escapes: one copy
            out.appendBytes(b, start, stop - start);
            pos = stop + 1;
            return;
        }
        int limit = decodeLimit(stop);
        out.ensureBytes(limit - start + 8);   // decoded text is never longer than its JSON form (+ one escape past limit)
        byte[] data = out.data;
        int w = out.dataSize;
        System.arraycopy(b, start, data, w, stop - start);
        w += stop - start;
        // Escapes come in clusters (a JSON document in a string escapes every quote, a few bytes apart): a byte
        // loop over a table of the special bytes. Word-at-a-time scanning (as scanPlainString) gains nothing on such
        // short runs once C2 has compiled it, and costs several times more before (VarHandle calls in C1 code).
        int i = stop;
        while (true) {
            byte c = b[i];
            if (PLAIN[c & 0xFF]) {
                data[w++] = c;
                if (++i >= limit) throw BAIL;
                continue;
            }
            if (c == '"') {
                pos = i + 1;
                out.commit(w);
                return;
            }
            if (c == '\\') {
                byte e = i + 1 < end ? b[i + 1] : 0;
                if (e == '"' || e == '\\' || e == '/') {   // the escapes of a JSON document held in a string
                    data[w++] = e;
                    i += 2;
                } else {
                    i = decodeEscape(i, data, w);
                    w = escapeEnd;
                }
            } else if (c < 0) {
                int next = checkUtf8(i);
                while (i < next) data[w++] = b[i++];
            } else {
                throw BAIL;   // raw control character: an error unless allowUnquotedControlChars
            }
            if (i >= limit) throw BAIL;
        }
    }

    private int escapeEnd;

    /** A string whose document from_json reads, opening quote consumed: parsed from the line if it can be. */
    private void readFused(ScanNode n) {
        ScalarParsers.StringParser out = (ScalarParsers.StringParser) n.parser;
        int start = pos;
        int close = n.fused.parse(b, start, end, out.size(), newlineEnds);
        if (close < 0) {
            readString(out);
            return;
        }
        if (n.fused.keepsText()) out.appendBytes(b, start, close - start);   // escaped: decoded only if read
        else out.appendEmpty();   // nothing reads the text: a placeholder that is never read
        pos = close + 1;
    }

    /** Decodes the escape at {@code b[i]} (a backslash) into {@code data} at {@code w}; returns the index after it. */
    private int decodeEscape(int i, byte[] data, int w) {
        if (i + 1 >= end) throw BAIL;
        byte e = b[i + 1];
        int ch;
        switch (e) {
            case '"': case '\\': case '/': ch = e; break;
            case 'b': ch = '\b'; break;
            case 'f': ch = '\f'; break;
            case 'n': ch = '\n'; break;
            case 'r': ch = '\r'; break;
            case 't': ch = '\t'; break;
            case 'u': {
                if (i + 5 >= end) throw BAIL;
                ch = (hex(b[i + 2]) << 12) | (hex(b[i + 3]) << 8) | (hex(b[i + 4]) << 4) | hex(b[i + 5]);
                if (ch >= 0xD800 && ch <= 0xDFFF) throw BAIL;   // surrogates: the Jackson path pairs them
                if (ch < 0x80) {
                    data[w++] = (byte) ch;
                } else if (ch < 0x800) {
                    data[w++] = (byte) (0xC0 | (ch >> 6));
                    data[w++] = (byte) (0x80 | (ch & 0x3F));
                } else {
                    data[w++] = (byte) (0xE0 | (ch >> 12));
                    data[w++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
                    data[w++] = (byte) (0x80 | (ch & 0x3F));
                }
                escapeEnd = w;
                return i + 6;
            }
            default: throw BAIL;
        }
        data[w] = (byte) ch;
        escapeEnd = w + 1;
        return i + 2;
    }

    // ---- bytes ----

    private void skipWhitespace() {
        // the common case, no whitespace, in one test (bytes >= 0x80 are negative), small enough for C1 to inline (it
        // inlines nothing over 35 bytes of bytecode, and this runs after every key, value and comma)
        if (pos >= end || b[pos] <= ' ') skipWhitespaceRun();
    }

    private void skipWhitespaceRun() {
        while (pos < end) {
            byte c = b[pos];
            if (c != ' ' && (c != '\n' || newlineEnds) && c != '\r' && c != '\t') return;
            pos++;
        }
    }
}
