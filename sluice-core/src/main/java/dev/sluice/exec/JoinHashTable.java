package dev.sluice.exec;

import dev.sluice.expr.BoundColumn;
import dev.sluice.expr.Expression;
import dev.sluice.expr.ValueComparator;
import dev.sluice.expr.ValueHasher;
import dev.sluice.memory.Reservation;
import dev.sluice.types.DataType;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.BatchSizes;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.Arrays;
import java.util.List;

/**
 * The build side of a hash join: every build row copied into flat column vectors, chained by the hash of its
 * join keys. Rows with a NULL in a key that is not null-safe are kept (an outer join may emit them) but never
 * chained, so they never match. Chains list rows in build order, so probing is deterministic. With no keys
 * every row is in one chain: probing is then a nested loop. Memory is reserved before it is used.
 */
final class JoinHashTable {
    private static final long BYTES_PER_ROW = 8 + 4 + 4;   // hash, next link, bucket head (at load factor 1/2)

    private final FlatVector[] columns;
    private final FlatVector[] keys;
    private final DataType[] keyTypes;
    private final boolean[] nullSafe;
    private final int rows;
    private final long[] hashes;
    private final int[] next;    // row -> next row in its chain + 1 (0 = end)
    private final int[] heads;   // bucket -> first row + 1 (0 = empty)
    private final int mask;
    private final boolean[] matched;
    /** The build columns when they are lent (a grace pair's: the next pair refills them), else null. */
    private final Columns lent;

    /**
     * The chain arrays of a table that nothing reads any more (the previous pair of a grace join), for the next
     * table to reuse when they are large enough: a table lives as long as its probe side streams through it, so new
     * arrays for every pair became old-generation garbage at a small heap. Columns are never reused: a join's output
     * batches are views of them.
     */
    record Chains(long[] hashes, int[] next, int[] heads, boolean[] matched) {}

    /** This table's chain arrays, for the next table once this one is no longer read. */
    Chains chains() { return new Chains(hashes, next, heads, matched); }

    /**
     * A table's build columns (and key vectors that are not columns) for the next table of a grace join to empty
     * and refill: {@code rows} is how many rows they were filled with. At a small heap, new columns for every
     * pair outlived young collections (the probe side streams through them) and died in the old generation: M4
     * at 10M rows took about 18 full collections in its join phase, one per megabytes of pairs.
     */
    record Columns(FlatVector[] columns, FlatVector[] keys, int rows) {}

    /** This table's columns, for the next table once this one is no longer read; null when they are not lent. */
    Columns lentColumns() { return lent; }

    private JoinHashTable(FlatVector[] columns, FlatVector[] keys, DataType[] keyTypes, boolean[] nullSafe, int rows,
                          boolean trackMatches, Chains recycled, boolean lend) {
        this.columns = columns;
        this.lent = lend ? new Columns(columns, keys, rows) : null;
        this.keys = keys;
        this.keyTypes = keyTypes;
        this.nullSafe = nullSafe;
        this.rows = rows;
        int buckets = Integer.highestOneBit(Math.max(1, rows) * 2 - 1) << 1;
        // a recycled hashes array may hold stale values for rows with a NULL key: those are never chained or compared
        this.hashes = recycled != null && recycled.hashes().length >= rows ? recycled.hashes() : new long[rows];
        this.next = recycled != null && recycled.next().length >= rows ? recycled.next() : new int[rows];
        if (recycled != null && recycled.heads().length >= buckets) {
            this.heads = recycled.heads();
            Arrays.fill(heads, 0, buckets, 0);
        } else {
            this.heads = new int[buckets];
        }
        this.mask = buckets - 1;
        if (!trackMatches) {
            this.matched = null;
        } else if (recycled != null && recycled.matched() != null && recycled.matched().length >= rows) {
            this.matched = recycled.matched();
            Arrays.fill(matched, 0, rows, false);
        } else {
            this.matched = new boolean[rows];
        }
        for (int r = rows - 1; r >= 0; r--) {   // backwards, so each chain lists its rows in build order
            if (hasNullKey(keys, r, nullSafe)) continue;
            long h = ValueHasher.hashRow(keyTypes, keys, r);
            hashes[r] = h;
            int b = (int) (TableHash.scramble(h) & mask);
            next[r] = heads[b];
            heads[b] = r + 1;
        }
    }

    int rowCount() { return rows; }

    ColumnVector column(int c) { return columns[c]; }

    /**
     * Build column {@code c} at rows {@code ids[0, count)}, for an output batch: a view of the table's column, or a
     * copy when the columns are lent (a later table refills them while a consumer may still hold the batch).
     */
    ColumnVector output(int c, int[] ids, int count) {
        return lent == null ? columns[c].select(ids, count) : Vectors.gather(columns[c], ids, count);
    }

    /** True when {@code row} has a NULL in a key compared with {@code =} (it can match nothing). */
    static boolean hasNullKey(ColumnVector[] keys, int row, boolean[] nullSafe) {
        for (int k = 0; k < keys.length; k++) if (!nullSafe[k] && keys[k].isNull(row)) return true;
        return false;
    }

