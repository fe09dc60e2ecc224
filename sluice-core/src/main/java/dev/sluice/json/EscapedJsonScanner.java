package dev.sluice.json;

import dev.sluice.vector.ByteWords;

/**
 * {@code from_json} fused into the JSON Lines reader: parses the JSON document held in a JSON string straight from
 * the string's escaped bytes in the line ({@code "{\"a\":1}"}), so that the string is neither decoded into a column
 * nor scanned a second time by {@code from_json}. An inner quote is the two bytes {@code \"}; an escape inside an
 * inner string is escaped twice ({@code \\\"} is an inner {@code \"}).
 * <p>Like {@link StrictJsonScanner} it converts only what it converts exactly as {@code from_json} over the decoded
 * text would (its fast path, whose results are the Jackson path's), and is stricter still: inner whitespace other
 * than spaces, backslash-u escapes of the document's own characters and anything unusual make it give up, with
 * nothing appended; the reader then decodes the string as before and {@code from_json} parses that text itself.
 * What it accepts up to the string's closing quote is exactly what {@link StrictJsonScanner#readRecord}'s string
 * decoding accepts, so the reader's own verdict on the line (malformed or not) does not change.
 * <p>Not thread-safe: one per parser tree.
 */
final class EscapedJsonScanner extends JsonValueSkipper {
    private final ScanNode root;

    EscapedJsonScanner(ScanNode root) { this.root = root; }

    /** The key memos of the scanner's tree ({@link LearntKeys}). */
    void collectKeyMemos(java.util.List<KeyMemo> out) { root.collectKeyMemos(out); }

    /** The string columns the scanner writes into ({@link LearntKeys}). */
    void collectStrings(java.util.List<ScalarParsers.StringParser> out) { root.collectStrings(out); }

    /**
     * Parses the document of the string whose opening quote is at {@code from - 1}, appending one row to the root;
     * returns the index of the string's closing quote, or -1 with nothing appended. {@code endIsBufferEnd}: {@code limit}
     * is the end of a JSON Lines buffer, not of the record (strings then reserve bounded room: {@link #decodeLimit}).
     */
    int parse(byte[] buf, int from, int limit, boolean endIsBufferEnd) {
        int startRow = root.parser.size();
        b = buf;
        pos = from;
        end = limit;
        newlineEnds = endIsBufferEnd;
        try {
            skipSpaces();
            if (peek() != '{') throw BAIL;
            pos++;
            readObject(root, 0);
            return restOfString(pos);
        } catch (Bail | ArrayIndexOutOfBoundsException e) {
            root.parser.truncate(startRow);
            return -1;
        } finally {
            b = null;
            newlineEnds = false;
        }
    }

    // ---- values into parsers ----

    /**
     * The object whose opening brace was just consumed, into {@code n}'s parser. Key position k > 0 of the memo holds
     * the key with the comma before it ({@code ,\"qty\":}), so that a hit after a value tests the separator and the
     * next key in one compare; position 0 holds the first key from its quote. The common bytes between tokens are
     * tested in place (no space, a comma, the object's end) and spaces go through {@link #skipSpaces} only where there
     * are some: in C1 code, where a 1M-row query parses much of its input, each of those tests was a call.
     */
    private void readObject(ScanNode n, int depth) {
        if (depth > MAX_DEPTH) throw BAIL;
        int stamp = n.nextStamp();
        KeyMemo keys = n.keys;
        if (space()) skipSpaces();
        if (peek() == '}') {
            pos++;
        } else {
            int expected = 0;
            int read = 0;   // fields read: all of them, and no field needs a null
            for (int slot = 0; ; slot++) {
                int f;
                int hit = slot < ScanNode.KEY_SLOTS ? keys.hit(b, pos, end, slot) : 0;
                int known = KeyMemo.length(hit);
                if (known > 0) {   // the key last seen at this position (KeyMemo): no scan, no lookup
                    f = KeyMemo.valueOf(hit);
                    pos += known;
                } else {
                    int from = pos;   // where a remembered key starts: its comma, or the first key's quote
                    if (slot > 0) {   // the separator after a value
                        if (space()) skipSpaces();
                        byte c = next();
                        if (c == '}') break;
                        if (c != ',') throw BAIL;
                        if (space()) skipSpaces();
                    }
                    f = key(n, slot, expected, from);
                }
                if (space()) skipSpaces();
                if (f < 0) {
                    skipUnread(depth + 1);
                } else {
                    if (n.seen[f] == stamp) throw BAIL;   // repeated key
                    n.seen[f] = stamp;
                    expected = f + 1;
                    read++;
                    readValue(n.fields[f], depth + 1);
                }
                if (pos < end && b[pos] == '}') {   // the object's end right after the value
                    pos++;
                    break;
                }
            }
            if (read == n.fields.length) {
                ((StructParser) n.parser).finishRow();
                return;
            }
        }
        ScanNode[] fields = n.fields;
        for (int f = 0; f < fields.length; f++) {
            if (n.seen[f] != stamp) fields[f].parser.appendNull();
        }
        ((StructParser) n.parser).finishRow();
    }

