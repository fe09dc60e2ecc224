package dev.sluice.json;

import dev.sluice.types.ArrayType;
import dev.sluice.types.BooleanType;
import dev.sluice.types.DataType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.StringType;
import dev.sluice.types.StructType;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

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
final class StrictJsonScanner {
    /** Why the fast path gave up on a record; one shared instance, no stack trace (control flow). */
    private static final class Bail extends RuntimeException {
        private Bail() { super(null, null, false, false); }
    }

    private static final Bail BAIL = new Bail();
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    /** Longer records go to Jackson, whose length limits (strings, names) then apply exactly. */
    private static final int MAX_RECORD_BYTES = 1 << 20;
    /** Deeper nesting goes to Jackson (its own limit is 1000). */
    private static final int MAX_DEPTH = 200;
    private static final double[] POWERS_OF_TEN = new double[23];
    /** The bytes a string holds as they are: ASCII other than the quote, the backslash and control characters. */
    private static final boolean[] PLAIN = new boolean[256];

    static {
        double p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++, p *= 10) POWERS_OF_TEN[i] = p;
        for (int c = 0x20; c < 0x80; c++) PLAIN[c] = c != '"' && c != '\\';
    }

    private static final int STRING = 0, INT = 1, LONG = 2, DOUBLE = 3, BOOLEAN = 4, STRUCT = 5, ARRAY = 6;

    /** One node per parser of the tree, with what the scan needs at hand. */
    private static final class Node {
        final int kind;
        final ColumnParser parser;
        final byte[][] names;   // struct: field names as UTF-8 (null for a field never read)
        final Node[] fields;    // struct
        final int[] seen;       // struct: stamp of the object that set the field
        final long nameLengths; // struct: bit n set when a name read is n < 64 bytes long (longer keys: no filter)
        int stamp;
        final Node element;     // array

        Node(int kind, ColumnParser parser, byte[][] names, Node[] fields, Node element) {
            this.kind = kind;
            this.parser = parser;
            this.names = names;
            this.fields = fields;
            this.seen = fields == null ? null : new int[fields.length];
            long lengths = 0;
            if (names != null) {
                for (byte[] name : names) {
                    if (name != null && name.length < 64) lengths |= 1L << name.length;
                }
            }
            this.nameLengths = lengths;
            this.element = element;
        }

        int find(byte[] b, int start, int length, int expected) {
            if (expected < names.length && matches(names[expected], b, start, length)) return expected;
            // most keys a projection skips differ in length from every name read: one test instead of a loop
            if (length < 64 && (nameLengths & (1L << length)) == 0) return -1;
            for (int f = 0; f < names.length; f++) {
                if (matches(names[f], b, start, length)) return f;
            }
            return -1;
        }

        /** A plain loop: keys are short, and the intrinsic behind Arrays.equals costs more to set up. */
        private static boolean matches(byte[] name, byte[] b, int start, int length) {
            if (name == null || name.length != length) return false;
            for (int i = 0; i < length; i++) {
                if (name[i] != b[start + i]) return false;
            }
            return true;
        }

        int nextStamp() {
            if (++stamp == 0) {
                Arrays.fill(seen, 0);
                stamp = 1;
            }
            return stamp;
        }
    }

    private final Node root;
    private byte[] b;
    private int pos;
    private int end;
    private long records;
    private long bails;

    private final boolean adaptive;

    private StrictJsonScanner(Node root, boolean adaptive) {
        this.root = root;
        this.adaptive = adaptive;
    }

    /**
     * A scanner for {@code root}'s tree, or null when the tree has a type the fast path does not convert.
     * {@code adaptive}: stop trying when most records bail (tests turn this off to compare every record).
     */
    static StrictJsonScanner forStruct(StructParser root, String ignoredField, boolean adaptive) {
        Node node = compile(root, ignoredField);
        return node == null ? null : new StrictJsonScanner(node, adaptive);
    }

    private static Node compile(ColumnParser parser, String ignoredField) {
        DataType type = parser.type;
        if (parser instanceof StructParser s) {
            StructType st = (StructType) type;
            int n = s.fieldCount();
            byte[][] names = new byte[n][];
            Node[] fields = new Node[n];
            Set<String> distinct = new HashSet<>();
            for (int f = 0; f < n; f++) {
                String name = st.field(f).name();
                if (!distinct.add(name)) return null;   // duplicate names: the Jackson path's lookup rules apply
                fields[f] = compile(s.child(f), null);
                if (fields[f] == null) return null;
                if (!name.equals(ignoredField)) names[f] = name.getBytes(StandardCharsets.UTF_8);
            }
            return new Node(STRUCT, parser, names, fields, null);
        }
        if (parser instanceof ArrayParser a) {
            Node element = compile(a.elements(), null);
            return element == null ? null : new Node(ARRAY, parser, null, null, element);
        }
        int kind;
        if (type instanceof StringType && parser instanceof ScalarParsers.StringParser) kind = STRING;
        else if (type instanceof IntegerType) kind = INT;
        else if (type instanceof LongType) kind = LONG;
        else if (type instanceof DoubleType) kind = DOUBLE;
        else if (type instanceof BooleanType) kind = BOOLEAN;
        else return null;
        return new Node(kind, parser, null, null, null);
    }

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

    private boolean bail(int startRow) {
        bails++;
        root.parser.truncate(startRow);
        return false;
    }

    // ---- values into parsers ----

    /** The object whose '{' was just consumed, as one row of {@code n}. */
    private void readObject(Node n, int depth) {
        if (depth > MAX_DEPTH) throw BAIL;
        int stamp = n.nextStamp();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
        } else {
            int expected = 0;
            while (true) {
                if (peek() != '"') throw BAIL;
                int keyStart = ++pos;
                int keyEnd = scanPlainString();
                if (b[keyEnd] != '"') throw BAIL;   // escaped key: the Jackson path compares decoded names
                pos = keyEnd + 1;
                skipWhitespace();
                if (peek() != ':') throw BAIL;
                pos++;
                skipWhitespace();
                int f = n.find(b, keyStart, keyEnd - keyStart, expected);
                if (f < 0) {
                    skipValue(depth + 1);
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
        Node[] fields = n.fields;
        for (int f = 0; f < fields.length; f++) {
            if (n.seen[f] != stamp) fields[f].parser.appendNull();
        }
        ((StructParser) n.parser).finishRow();
    }

    private void readValue(Node n, int depth) {
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
            case ARRAY:
                if (c != '[') throw BAIL;
                pos++;
                readArray(n, depth);
                return;
            default:
                throw BAIL;
        }
    }

    private void readArray(Node n, int depth) {
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
        int stop = scanPlainString();
        if (b[stop] == '"') {   // no escapes: one copy
            out.appendBytes(b, start, stop - start);
            pos = stop + 1;
            return;
        }
        out.ensureBytes(end - start);   // decoded text is never longer than its JSON form
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
                if (++i >= end) throw BAIL;
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
            if (i >= end) throw BAIL;
        }
    }

    private int escapeEnd;

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

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        throw BAIL;
    }

    /** An integral number within the long range (no fraction or exponent). */
    private long readIntegral() {
        boolean negative = false;
        if (peek() == '-') {
            negative = true;
            pos++;
        }
        int start = pos;
        long v = digits();
        int count = pos - start;
        if (count == 19) {   // the long range ends inside the 19-digit numbers
            long prefix = 0;
            for (int i = start; i < start + 18; i++) prefix = prefix * 10 + (b[i] - '0');
            int last = b[start + 18] - '0';
            if (prefix > 922337203685477580L || (prefix == 922337203685477580L && last > (negative ? 8 : 7))) throw BAIL;
            v = negative ? -(prefix * 10) - last : prefix * 10 + last;
            negative = false;
        } else if (count > 19) {
            throw BAIL;
        }
        endOfNumber();
        if (pos < end && (b[pos] == '.' || b[pos] == 'e' || b[pos] == 'E')) throw BAIL;
        return negative ? -v : v;
    }

    /** Digits at pos (at least one; no leading zero), as a long (exact for up to 18 digits). */
    private long digits() {
        int start = pos;
        if (pos >= end) throw BAIL;
        byte c = b[pos];
        if (c < '0' || c > '9') throw BAIL;
        if (c == '0' && pos + 1 < end && b[pos + 1] >= '0' && b[pos + 1] <= '9') throw BAIL;   // leading zero
        long v = 0;
        while (pos < end && (c = b[pos]) >= '0' && c <= '9') {
            v = v * 10 + (c - '0');
            pos++;
        }
        if (pos - start > 18) v = -1;   // too long to be exact; callers check the count
        return v;
    }

    /**
     * A number as a double, rounded as Java's parser (and Jackson's) round it: exactly when the significand
     * and the power of ten are both exact doubles (Clinger's fast path), else through Double.parseDouble.
     */
    private double readDouble() {
        int start = pos;
        boolean negative = false;
        if (peek() == '-') {
            negative = true;
            pos++;
        }
        int intStart = pos;
        long mantissa = digits();
        int significant = pos - intStart;
        int exponent = 0;
        boolean integral = true;
        if (pos < end && b[pos] == '.') {
            integral = false;
            pos++;
            int fracStart = pos;
            byte c;
            while (pos < end && (c = b[pos]) >= '0' && c <= '9') {
                if (significant < 18) mantissa = mantissa * 10 + (c - '0');
                significant++;
                pos++;
            }
            if (pos == fracStart) throw BAIL;
            exponent = -(pos - fracStart);
        }
        if (pos < end && (b[pos] == 'e' || b[pos] == 'E')) {
            integral = false;
            pos++;
            boolean negativeExponent = false;
            if (pos < end && (b[pos] == '+' || b[pos] == '-')) negativeExponent = b[pos++] == '-';
            int expStart = pos;
            int e = 0;
            byte c;
            while (pos < end && (c = b[pos]) >= '0' && c <= '9') {
                if (pos - expStart < 6) e = e * 10 + (c - '0');
                pos++;
            }
            if (pos == expStart) throw BAIL;
            if (pos - expStart >= 6) significant = Integer.MAX_VALUE;   // huge exponent: the slow parse
            exponent += negativeExponent ? -e : e;
        }
        int length = pos - start;
        if (length > 100) throw BAIL;   // Jackson's number-length limit is the Jackson path's business
        endOfNumber();
        if (integral && significant <= 18) {
            return negative ? (double) -mantissa : (double) mantissa;   // as Jackson: (double) of the long ("-0" is 0.0)
        }
        if (significant <= 18 && mantissa < (1L << 53) && exponent >= -22 && exponent <= 22) {
            double m = mantissa;
            double v = exponent >= 0 ? m * POWERS_OF_TEN[exponent] : m / POWERS_OF_TEN[-exponent];
            return negative ? -v : v;
        }
        return Double.parseDouble(new String(b, start, length, StandardCharsets.ISO_8859_1));
    }

    /** A scalar must be followed by a delimiter (Jackson rejects "12x", "nullx"). */
    private void endOfNumber() {
        if (pos >= end) return;
        byte c = b[pos];
        if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t'
                || c == '.' || c == 'e' || c == 'E') return;
        throw BAIL;
    }

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

    private void literal(byte[] word) {
        int n = word.length;
        if (pos + n > end || !Arrays.equals(word, 0, n, b, pos, pos + n)) throw BAIL;
        pos += n;
        if (pos < end) {
            byte c = b[pos];
            if (!(c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t')) throw BAIL;
        }
    }

    // ---- skipping (still checking the syntax) ----

    private void skipValue(int depth) {
        byte c = peek();
        switch (c) {
            case '"':
                pos++;
                skipString();
                return;
            case '{':
                pos++;
                skipObject(depth);
                return;
            case '[':
                pos++;
                skipArray(depth);
                return;
            case 't': literal(TRUE); return;
            case 'f': literal(FALSE); return;
            case 'n': literal(NULL); return;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    skipNumber();
                    return;
                }
                throw BAIL;
        }
    }

    private void skipObject(int depth) {
        if (depth > MAX_DEPTH) throw BAIL;
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return;
        }
        while (true) {
            if (peek() != '"') throw BAIL;
            pos++;
            skipString();
            skipWhitespace();
            if (peek() != ':') throw BAIL;
            pos++;
            skipWhitespace();
            skipValue(depth + 1);
            skipWhitespace();
            byte c = next();
            if (c == ',') {
                skipWhitespace();
                continue;
            }
            if (c == '}') return;
            throw BAIL;
        }
    }

    private void skipArray(int depth) {
        if (depth > MAX_DEPTH) throw BAIL;
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return;
        }
        while (true) {
            skipValue(depth + 1);
            skipWhitespace();
            byte c = next();
            if (c == ',') {
                skipWhitespace();
                continue;
            }
            if (c == ']') return;
            throw BAIL;
        }
    }

    private void skipNumber() {
        int start = pos;
        if (peek() == '-') pos++;
        digits();
        if (pos < end && b[pos] == '.') {
            pos++;
            int fracStart = pos;
            while (pos < end && b[pos] >= '0' && b[pos] <= '9') pos++;
            if (pos == fracStart) throw BAIL;
        }
        if (pos < end && (b[pos] == 'e' || b[pos] == 'E')) {
            pos++;
            if (pos < end && (b[pos] == '+' || b[pos] == '-')) pos++;
            int expStart = pos;
            while (pos < end && b[pos] >= '0' && b[pos] <= '9') pos++;
            if (pos == expStart) throw BAIL;
        }
        if (pos - start > 100) throw BAIL;
        endOfNumber();
    }

    /** Skips the string whose opening quote was just consumed, checking escapes and UTF-8. */
    private void skipString() {
        int i = scanPlainString();
        while (true) {
            int c = b[i];
            if (c == '"') {
                pos = i + 1;
                return;
            }
            if (c == '\\') {
                if (i + 1 >= end) throw BAIL;
                byte e = b[i + 1];
                switch (e) {
                    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
                        i += 2;
                        break;
                    case 'u':
                        if (i + 5 >= end) throw BAIL;
                        hex(b[i + 2]);
                        hex(b[i + 3]);
                        hex(b[i + 4]);
                        hex(b[i + 5]);
                        i += 6;
                        break;
                    default: throw BAIL;
                }
            } else if (c < 0) {
                i = checkUtf8(i);
            } else {
                throw BAIL;
            }
            // after an escape, the next special byte is a few bytes away (see readString): a byte loop
            while (i < end && PLAIN[b[i] & 0xFF]) i++;
            if (i >= end) throw BAIL;
        }
    }

    /**
     * From pos, the index of the first byte that is a quote, a backslash, a control character or not ASCII
     * (8 bytes at a time); end of input bails.
     */
    private int scanPlainString() {
        int i = pos;
        byte[] b = this.b;
        while (i + 8 <= end) {
            long special = specialBytes((long) LONGS.get(b, i));
            if (special != 0) return i + (Long.numberOfTrailingZeros(special) >>> 3);
            i += 8;
        }
        while (i < end) {
            int c = b[i];
            if (c == '"' || c == '\\' || c < 0x20) return i;   // bytes >= 0x80 are negative
            i++;
        }
        throw BAIL;
    }

    /**
     * The high bit of each byte of {@code w} that is a quote, a backslash, a control character or not ASCII;
     * exact for the lowest such byte (higher ones may be flagged falsely after it), which is all callers use.
     */
    private static long specialBytes(long w) {
        long quote = w ^ 0x2222222222222222L;
        long backslash = w ^ 0x5C5C5C5C5C5C5C5CL;
        return (((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash) | ((w - 0x2020202020202020L) & ~w) | w) & HIGHS;
    }

    /** Checks the UTF-8 sequence at {@code b[i]} (a byte >= 0x80): well-formed, shortest form, no surrogates. */
    private int checkUtf8(int i) {
        if (i + 1 >= end) throw BAIL;
        int c = b[i] & 0xFF;
        if (c >= 0xC2 && c <= 0xDF) {
            continuation(i + 1);
            return i + 2;
        }
        if (c >= 0xE0 && c <= 0xEF) {
            int c1 = b[i + 1] & 0xFF;
            if (c == 0xE0 && c1 < 0xA0) throw BAIL;   // overlong
            if (c == 0xED && c1 >= 0xA0) throw BAIL;  // surrogate
            continuation(i + 1);
            continuation(i + 2);
            return i + 3;
        }
        if (c >= 0xF0 && c <= 0xF4) {
            int c1 = b[i + 1] & 0xFF;
            if (c == 0xF0 && c1 < 0x90) throw BAIL;
            if (c == 0xF4 && c1 >= 0x90) throw BAIL;
            continuation(i + 1);
            continuation(i + 2);
            continuation(i + 3);
            return i + 4;
        }
        throw BAIL;
    }

    private void continuation(int i) {
        if (i >= end || (b[i] & 0xC0) != 0x80) throw BAIL;
    }

    // ---- bytes ----

    private void skipWhitespace() {
        while (pos < end) {
            byte c = b[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
            pos++;
        }
    }

    private byte peek() {
        if (pos >= end) throw BAIL;
        return b[pos];
    }

    private byte next() {
        if (pos >= end) throw BAIL;
        return b[pos++];
    }
}
