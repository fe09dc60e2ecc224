package dev.sluice.expr;

import dev.sluice.error.SluiceException;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.IntVector;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Vectorized implementations of {@link StringFunction.Kind}, with Spark's semantics, working on the UTF-8
 * bytes: characters are code points, counted as Spark's UTF8String counts them (by each lead byte's
 * sequence length); lower/upper take an ASCII fast path and otherwise Java's locale-independent case mapping
 * ({@code upper('ß')} = {@code SS}); trim removes only the space character. Any NULL argument gives NULL.
 */
final class StringKernels {
    private StringKernels() {}

    static ColumnVector evaluate(StringFunction.Kind kind, ColumnVector[] args, int rows) {
        switch (kind) {
            case LOWER: return caseMap(args[0], rows, false);
            case UPPER: return caseMap(args[0], rows, true);
            case LENGTH: return length(args[0], rows);
            case SUBSTRING: return substring(args[0], args[1], args[2], rows);
            case CONCAT: return concat(args, rows);
            case TRIM: return trim(args[0], rows, true, true);
            case LTRIM: return trim(args[0], rows, true, false);
            case RTRIM: return trim(args[0], rows, false, true);
            default: throw SluiceException.internal("string function " + kind.sqlName() + " has no kernel");
        }
    }

    private static BytesVector strings(int rows) { return new BytesVector(DataTypes.STRING, rows); }

    private static ColumnVector caseMap(ColumnVector in, int rows, boolean upper) {
        BytesVector out = strings(rows);
        for (int i = 0; i < rows; i++) {
            if (in.isNull(i)) {
                out.appendNull();
                continue;
            }
            byte[] b = in.bytesArray(i);
            int start = in.bytesStart(i), len = in.bytesLength(i);
            if (isAscii(b, start, len)) {
                out.reserve(len);
                byte[] dst = out.buffer();
                int pos = out.writePosition();
                for (int k = 0; k < len; k++) {
                    byte c = b[start + k];
                    if (upper && c >= 'a' && c <= 'z') c -= 32;
                    else if (!upper && c >= 'A' && c <= 'Z') c += 32;
                    dst[pos + k] = c;
                }
                out.commit(len);
            } else {
                String s = new String(b, start, len, StandardCharsets.UTF_8);
                out.append(upper ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static boolean isAscii(byte[] b, int start, int len) {
        for (int k = start, end = start + len; k < end; k++) if (b[k] < 0) return false;
        return true;
    }

    private static ColumnVector length(ColumnVector in, int rows) {
        IntVector out = new IntVector(DataTypes.INT, rows);
        for (int i = 0; i < rows; i++) {
            if (in.isNull(i)) out.appendNull();
            else out.append(numChars(in.bytesArray(i), in.bytesStart(i), in.bytesLength(i)));
        }
        return out;
    }

    /** Bytes in the UTF-8 sequence a lead byte starts; a byte no sequence can start with counts as one. */
    static int sequenceLength(byte lead) {
        int u = lead & 0xFF;
        if (u < 0xC2) return 1;   // ASCII, stray continuation bytes and the overlong leads C0/C1
        if (u < 0xE0) return 2;
        if (u < 0xF0) return 3;
        if (u < 0xF5) return 4;
        return 1;
    }

    static int numChars(byte[] b, int start, int len) {
        int count = 0;
        for (int k = start, end = start + len; k < end; k += sequenceLength(b[k])) count++;
        return count;
    }

    /** Byte offset, from {@code start}, of character {@code chars} (clipped at the end). */
    private static int byteOffsetOfChar(byte[] b, int start, int len, int chars) {
        int k = 0, c = 0;
        while (k < len && c < chars) {
            k += sequenceLength(b[start + k]);
            c++;
        }
        return Math.min(k, len);
    }

    /**
     * Spark's substringSQL: positions are 1-based, 0 means 1, a negative position counts from the end; the
     * result is characters {@code [start, start + length)} clipped to the string, empty when that is empty.
     */
    private static ColumnVector substring(ColumnVector str, ColumnVector pos, ColumnVector length, int rows) {
        BytesVector out = strings(rows);
        for (int i = 0; i < rows; i++) {
            if (str.isNull(i) || pos.isNull(i) || length.isNull(i)) {
                out.appendNull();
                continue;
            }
            byte[] b = str.bytesArray(i);
            int s = str.bytesStart(i), len = str.bytesLength(i);
            int p = pos.getInt(i), l = length.getInt(i);
            boolean ascii = isAscii(b, s, len);
            int chars = ascii ? len : numChars(b, s, len);
            long start = p > 0 ? p - 1L : (p < 0 ? (long) chars + p : 0L);
            long end = Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, start + l));
            start = Math.max(start, 0);
            if (start >= end || start >= chars) {
                out.append(b, s, 0);
                continue;
            }
            int from = (int) start, to = (int) Math.min(end, chars);
            int byteFrom = ascii ? from : byteOffsetOfChar(b, s, len, from);
            int byteTo = ascii ? to : byteOffsetOfChar(b, s, len, to);
            out.append(b, s + byteFrom, byteTo - byteFrom);
        }
        return out;
    }

    private static ColumnVector concat(ColumnVector[] args, int rows) {
        BytesVector out = strings(rows);
        for (int i = 0; i < rows; i++) {
            boolean anyNull = false;
            int total = 0;
            for (ColumnVector a : args) {
                if (a.isNull(i)) {
                    anyNull = true;
                    break;
                }
                total += a.bytesLength(i);
            }
            if (anyNull) {
                out.appendNull();
                continue;
            }
            out.reserve(total);
            byte[] dst = out.buffer();
            int pos = out.writePosition();
            for (ColumnVector a : args) {
                int len = a.bytesLength(i);
                System.arraycopy(a.bytesArray(i), a.bytesStart(i), dst, pos, len);
                pos += len;
            }
            out.commit(total);
        }
        return out;
    }

    private static FlatVector trim(ColumnVector in, int rows, boolean left, boolean right) {
        BytesVector out = strings(rows);
        for (int i = 0; i < rows; i++) {
            if (in.isNull(i)) {
                out.appendNull();
                continue;
            }
            byte[] b = in.bytesArray(i);
            int s = in.bytesStart(i), e = s + in.bytesLength(i);
            if (left) while (s < e && b[s] == ' ') s++;
            if (right) while (e > s && b[e - 1] == ' ') e--;
            out.append(b, s, e - s);
        }
        return out;
    }
}