    /**
     * The key at pos (its quote; separator and spaces before it consumed) through its colon, scanned and looked up: the
     * field it names, or -1 for a field not read. Remembers it at {@code slot} from {@code from} when nothing but the
     * key lies between there and the colon (a comma directly before its quote, for a slot after the first).
     */
    private int key(ScanNode n, int slot, int expected, int from) {
        int quote = pos;
        openQuote();
        int keyStart = pos;
        int keyEnd = plainRun(pos);
        closeQuote(keyEnd);   // an escape or a non-ASCII byte in a key: from_json's own path
        if (space()) skipSpaces();
        if (peek() != ':') throw BAIL;
        pos++;
        int f = n.find(b, keyStart, keyEnd - keyStart, expected);
        if (slot < ScanNode.KEY_SLOTS && pos == keyEnd + 3 && quote == (slot == 0 ? from : from + 1)) {
            n.keys.remember(b, from, pos - from, slot, f);
        }
        return f;
    }

    /**
     * Skips the value of a field not read, at pos: an inner string or null here, anything else (numbers, containers)
     * as {@link #skipEscapedField} skips it. The same checks as that: a string as {@link #skipEscapedString} checks it
     * ({@link #skipInnerString}), {@code null} as its four bytes (what follows is the caller's to check, as after
     * skipEscapedField's).
     */
    private void skipUnread(int depth) {
        int i = pos;
        byte c = i + 1 < end ? b[i] : 0;
        if (c == '\\' && b[i + 1] == '"') {
            pos = skipInnerString(i + 2);
        } else if (c == 'n' && i + 4 <= end && b[i + 1] == 'u' && b[i + 2] == 'l' && b[i + 3] == 'l') {
            pos = i + 4;
        } else {
            skipEscapedField(depth);
        }
    }

    /**
     * As {@link #skipEscapedString} (the index after the inner string's closing {@code \"}, its content from {@code i}),
     * its plain bytes 8 at a time: a short value ({@code SKU-91535}) ends in the first or second word, without the byte
     * loop's exit on each string's own length. From the first byte that is not plain ASCII (the closing quote's
     * backslash, mostly) the byte loop decides.
     */
    private int skipInnerString(int i) {
        byte[] b = this.b;
        while (i + 16 <= end) {   // a closing \" within the word is then followed by its quote within the array
            long special = specialBytes(ByteWords.longAt(b, i));
            if (special != 0) {
                i += ByteWords.firstMarkedByte(special);
                if (b[i] == '\\' && b[i + 1] == '"') return i + 2;
                break;
            }
            i += 8;
        }
        return skipEscapedString(i);
    }

    private void readValue(ScanNode n, int depth) {
        byte c = peek();
        if (c == 'n') {
            literal(NULL);
            n.parser.appendNull();
            return;
        }
        switch (n.kind) {
            case ScanNode.STRING:
                openQuote();
                readString((ScalarParsers.StringParser) n.parser);
                return;
            case ScanNode.INT: {
                long v = readIntegral();
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw BAIL;
                ((ScalarParsers.IntParser) n.parser).append((int) v);
                return;
            }
            case ScanNode.LONG:
                ((ScalarParsers.LongParser) n.parser).append(readIntegral());
                return;
            case ScanNode.DOUBLE:
                ((ScalarParsers.DoubleParser) n.parser).appendDouble(readDouble());
                return;
            case ScanNode.BOOLEAN:
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
            case ScanNode.STRUCT:
                if (c != '{') throw BAIL;
                pos++;
                readObject(n, depth);
                return;
            case ScanNode.ARRAY:
                if (c != '[') throw BAIL;
                pos++;
                readArray(n, depth);
                return;
            default:
                throw BAIL;
        }
    }

