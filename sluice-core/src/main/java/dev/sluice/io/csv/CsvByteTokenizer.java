package dev.sluice.io.csv;

import dev.sluice.io.ByteSearch;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@link CsvTokenizer}'s rules over the UTF-8 bytes of one line, without a String per field: each field is a byte
 * range, in the line itself or (for a quoted value with escapes, which must be rewritten) in a scratch buffer of
 * this tokenizer. The separator, quote and escape must be ASCII ({@link #supports}): then, on valid UTF-8, every
 * comparison of the char tokenizer (a character equal to an ASCII one, a character up to {@code ' '}) gives the
 * same answer on the bytes (the bytes of a multi-byte character are all 0x80 and above), so both tokenizers cut
 * the same fields. Not thread-safe: one per reader.
 */
final class CsvByteTokenizer {
    /** A field with no value: unquoted and empty, or not asked for. */
    static final byte NULL = 0;
    /** A quoted empty field: {@code emptyValue}. */
    static final byte EMPTY = 1;
    /** A byte range of the line. */
    static final byte LINE = 2;
    /** A byte range of {@link #scratch()}. */
    static final byte SCRATCH = 3;

    private final byte[] separator;
    private final byte sep0;
    private final byte quote;
    private final byte escape;
    private final boolean trimLeading;
    private final boolean trimTrailing;

    private byte[] scratch = new byte[256];
    private int scratchSize;
    private byte[] kinds = new byte[16];
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int count;

    CsvByteTokenizer(CsvOptions options) {
        this.separator = options.separator().getBytes(StandardCharsets.UTF_8);
        this.sep0 = separator[0];
        this.quote = (byte) options.quote();
        this.escape = (byte) options.escape();
        this.trimLeading = options.ignoreLeadingWhiteSpace();
        this.trimTrailing = options.ignoreTrailingWhiteSpace();
    }

    /** Whether the options' separator, quote, escape and comment are ASCII, so that bytes can be tokenized as chars. */
    static boolean supports(CsvOptions options) {
        for (char c : options.separator().toCharArray()) if (c >= 0x80) return false;
        return options.quote() < 0x80 && options.escape() < 0x80 && options.comment() < 0x80;
    }

    /**
     * Splits the line {@code b[from, to)} (valid UTF-8); afterwards {@link #count()} fields are available.
     * {@code needed} says which field positions to keep (null: all); others read as {@link #NULL}.
     */
    int tokenize(byte[] b, int from, int to, boolean[] needed) {
        count = 0;
        scratchSize = 0;
        int pos = from;
        while (true) {
            boolean keep = needed == null || (count < needed.length && needed[count]);
            int fieldStart = pos;
            if (trimLeading) {
                while (pos < to && (b[pos] & 0xff) <= ' ' && !separatorAt(b, pos, to)) pos++;
            }
            int next;   // where the next field starts, or -1 at the end of the line
            if (quote != 0 && pos < to && b[pos] == quote) {
                next = quoted(b, fieldStart, pos + 1, to, keep);
            } else {
                int d = indexOfSeparator(b, pos, to);
                int end = d < 0 ? to : d;
                if (keep) {
                    int e = end;
                    if (trimTrailing) while (e > pos && (b[e - 1] & 0xff) <= ' ') e--;
                    if (e == pos) add(NULL, 0, 0);
                    else add(LINE, pos, e);
                } else {
                    add(NULL, 0, 0);
                }
                next = d < 0 ? -1 : d + separator.length;
            }
            if (next < 0) return count;
            pos = next;
            if (pos >= to) {   // a separator at the very end: one more, empty, field
                add(NULL, 0, 0);
                return count;
            }
        }
    }

    /**
     * Reads a quoted field whose content starts at {@code p}; returns where the next field starts, or -1. The bytes
     * between quotes and escapes are found by a word search and, once the value is being rewritten, copied as runs.
     */
    private int quoted(byte[] b, int fieldStart, int p, int to, boolean keep) {
        int contentStart = p;
        int copyFrom = -1;   // in scratch, once the value had to be rewritten (an escape); -1 while it is a range of the line
        while (true) {
            if (copyFrom >= 0 && escape == quote) p = rewriteDoubledQuotes(b, p, to);
            int special = nextQuoteOrEscape(b, p, to);
            if (copyFrom >= 0 && keep) putRun(b, p, special);
            p = special;
            if (p >= to) break;
            byte c = b[p];
            if (c == escape && escape != quote && p + 1 < to && (b[p + 1] == quote || b[p + 1] == escape)) {
                if (keep) {
                    if (copyFrom < 0) copyFrom = startCopy(b, contentStart, p, to);
                    put(b[p + 1]);
                }
                p += 2;
            } else if (c == quote) {
                if (escape == quote && p + 1 < to && b[p + 1] == quote) {
                    if (keep) {
                        if (copyFrom < 0) copyFrom = startCopy(b, contentStart, p, to);
                        put(quote);
                    }
                    p += 2;
                    continue;
                }
                int contentEnd = p;
                p++;
                int q = p;
                while (q < to && (b[q] & 0xff) <= ' ' && !separatorAt(b, q, to)) q++;
                if (q >= to) {
                    addQuoted(keep, contentStart, contentEnd, copyFrom, false);
                    return -1;
                }
                if (separatorAt(b, q, to)) {
                    addQuoted(keep, contentStart, contentEnd, copyFrom, false);
                    return q + separator.length;
                }
                // text after the closing quote: the field is its raw text up to the next separator
                int d = indexOfSeparator(b, q, to);
                int end = d < 0 ? to : d;
                if (keep) {
                    int e = end;
                    if (trimTrailing) while (e > fieldStart && (b[e - 1] & 0xff) <= ' ') e--;
                    scratchSize = copyFrom < 0 ? scratchSize : copyFrom;   // drop what this field copied
                    add(LINE, fieldStart, e);
                } else {
                    add(NULL, 0, 0);
                }
                return d < 0 ? -1 : d + separator.length;
            } else {   // an escape that escapes nothing: itself
                if (copyFrom >= 0 && keep) put(c);
                p++;
            }
        }
        addQuoted(keep, contentStart, to, copyFrom, true);   // no closing quote: the rest of the line is the value
        return -1;
    }

    /**
     * Copies a value being rewritten from {@code p}, each doubled quote as one, up to a quote that is not doubled or
     * the end; returns where it stopped. One pass: CSV's doubled quotes come every few bytes in a quoted JSON text,
     * where a search per run would cost more than the run.
     */
    private int rewriteDoubledQuotes(byte[] b, int p, int to) {
        byte[] out = scratch;
        int o = scratchSize;
        byte q = quote;
        while (p < to) {
            byte c = b[p];
            if (c == q) {
                if (p + 1 < to && b[p + 1] == q) {
                    out[o++] = q;
                    p += 2;
                    continue;
                }
                break;
            }
            out[o++] = c;
            p++;
        }
        scratchSize = o;
        return p;
    }

    /** The first quote or escape in {@code b[from, to)}, or {@code to}: every other byte of a quoted value is itself. */
    private int nextQuoteOrEscape(byte[] b, int from, int to) {
        int i = escape == quote ? ByteSearch.indexOf(b, from, to, quote) : ByteSearch.indexOfEither(b, from, to, quote, escape);
        return i < 0 ? to : i;
    }

    /** A quoted value: emptyValue when empty (unless the quote was left open: then the empty text itself). */
    private void addQuoted(boolean keep, int contentStart, int contentEnd, int copyFrom, boolean open) {
        if (!keep) {
            add(NULL, 0, 0);
        } else if (copyFrom >= 0) {
            add(SCRATCH, copyFrom, scratchSize);
        } else if (contentEnd == contentStart && !open) {
            add(EMPTY, 0, 0);
        } else {
            add(LINE, contentStart, contentEnd);
        }
    }

    /**
     * Copies {@code b[from, to)} to the scratch buffer and makes room for the rest of the value, which is never longer
     * than the rest of the line ({@code lineEnd}): {@link #put} and {@link #putRun} then write without a bounds
     * check of their own. Returns where the value starts there.
     */
    private int startCopy(byte[] b, int from, int to, int lineEnd) {
        int at = scratchSize;
        ensureScratch(lineEnd - from);
        putRun(b, from, to);
        return at;
    }

    private void put(byte c) {
        scratch[scratchSize++] = c;
    }

    private void putRun(byte[] b, int from, int to) {
        System.arraycopy(b, from, scratch, scratchSize, to - from);
        scratchSize += to - from;
    }

    private void ensureScratch(int more) {
        if (scratchSize + more > scratch.length) scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, scratchSize + more));
    }

    private boolean separatorAt(byte[] b, int i, int to) {
        if (b[i] != sep0) return false;
        if (separator.length == 1) return true;
        if (i + separator.length > to) return false;
        for (int k = 1; k < separator.length; k++) if (b[i + k] != separator[k]) return false;
        return true;
    }

    private int indexOfSeparator(byte[] b, int from, int to) {
        byte s = sep0;
        if (separator.length == 1) return ByteSearch.indexOf(b, from, to, s);
        for (int i = from; i < to; i++) if (b[i] == s && separatorAt(b, i, to)) return i;
        return -1;
    }

    private void add(byte kind, int start, int end) {
        if (count == kinds.length) {
            kinds = Arrays.copyOf(kinds, count * 2);
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        kinds[count] = kind;
        starts[count] = start;
        ends[count] = end;
        count++;
    }

    int count() { return count; }

    /** {@link #NULL}, {@link #EMPTY}, {@link #LINE} or {@link #SCRATCH}. */
    byte kind(int i) { return kinds[i]; }

    int start(int i) { return starts[i]; }

    int end(int i) { return ends[i]; }

    /** The buffer of {@link #SCRATCH} fields (valid until the next {@link #tokenize}). */
    byte[] scratch() { return scratch; }

    /** Whether {@code b[from, to)} holds only bytes up to {@code ' '}: as {@link CsvTokenizer#isBlank} on its text. */
    static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if ((b[i] & 0xff) > ' ') return false;
        return true;
    }
}
