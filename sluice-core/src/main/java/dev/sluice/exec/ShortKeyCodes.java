package dev.sluice.exec;

import dev.sluice.types.BinaryType;
import dev.sluice.types.DataType;
import dev.sluice.types.StringType;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.FlatRows;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A cache in front of a {@link GroupTable} whose keys are all strings or binaries: for keys of at most 16 bytes it
 * finds a row's group without hashing or comparing its bytes. Each key column gives its short values dense codes
 * (a value is its length and two 8-byte words, compared exactly; NULL is code 0) in a small table of its own; the
 * row's codes, packed into one long, then index a table of the groups already seen. A row whose tuple of codes is
 * not there yet, or which has a longer key, is left to the group table, which decides its group as always (so group
 * ids and their order are the table's); the tuple is then remembered. With few distinct values per column (Q2: 160
 * groups of a service and a country) both tables stay a few KiB.
 *
 * <p>It is a cache only while it pays: it stops answering (for the rest of the table's input) once a quarter of the
 * rows it was asked about went to the group table without a code or with a new tuple of codes (many distinct values;
 * judged after each batch once {@link #WARM_UP_ROWS} were asked about), at once when a quarter of a batch's rows
 * have no code (long keys: that batch is hashed as before), and a column stops
 * coding new values at {@link #MAX_CODES}. {@link #bytes} counts its arrays for the table's reservation.
 */
final class ShortKeyCodes {
    /** The most key columns whose codes pack into one long (15 bits each). */
    static final int MAX_COLUMNS = 4;
    /** Codes per column, NULL's included: fits 15 bits. */
    static final int MAX_CODES = 1 << 14;
    /** The longest value given a code. */
    static final int MAX_LENGTH = 16;
    /** Rows asked about before the share of misses can switch the codes off. */
    static final int WARM_UP_ROWS = 1024;
    private static final int CODE_BITS = 15;

    private final ColumnCodes[] columns;
    private int[][] batchCodes = new int[0][];
    private long[] batchKeys = new long[0];
    private int[] batchGroups = new int[0];
    private long[] pairKeys = new long[64];
    private int[] pairGroups = new int[64];    // group id + 1; 0 = empty
    private int pairCount;
    private int pairShift = 64 - 6;
    private long asked;
    private long missed;
    private boolean active = true;

    private ShortKeyCodes(int width) {
        columns = new ColumnCodes[width];
        for (int k = 0; k < width; k++) columns[k] = new ColumnCodes();
    }

    /** The codes for keys of {@code types}, or null when some key is not a string or binary or there are too many. */
    static ShortKeyCodes forKeys(DataType[] types) {
        if (types.length == 0 || types.length > MAX_COLUMNS) return null;
        for (DataType t : types) {
            if (!(t instanceof StringType || t instanceof BinaryType)) return null;
        }
        return new ShortKeyCodes(types.length);
    }

    /** False once the codes stopped paying: every row then goes to the group table. */
    boolean active() { return active; }

    /**
     * The group of rows {@code at[0..n)} (rows 0..n-1 when {@code at} is null) where the codes know it, else -1 (the
     * caller asks the group table, then {@link #remember}s); null when a key column's vector did not resolve to bytes.
     */
    int[] lookup(GroupKeyColumn[] keys, int[] at, int n) {
        if (batchCodes.length == 0 || batchCodes[0].length < n) {
            batchCodes = new int[columns.length][Math.max(n, 64)];
        }
        if (batchKeys.length < n) {
            batchKeys = new long[n];
            batchGroups = new int[n];
        }
        for (int k = 0; k < columns.length; k++) {
            if (!columns[k].encode(keys[k], at, n, batchCodes[k])) return null;
        }
        if (findPacked(n) * 4 > n) {   // long keys, or full columns: the batch is hashed as before, and so is the rest
            active = false;
            return null;
        }
        asked += n;
        return batchGroups;
    }

    /** After a batch's misses were {@link #remember}ed: stops the codes when they do not pay. */
    void judge() {
        if (asked >= WARM_UP_ROWS && missed * 4 > asked) active = false;
    }

    /**
     * Packs the columns' codes of each row into one long ({@link #batchKeys}; -1 when some value has no code) and
     * finds its group ({@link #batchGroups}; -1 when not known): one loop for both, a loop fewer to warm up. Returns
     * the rows without a packed key.
     */
    private int findPacked(int n) {
        long[] packed = batchKeys;
        int[] groups = batchGroups;
        int[][] codes = batchCodes;
        int width = columns.length;
        int uncoded = 0;
        for (int j = 0; j < n; j++) {
            long key = 0;
            for (int k = 0; k < width; k++) {
                int c = codes[k][j];
                if (c < 0) {
                    key = -1;
                    break;
                }
                key |= (long) c << (CODE_BITS * k);
            }
            packed[j] = key;
            groups[j] = key < 0 ? -1 : find(key);
            if (key < 0) uncoded++;
        }
        return uncoded;
    }

    /** Records that row {@code j} of the last {@link #lookup} is in {@code group} (nothing when its key has no code). */
    void remember(int j, int group) {
        long key = batchKeys[j];
        if (key >= 0 && find(key) >= 0) return;   // a pair new in this batch, met again
        missed++;
        if (key < 0) return;
        int mask = pairKeys.length - 1;
        int s = slot(key);
        while (pairGroups[s] != 0) s = (s + 1) & mask;
        pairKeys[s] = key;
        pairGroups[s] = group + 1;
        if (++pairCount * 2 > pairKeys.length) growPairs();
    }

    private int find(long key) {
        int mask = pairKeys.length - 1;
        for (int s = slot(key); ; s = (s + 1) & mask) {
            int g = pairGroups[s];
            if (g == 0) return -1;
            if (pairKeys[s] == key) return g - 1;
        }
    }

    private int slot(long key) { return (int) ((key * 0x9E3779B97F4A7C15L) >>> pairShift); }

    private void growPairs() {
        long[] oldKeys = pairKeys;
        int[] oldGroups = pairGroups;
        pairKeys = new long[oldKeys.length * 2];
        pairGroups = new int[oldKeys.length * 2];
        pairShift--;
        int mask = pairKeys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldGroups[i] == 0) continue;
            int s = slot(oldKeys[i]);
            while (pairGroups[s] != 0) s = (s + 1) & mask;
            pairKeys[s] = oldKeys[i];
            pairGroups[s] = oldGroups[i];
        }
    }

    /**
     * Forgets every code and group (the group table was emptied for another grace partition of the same input),
     * keeping the arrays; codes that stopped paying stay stopped.
     */
    void clear() {
        for (ColumnCodes c : columns) c.clear();
        Arrays.fill(pairGroups, 0);
        pairCount = 0;
        asked = 0;
        missed = 0;
    }

    /**
     * The bytes of its tables, for the reservation. The per-batch arrays are not counted, as the group table does not
     * count its per-batch hashes: they are a batch's working space, not state that grows with the groups.
     */
    long bytes() {
        long bytes = pairKeys.length * 12L;
        for (ColumnCodes c : columns) bytes += c.bytes();
        return bytes;
    }

    /** One column's codes: values of at most {@link #MAX_LENGTH} bytes as (length, word, word), code 0 for NULL. */
    static final class ColumnCodes {
        private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
        private int[] slots = new int[32];      // code; 0 = empty (NULL's code 0 is never in a slot)
        private int shift = 64 - 5;
        private int[] lengths = new int[16];    // by code
        private long[] lows = new long[16];
        private long[] highs = new long[16];
        private int next = 1;

        /**
         * {@code out[j]} = the code of row {@code at[j]} (row j when {@code at} is null) of {@code key}'s bound vector,
         * -1 for a value longer than {@link #MAX_LENGTH} or new after {@link #MAX_CODES}; false when the vector did not
         * resolve to bytes.
         */
        boolean encode(GroupKeyColumn key, int[] at, int n, int[] out) {
            FlatRows rows = key.boundRows();
            BytesVector base = key.boundBytes();
            if (base == null) return false;
            byte[] data = base.buffer();
            boolean noNulls = rows.noNulls();
            for (int j = 0; j < n; j++) {
                int p = rows.row(at == null ? j : at[j]);
                if (!noNulls && base.isNull(p)) {
                    out[j] = 0;
                    continue;
                }
                int length = base.bytesLength(p);
                out[j] = length > MAX_LENGTH ? -1 : code(data, base.bytesStart(p), length);
            }
            return true;
        }

        /** The code of the {@code length} (≤ 16) bytes at {@code start}, given one if new and there is room; else -1. */
        int code(byte[] data, int start, int length) {
            long low, high;
            if (start + 16 <= data.length) {
                low = (long) LONGS.get(data, start) & mask(length);
                high = (long) LONGS.get(data, start + 8) & mask(length - 8);
            } else {   // near the end of the buffer: byte by byte
                low = 0;
                high = 0;
                for (int i = 0; i < length; i++) {
                    long b = (data[start + i] & 0xFFL) << ((i & 7) << 3);
                    if (i < 8) low |= b;
                    else high |= b;
                }
            }
            int mask = slots.length - 1;
            for (int s = spread(length, low, high); ; s = (s + 1) & mask) {
                int c = slots[s];
                if (c == 0) return add(s, length, low, high);
                if (lows[c] == low && highs[c] == high && lengths[c] == length) return c;
            }
        }

        /** The low {@code n} bytes of a word (none for n ≤ 0, all for n ≥ 8). */
        private static long mask(int n) {
            if (n >= 8) return -1L;
            return n <= 0 ? 0 : (1L << (n << 3)) - 1;
        }

        private int spread(int length, long low, long high) {
            long h = (low ^ Long.rotateLeft(high, 29) ^ length) * 0x9E3779B97F4A7C15L;
            return (int) (h >>> shift);
        }

        private int add(int slot, int length, long low, long high) {
            if (next == MAX_CODES) return -1;
            int c = next++;
            if (c == lengths.length) {
                lengths = Arrays.copyOf(lengths, c * 2);
                lows = Arrays.copyOf(lows, c * 2);
                highs = Arrays.copyOf(highs, c * 2);
            }
            lengths[c] = length;
            lows[c] = low;
            highs[c] = high;
            slots[slot] = c;
            if (next * 2 > slots.length) rehash();
            return c;
        }

        private void rehash() {
            slots = new int[slots.length * 2];
            shift--;
            int mask = slots.length - 1;
            for (int c = 1; c < next; c++) {
                int s = spread(lengths[c], lows[c], highs[c]);
                while (slots[s] != 0) s = (s + 1) & mask;
                slots[s] = c;
            }
        }

        void clear() {
            Arrays.fill(slots, 0);
            next = 1;
        }

        long bytes() { return slots.length * 4L + lengths.length * 20L; }
    }
}