    /**
     * An array of structs reads each element's object without {@link #readValue}'s dispatch (Q2's items): then no hot
     * path goes readValue, readArray, readValue, which C2 at its default thresholds inlined again at each level (the
     * value reads compiled twice over in one unit). A null or wrong element still goes through readValue.
     */
    private void readArray(ScanNode n, int depth) {
        if (depth > MAX_DEPTH) throw BAIL;
        if (space()) skipSpaces();
        if (peek() == ']') {
            pos++;
        } else {
            ScanNode element = n.element;
            boolean structs = element.kind == ScanNode.STRUCT;
            while (true) {
                if (structs && pos < end && b[pos] == '{') {
                    pos++;
                    readObject(element, depth + 1);
                } else {
                    readValue(element, depth + 1);
                }
                byte c = pos < end ? b[pos] : 0;   // the separator, mostly right after the element
                if (c == ' ') {
                    skipSpaces();
                    c = peek();
                }
                pos++;
                if (c == ',') {
                    if (space()) skipSpaces();
                    continue;
                }
                if (c == ']') break;
                throw BAIL;
            }
        }
        ((ArrayParser) n.parser).finishRow();
    }

    /** The inner string whose opening {@code \"} was just consumed, decoded twice over into {@code out}. */
    private void readString(ScalarParsers.StringParser out) {
        int limit = decodeLimit(pos);
        out.ensureBytes(limit - pos + 8);   // decoded text is never longer than its escaped form (+ one escape past limit)
        byte[] data = out.data;
        int w = out.dataSize;
        int i = pos;
        while (true) {
            if (i >= limit) throw BAIL;
            byte c = b[i];
            if (PLAIN[c & 0xFF]) {
                data[w++] = c;
                i++;
            } else if (c == '\\') {
                byte e = i + 1 < end ? b[i + 1] : 0;
                if (e == '"') {   // the inner closing quote
                    pos = i + 2;
                    out.commit(w);
                    return;
                }
                if (e == '/') {   // the line's \/ is a plain '/'
                    data[w++] = '/';
                    i += 2;
                } else if (e == '\\') {   // the line's \\ is the inner string's backslash: an inner escape follows
                    int next = innerEscapeEnd(i + 2);
                    byte letter = b[i + 2];
                    data[w++] = letter == '\\' ? b[i + 3] : unescaped(letter);
                    i = next;
                } else {
                    throw BAIL;   // escapes of newlines, tabs, code points: a raw control or non-ASCII character of the document
                }
            } else if (c < 0) {
                int next = checkUtf8(i);
                while (i < next) data[w++] = b[i++];
            } else {
                throw BAIL;   // the line's closing quote (the document ends inside a string) or a control character
            }
        }
    }

    /** The character of the inner escape letter {@code e} (not a backslash; checked by {@link #innerEscapeEnd}). */
    private static byte unescaped(byte e) {
        switch (e) {
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            default: return e;   // '/'
        }
    }

    // ---- the line's string ----

    /**
     * Checks the rest of the line's string from {@code i} (text after the document, which from_json ignores) as
     * the reader's decoder would, and returns the index of its closing quote.
     */
    private int restOfString(int i) {
        while (true) {
            if (i >= end) throw BAIL;
            byte c = b[i];
            if (c == '"') return i;
            if (PLAIN[c & 0xFF]) {
                i++;
            } else if (c == '\\') {
                if (i + 1 >= end) throw BAIL;
                switch (b[i + 1]) {
                    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
                        i += 2;
                        break;
                    case 'u': {
                        if (i + 5 >= end) throw BAIL;
                        int ch = (hex(b[i + 2]) << 12) | (hex(b[i + 3]) << 8) | (hex(b[i + 4]) << 4) | hex(b[i + 5]);
                        if (ch >= 0xD800 && ch <= 0xDFFF) throw BAIL;   // surrogates: the reader's Jackson path pairs them
                        i += 6;
                        break;
                    }
                    default: throw BAIL;
                }
            } else if (c < 0) {
                i = checkUtf8(i);
            } else {
                throw BAIL;
            }
        }
    }

    /** Expects an inner quote ({@code \"}) at pos and consumes it. */
    private void openQuote() {
        if (pos + 1 >= end || b[pos] != '\\' || b[pos + 1] != '"') throw BAIL;
        pos += 2;
    }

    /** Expects the inner closing quote at {@code i} and moves past it. */
    private void closeQuote(int i) {
        if (i + 1 >= end || b[i] != '\\' || b[i + 1] != '"') throw BAIL;
        pos = i + 2;
    }

    /** From {@code i}, the index of the first byte that is not plain ASCII. */
    private int plainRun(int i) {
        while (i < end && PLAIN[b[i] & 0xFF]) i++;
        if (i >= end) throw BAIL;
        return i;
    }

    /** Whitespace of the document: raw spaces only (a tab or newline is escaped in the line: given up on). */
    private void skipSpaces() {
        while (pos < end && b[pos] == ' ') pos++;
    }

    /** Whether a space is at pos: small enough for C1 to inline, so that the common case (none) makes no call. */
    private boolean space() { return pos < end && b[pos] == ' '; }
}
