package dev.sluice.exec;

import dev.sluice.expr.SortOrder;
import dev.sluice.memory.Reservation;
import dev.sluice.memory.SpillListener;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.BatchSizes;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * Buffers one partition's rows (copied into flat vectors, reserved from the memory pool) with their key
 * values, then sorts row ids stably. With a limit (top-N) it keeps at most about twice the limit: when the
 * buffer grows past that, it sorts and keeps the first {@code limit} rows. Without a limit, when the
 * reservation is refused it sorts what it holds, writes it to a spill file as a {@link SpilledRun}, gives
 * the memory back and starts a new run; the caller merges the spilled runs and the last one.
 */
final class RunBuilder {
    /**
     * The order array and the sort's buffer. The keys' prefixes ({@link KeyPrefixes}, 16 bytes a row) are not charged:
     * charging them made M3's runs smaller and cost more CPU and full collections than it saved (docs/benchmark.md).
     */
    private static final int ORDER_BYTES_PER_ROW = 8;
    /** Buffers grow by doubling: what is allocated is up to twice what is used. */
    private static final int CAPACITY_FACTOR = 2;

    private final StructType schema;
    private final List<SortOrder> orders;
    private final RowOrdering ordering;
    private final Reservation reservation;
    private final long limit;
    private final SpillListener spillListener;
    private final long blockBytes;
    private final List<SpilledRun> spilled = new ArrayList<>();
    private final int[] keyColumn;   // per key: the row's column it is (its vector is shared, not copied), or -1
    private FlatVector[] columns;
    private FlatVector[] keys;
    private int rows;
    /** What the buffered rows' batches were charged for their data (before the order array): see {@link #add}. */
    private long dataCharged;
    /**
     * The reservation kept for the buffers of the last spilled run, emptied and refilled by the next run: a run's
     * buffers live longer than a young collection, so new ones for every run (grown by doubling) became
     * old-generation garbage, most of M3's full collections at {@code -Xmx64m}. 0 when they were given back.
     */
    private long retained;
    private int[] identity = new int[0];

    /** {@code orders} are bound to the input's columns; {@code limit} < 0 keeps every row. */
    RunBuilder(StructType schema, List<SortOrder> orders, RowOrdering ordering, Reservation reservation, long limit) {
        this(schema, orders, ordering, reservation, limit, SpillListener.NONE);
    }

    RunBuilder(StructType schema, List<SortOrder> orders, RowOrdering ordering, Reservation reservation, long limit,
               SpillListener spillListener) {
        this(schema, orders, ordering, reservation, limit, spillListener, null);
    }

    /**
     * As above, refilling {@code buffers} (another task's, handed on by {@link #finishToDisk}), whose bytes
     * {@code reservation} already holds ({@link Reservation#transferTo}); given back if they do not suit.
     */
    RunBuilder(StructType schema, List<SortOrder> orders, RowOrdering ordering, Reservation reservation, long limit,
               SpillListener spillListener, Buffers buffers) {
        this.blockBytes = MergeReaders.blockBytes(reservation.budget());
        this.spillListener = spillListener;
        this.schema = schema;
        this.orders = orders;
        this.ordering = ordering;
        this.reservation = reservation;
        this.limit = limit;
        this.keyColumn = new int[orders.size()];
        for (int k = 0; k < keyColumn.length; k++) {
            keyColumn[k] = orders.get(k).child() instanceof dev.sluice.expr.BoundColumn ref && ref.index() < schema.size()
                    && schema.field(ref.index()).dataType().equals(orders.get(k).dataType()) ? ref.index() : -1;
        }
        if (buffers != null && limit < 0 && buffers.columns().length == schema.size()) {
            columns = buffers.columns();
            keys = buffers.keys();
            retained = buffers.bytes();
        } else {
            if (buffers != null) reservation.shrink(buffers.bytes());
            reset(64);
        }
    }

    /** A run's emptied buffers and the bytes their reservation held, handed from one task's builder to the next. */
    record Buffers(FlatVector[] columns, FlatVector[] keys, long bytes) {}

    private void reset(int capacity) {
        columns = new FlatVector[schema.size()];
        for (int c = 0; c < columns.length; c++) columns[c] = Vectors.allocate(schema.field(c).dataType(), capacity);
        keys = new FlatVector[orders.size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = keyColumn[k] >= 0 ? columns[keyColumn[k]] : Vectors.allocate(orders.get(k).dataType(), capacity);
        }
        rows = 0;
        dataCharged = 0;
    }

