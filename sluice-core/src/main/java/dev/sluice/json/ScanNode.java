package dev.sluice.json;

import dev.sluice.types.BooleanType;
import dev.sluice.types.DataType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.StringType;
import dev.sluice.types.StructType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * One node per parser of a tree, with what the JSON fast paths ({@link StrictJsonScanner}, {@link EscapedJsonScanner})
 * need at hand: the kind of value, and for structs the field names as UTF-8 bytes.
 */
final class ScanNode {
    static final int STRING = 0, INT = 1, LONG = 2, DOUBLE = 3, BOOLEAN = 4, STRUCT = 5, ARRAY = 6;
    /** A top-level string column that only from_json reads: its document is parsed while the line is read. */
    static final int FUSED = 7;
    /** Key positions of an object that remember the key last seen there ({@link #keys}). */
    static final int KEY_SLOTS = 32;

    final int kind;
    final ColumnParser parser;
    final byte[][] names;   // struct: field names as UTF-8 (null for a field never read)
    final ScanNode[] fields;    // struct
    final int[] seen;       // struct: stamp of the object that set the field
    final long nameLengths; // struct: bit n set when a name read is n < 64 bytes long (longer keys: no filter)
    int stamp;
    final ScanNode element;     // array
    final FusedFromJson fused;  // fused: the from_json the column's text goes to
    /** struct: by key position in the object (the first {@link #KEY_SLOTS}), the key last seen there and its field. */
    final KeyMemo keys;

    ScanNode(int kind, ColumnParser parser, byte[][] names, ScanNode[] fields, ScanNode element) {
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
        this.fused = null;
        this.keys = fields == null ? null : new KeyMemo(KEY_SLOTS);
    }

    /** A fused string column. */
    ScanNode(ColumnParser parser, FusedFromJson fused) {
        this.kind = FUSED;
        this.parser = parser;
        this.names = null;
        this.fields = null;
        this.seen = null;
        this.nameLengths = 0;
        this.element = null;
        this.fused = fused;
        this.keys = null;
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

    /** The key memos of this node's tree, in a fixed order (the node's own, then its fields' and element's). */
    void collectKeyMemos(java.util.List<KeyMemo> out) {
        if (keys != null) out.add(keys);
        if (fields != null) {
            for (ScanNode field : fields) field.collectKeyMemos(out);
        }
        if (element != null) element.collectKeyMemos(out);
    }

    /**
     * The string columns of this node's tree that the scanners write into, in a fixed order ({@link LearntKeys}: their
     * buffers' sizes go to the readers of later splits).
     */
    void collectStrings(java.util.List<ScalarParsers.StringParser> out) {
        if ((kind == STRING || kind == FUSED) && parser instanceof ScalarParsers.StringParser s) out.add(s);
        if (fields != null) {
            for (ScanNode field : fields) field.collectStrings(out);
        }
        if (element != null) element.collectStrings(out);
    }

    int nextStamp() {
        if (++stamp == 0) {
            Arrays.fill(seen, 0);
            stamp = 1;
        }
        return stamp;
    }

    /** The nodes of {@code parser}'s tree, or null when it has a type the fast paths do not convert. */
    static ScanNode compile(ColumnParser parser, String ignoredField) { return compile(parser, ignoredField, null); }

    /**
     * As {@link #compile(ColumnParser, String)}, with {@code fused}: for a record's fields by index, the from_json a
     * string field's text goes to (null entries, or a null array, for plain fields).
     */
    static ScanNode compile(ColumnParser parser, String ignoredField, FusedFromJson[] fused) {
        DataType type = parser.type;
        if (parser instanceof StructParser s) {
            StructType st = (StructType) type;
            int n = s.fieldCount();
            byte[][] names = new byte[n][];
            ScanNode[] fields = new ScanNode[n];
            Set<String> distinct = new HashSet<>();
            for (int f = 0; f < n; f++) {
                String name = st.field(f).name();
                if (!distinct.add(name)) return null;   // duplicate names: the Jackson path's lookup rules apply
                fields[f] = fused != null && fused[f] != null && s.child(f) instanceof ScalarParsers.StringParser
                        ? new ScanNode(s.child(f), fused[f]) : compile(s.child(f), null);
                if (fields[f] == null) return null;
                if (!name.equals(ignoredField)) names[f] = name.getBytes(StandardCharsets.UTF_8);
            }
            return new ScanNode(STRUCT, parser, names, fields, null);
        }
        if (parser instanceof ArrayParser a) {
            ScanNode element = compile(a.elements(), null);
            return element == null ? null : new ScanNode(ARRAY, parser, null, null, element);
        }
        int kind;
        if (type instanceof StringType && parser instanceof ScalarParsers.StringParser) kind = STRING;
        else if (type instanceof IntegerType) kind = INT;
        else if (type instanceof LongType) kind = LONG;
        else if (type instanceof DoubleType) kind = DOUBLE;
        else if (type instanceof BooleanType) kind = BOOLEAN;
        else return null;
        return new ScanNode(kind, parser, null, null, null);
    }
}