    /**
     * For each probe row {@code r < count} with {@code probing[r]}, the first row of its chain whose hash is
     * {@code hashes[r]} (or -1) into {@code candidates[r]}; {@link #first} then finds the first matching row
     * from there. A loop of its own, whose loads (bucket head, then the row's hash) do not depend on the previous
     * row's: the processor overlaps their cache misses across rows, where a probe row at a time waited for each
     * (a grace pair's table is larger than the caches, so nearly every probe missed twice before its key compare).
     */
    void candidates(long[] hashes, boolean[] probing, int count, int[] candidates) {
        long[] own = this.hashes;
        int[] heads = this.heads, next = this.next;
        int mask = this.mask;
        for (int r = 0; r < count; r++) {
            if (!probing[r]) {
                candidates[r] = -1;
                continue;
            }
            long h = hashes[r];
            int c = heads[(int) (TableHash.scramble(h) & mask)] - 1;
            while (c >= 0 && own[c] != h) c = next[c] - 1;
            candidates[r] = c;
        }
    }

    /** The first build row matching probe row {@code row} (keys {@code probe}, hash {@code h}), or -1, from its {@link #candidates} entry. */
    int first(int candidate, ColumnVector[] probe, int row, long h) { return scan(candidate, probe, row, h); }

    /** The build row after {@code buildRow} in its chain matching the same probe row, or -1. */
    int next(int buildRow, ColumnVector[] probe, int row, long h) {
        return scan(next[buildRow] - 1, probe, row, h);
    }

    private int scan(int candidate, ColumnVector[] probe, int row, long h) {
        for (int c = candidate; c >= 0; c = next[c] - 1) {
            if (hashes[c] == h && keysEqual(c, probe, row)) return c;
        }
        return -1;
    }

    private boolean keysEqual(int buildRow, ColumnVector[] probe, int row) {
        for (int k = 0; k < keys.length; k++) {
            boolean pn = probe[k].isNull(row), bn = keys[k].isNull(buildRow);
            if (pn || bn) {
                if (pn != bn || !nullSafe[k]) return false;
                continue;
            }
            if (ValueComparator.compare(keyTypes[k], probe[k], row, keys[k], buildRow) != 0) return false;
        }
        return true;
    }

    void markMatched(int buildRow) { matched[buildRow] = true; }

    boolean isMatched(int buildRow) { return matched[buildRow]; }

    /** Collects build batches (copying them) and then builds the table. */
    static final class Builder {
        private final List<Expression> keyExprs;
        private final boolean[] nullSafe;
        private final Reservation reservation;
        private final FlatVector[] columns;
        private final FlatVector[] keys;
        private final DataType[] keyTypes;
        private final boolean[] keyIsColumn;   // the key is a column of the row: its vector is shared, not copied again
        private final long expectedRows;
        private Columns spare;   // a finished table's lent columns, to refill instead of allocating (null: none)
        private long prepaid;   // reserved ahead for the expected rows, not yet taken by a batch
        private int rows;

        /** {@code keyExprs} are bound to {@code schema}; {@code reservation} pays for what is buffered. */
        Builder(StructType schema, List<Expression> keyExprs, boolean[] nullSafe, Reservation reservation) {
            this(schema, keyExprs, nullSafe, reservation, 0);
        }

        /**
         * As above, for about {@code expectedRows} rows (0: unknown; a grace pair knows its build file's rows): the
         * columns are sized for them from the first batch instead of growing by doubling.
         */
        Builder(StructType schema, List<Expression> keyExprs, boolean[] nullSafe, Reservation reservation, long expectedRows) {
            this(schema, keyExprs, nullSafe, reservation, expectedRows, null);
        }

        /**
         * As above, refilling {@code spare} (the lent columns of a table no longer read; null: none) instead of
         * allocating columns, when the expected rows are granted at once and they were filled with at most twice
         * as many rows (what is reserved counts twice the rows' size).
         */
        Builder(StructType schema, List<Expression> keyExprs, boolean[] nullSafe, Reservation reservation, long expectedRows,
                Columns spare) {
            this.expectedRows = expectedRows;
            this.spare = spare;
            this.keyExprs = keyExprs;
            this.nullSafe = nullSafe;
            this.reservation = reservation;
            this.columns = new FlatVector[schema.size()];
            for (int c = 0; c < columns.length; c++) columns[c] = Vectors.allocate(schema.field(c).dataType(), 64);
            this.keys = new FlatVector[keyExprs.size()];
            this.keyTypes = new DataType[keyExprs.size()];
            this.keyIsColumn = new boolean[keyExprs.size()];
            for (int k = 0; k < keys.length; k++) {
                keyTypes[k] = keyExprs.get(k).dataType();
                if (keyExprs.get(k) instanceof BoundColumn ref && ref.index() < columns.length
                        && schema.field(ref.index()).dataType().equals(keyTypes[k])) {
                    keys[k] = columns[ref.index()];
                    keyIsColumn[k] = true;
                } else {
                    keys[k] = Vectors.allocate(keyTypes[k], 64);
                }
            }
        }