    void add(Batch batch) {
        int n = batch.rowCount();
        if (n == 0) return;
        ColumnVector[] keyValues = new ColumnVector[keys.length];
        for (int k = 0; k < keys.length; k++) keyValues[k] = orders.get(k).evaluate(batch);
        long data = CAPACITY_FACTOR * (BatchSizes.estimate(batch) + copiedKeyBytes(keyValues, n));
        if (!reservation.tryGrow(growth(data, n))) {
            if (limit >= 0) {
                reservation.grow(growth(data, n));   // a top-N buffer stays small: it never spills
            } else {
                if (rows > 0) spill();
                if (!reservation.tryGrow(growth(data, n))) {
                    releaseRetained();
                    if (!reservation.tryGrow(growth(data, n))) {
                        spillAlone(batch, keyValues);   // not even this batch fits beside the others: it is a run of its own
                        return;
                    }
                }
            }
        }
        dataCharged += data;
        int[] ids = identity(n);   // whole batches, copied a column at a time from the flat vectors under any views
        for (int c = 0; c < columns.length; c++) columns[c].appendRows(batch.column(c), ids, 0, n);
        for (int k = 0; k < keys.length; k++) {
            if (keyColumn[k] >= 0) continue;   // appended with its column
            keys[k].appendRows(keyValues[k], ids, 0, n);
        }
        rows += n;
        if (limit >= 0 && rows > Math.max(2 * limit, 1024)) truncateToLimit();
    }

    /** Row ids {@code 0 .. n-1} (at least), grown as batches need. */
    private int[] identity(int n) {
        if (identity.length < n) {
            identity = new int[Math.max(n, 2 * identity.length)];
            for (int i = 0; i < identity.length; i++) identity[i] = i;
        }
        return identity;
    }

    /**
     * What adding {@code n} rows whose data is charged {@code data} bytes reserves on top of what the reservation
     * holds: the data beyond the retained buffers' bytes (the reservation holds the larger of the two), and the
     * order array's bytes, always (so every batch asks the pool, and a request to spill is seen at once).
     */
    private long growth(long data, int n) {
        long covered = Math.max(retained, dataCharged);
        return Math.max(0, dataCharged + data - covered) + (long) n * ORDER_BYTES_PER_ROW;
    }

    /** The estimated size of the key values that are copied (keys that are columns of the row share their vector). */
    private long copiedKeyBytes(ColumnVector[] keyValues, int n) {
        int copied = 0;
        for (int k : keyColumn) if (k < 0) copied++;
        if (copied == 0) return 0;
        ColumnVector[] evaluated = new ColumnVector[copied];
        int i = 0;
        for (int k = 0; k < keyValues.length; k++) if (keyColumn[k] < 0) evaluated[i++] = keyValues[k];
        return BatchSizes.estimate(new Batch(evaluated, n));
    }

    /** Keeps the first {@code limit} rows in sorted order, giving the rest of the memory back. */
    private void truncateToLimit() {
        int[] order = sortedOrder();
        int keep = (int) Math.min(limit, rows);
        FlatVector[] oldColumns = columns, oldKeys = keys;
        long before = reservation.bytes();
        reset(Math.max(keep, 4));
        for (int i = 0; i < keep; i++) {
            int r = order[i];
            for (int c = 0; c < columns.length; c++) columns[c].appendFrom(oldColumns[c], r);
            for (int k = 0; k < keys.length; k++) if (keyColumn[k] < 0) keys[k].appendFrom(oldKeys[k], r);
        }
        rows = keep;
        dataCharged = CAPACITY_FACTOR * (BatchSizes.estimate(new Batch(columns, keep)) + copiedKeyBytes(keys, keep));
        long kept = dataCharged + (long) keep * ORDER_BYTES_PER_ROW;
        reservation.shrink(before - kept);
    }

    private int[] sortedOrder() { return sortedOrder(keys, rows, ordering.prefixes(keys, rows)); }

    /** Row ids {@code [0, rows)} stably sorted by {@code keys}, comparing the keys' prefixes (if any) first. */
    private int[] sortedOrder(ColumnVector[] k, int rows, KeyPrefixes prefix) {
        if (prefix == null) {
            int[] order = new int[rows];
            for (int i = 0; i < rows; i++) order[i] = i;
            IntSorter.sort(order, 0, rows, (a, b) -> ordering.compare(k, a, k, b));
            return order;
        }
        // sorted by the first prefixes (a radix sort of the longs); only equal ones compare the second prefix and
        // then the ordering
        long[] second = prefix.firstExact() ? prefix.second() : null;
        return PrefixSorter.sortedOrder(prefix.first(), rows, (a, b) -> {
            long x, y;
            if (second != null && (x = second[a]) != (y = second[b])) return x < y ? -1 : 1;
            return ordering.compare(prefix, k, a, prefix, k, b);
        });
    }

    /** Sorts the buffered rows into a spill file and starts over with an empty buffer. */
    private void spill() {
        int[] order = sortedOrder();
        var file = reservation.spills().newFile("sort-run", spillListener).storeUncompressed();
        try {
            spilled.add(SpilledRun.write(file, schema, columns, keys, orders, order, rows, blockBytes, 0));
        } catch (RuntimeException | Error e) {
            file.delete();
            throw e;
        }
        // keep the buffers for the next run when the pool lets this task keep their reservation (nobody waits for
        // memory, within its share); else give them back
        long keep = Math.max(retained, dataCharged);
        rows = 0;
        dataCharged = 0;
        if (reservation.shrinkRetaining(keep)) {
            retained = keep;
            for (FlatVector c : columns) c.clear();
            for (int k = 0; k < keys.length; k++) if (keyColumn[k] < 0) keys[k].clear();
        } else {
            retained = 0;
            reset(64);
        }
    }

    /** Gives back the buffers kept from the last spilled run (the pool refused even a batch beside them). */
    private void releaseRetained() {
        if (retained == 0 || rows > 0) return;
        retained = 0;
        reset(64);
        reservation.shrink(reservation.bytes());
    }

    /** Sorts one batch on its own and writes it as a run (it is in memory already; nothing more is reserved). */
    private void spillAlone(Batch batch, ColumnVector[] keyValues) {
        int n = batch.rowCount();
        int[] order = sortedOrder(keyValues, n, ordering.prefixes(keyValues, n));
        var file = reservation.spills().newFile("sort-run", spillListener).storeUncompressed();
        try {
            SpilledRun run = SpilledRun.write(file, schema, batch.columns(), keyValues, orders, order, n, blockBytes, 0);
            spilled.add(run);
        } catch (RuntimeException | Error e) {
            file.delete();
            throw e;
        }
    }

    /** The runs written to disk so far, in the order they were cut (each before the rows added after it). */
    List<SpilledRun> spilledRuns() { return spilled; }

    /** Deletes the spilled runs' files. */
    void deleteSpills() {
        for (SpilledRun r : spilled) r.file.delete();
        spilled.clear();
    }

    /**
     * When some rows were spilled: writes the rows still buffered as the last run too and returns every run, the
     * reservation left empty (so that the merge reads runs alone, and the memory the last run held is free for the
     * merge's readers and what follows; the runs keep no index, they are read from their start or indexed later). Null when nothing was spilled: {@link #finish}.
     */
    List<SpilledRun> finishSpilled() {
        if (spilled.isEmpty()) return null;
        if (rows > 0) spill();
        columns = null;
        keys = null;
        retained = 0;
        reservation.shrink(reservation.bytes());
        return spilled;
    }

    /**
     * Writes the rows still buffered as a run of their own (they join {@link #spilledRuns}) and returns the emptied
     * buffers for the next task's builder, their bytes still held by the reservation, which gives back the rest (null
     * when the pool did not let this one keep them: all given back). The caller hands the bytes on with the buffers
     * ({@link Reservation#transferTo}) or releases them. For a sort whose input spilled anyway: its finished runs
     * would be written out later.
     */
    Buffers finishToDisk() {
        if (rows > 0) spill();
        Buffers out = retained > 0 ? new Buffers(columns, keys, retained) : null;
        columns = null;
        keys = null;
        reservation.shrink(reservation.bytes() - retained);
        retained = 0;
        return out;
    }

    /** Sorts and hands the rows over (the builder is done). */
    SortedRun finish() {
        if (limit >= 0 && rows > limit) truncateToLimit();
        KeyPrefixes prefix = ordering.prefixes(keys, rows);
        int[] order = sortedOrder(keys, rows, prefix);
        SortedRun run = new SortedRun(columns, keys, order, rows, prefix);
        columns = null;   // the run owns the rows now: once it is spilled or released, nothing here keeps them
        keys = null;
        return run;
    }
}