        void add(Batch batch) { add(batch, Grant.FORCE); }

        /** Adds the batch if the pool grants its memory; false (nothing added) when the caller should spill. */
        boolean tryAdd(Batch batch) { return add(batch, Grant.TRY); }

        /** As {@link #tryAdd}, but refused at once, without waiting, when the pool has no room now. */
        boolean tryAddNow(Batch batch) { return add(batch, Grant.NOW); }

        private enum Grant { FORCE, TRY, NOW }

        int rows() { return rows; }

        /** The buffered rows as one batch of flat columns. */
        Batch buffered() { return columns.length == 0 ? Batch.ofRowCount(rows) : new Batch(columns, rows); }

        private boolean add(Batch batch, Grant grant) {
            int n = batch.rowCount();
            if (n == 0) return true;
            ColumnVector[] keyValues = new ColumnVector[keys.length];
            int copied = 0;
            for (int k = 0; k < keys.length; k++) {
                if (keyIsColumn[k]) continue;
                keyValues[k] = keyExprs.get(k).evaluate(batch);
                copied++;
            }
            // buffers grow by doubling: what is allocated is up to twice what is used
            long keyBytes = 0;
            if (copied > 0) {
                ColumnVector[] evaluated = new ColumnVector[copied];
                int i = 0;
                for (ColumnVector v : keyValues) if (v != null) evaluated[i++] = v;
                keyBytes = BatchSizes.estimate(new Batch(evaluated, n));
            }
            long bytes = 2 * (BatchSizes.estimate(batch) + keyBytes) + n * BYTES_PER_ROW;
            if (rows == 0 && grant != Grant.FORCE && expectedRows > Math.max(64, n) && expectedRows <= Integer.MAX_VALUE / 2) {
                // the expected rows' memory at once, if the pool grants it now: then the columns are sized for them
                // (never held beyond the reservation); else they grow, and the pair spills or splits as before
                long whole = (long) Math.ceil((double) bytes * expectedRows / n);
                if (reservation.tryGrowNow(whole)) {
                    prepaid = whole;
                    presize(batch, keyValues, (int) expectedRows);
                }
            }
            long paid = Math.min(prepaid, bytes);
            prepaid -= paid;
            bytes -= paid;
            if (bytes > 0) {
                if (grant == Grant.FORCE) reservation.grow(bytes);
                else if (!(grant == Grant.TRY ? reservation.tryGrow(bytes) : reservation.tryGrowNow(bytes))) return false;
            }
            for (int c = 0; c < columns.length; c++) for (int r = 0; r < n; r++) columns[c].appendFrom(batch.column(c), r);
            for (int k = 0; k < keys.length; k++) {
                if (keyIsColumn[k]) continue;
                for (int r = 0; r < n; r++) keys[k].appendFrom(keyValues[k], r);
            }
            rows += n;
            return true;
        }

        /** Replaces the empty columns by ones sized for {@code expected} rows like the first batch's. */
        private void presize(Batch first, ColumnVector[] keyValues, int expected) {
            if (spare != null && spare.rows() <= 2L * expected && spare.columns().length == columns.length) {
                for (int c = 0; c < columns.length; c++) (columns[c] = spare.columns()[c]).clear();
                for (int k = 0; k < keys.length; k++) {
                    keys[k] = keyIsColumn[k] ? columns[((BoundColumn) keyExprs.get(k)).index()] : spare.keys()[k];
                    if (!keyIsColumn[k]) keys[k].clear();
                }
                spare = null;
                return;
            }
            spare = null;
            int n = first.rowCount();
            for (int c = 0; c < columns.length; c++) columns[c] = Vectors.allocateLike(first.column(c), n, expected);
            for (int k = 0; k < keys.length; k++) {
                if (keyIsColumn[k]) keys[k] = columns[((BoundColumn) keyExprs.get(k)).index()];
                else keys[k] = Vectors.allocateLike(keyValues[k], n, expected);
            }
        }

        /** The table; {@code trackMatches} when unmatched build rows must come out at the end (full outer). */
        JoinHashTable finish(boolean trackMatches) { return finish(trackMatches, null); }

        /** As {@link #finish(boolean)}, reusing the chain arrays of a table no longer read ({@code recycled}; null: none). */
        JoinHashTable finish(boolean trackMatches, Chains recycled) { return finish(trackMatches, recycled, false); }

        /**
         * As above; {@code lend}: the table's columns will be refilled by a later table ({@link #lentColumns}), so
         * its output batches copy build values instead of being views of them.
         */
        JoinHashTable finish(boolean trackMatches, Chains recycled, boolean lend) {
            return new JoinHashTable(columns, keys, keyTypes, nullSafe, rows, trackMatches, recycled, lend);
        }
    }
}
