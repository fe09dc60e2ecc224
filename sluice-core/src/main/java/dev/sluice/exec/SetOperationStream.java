package dev.sluice.exec;

import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.Reservation;
import dev.sluice.memory.SpillFile;
import dev.sluice.memory.SpillListener;
import dev.sluice.plan.SetOperation;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.LongVector;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The rows one partition of an INTERSECT / EXCEPT (DISTINCT or ALL) emits, processed pair by pair. A pair is the
 * right and left rows of one hash partition; the first pair is the children's partition itself. The right side's
 * rows are counted in a table of distinct rows ({@link DistinctRowTable}, reserved from the pool), then the left
 * side's rows stream through it, a row kept when
 * <ul>
 *   <li>intersect: it occurs on the right and was not emitted yet (its right count is set to 0 once it is);</li>
 *   <li>except: it does not occur on the right and was not emitted yet (it is added to the table with a count of 0
 *       once it is: one table, grown with the spillable {@code tryGrow} like the right side's rows);</li>
 *   <li>intersectAll: an unused right copy is left (min(l, r) copies come out);</li>
 *   <li>exceptAll: no unused right copy is left (max(0, l - r) copies come out).</li>
 * </ul>
 * <p>When the table is refused memory (the right side's rows, or an except's emitted rows), the pair is split: the
 * table with its counts and the rest of the right side go to hash partitions seeded by the next level, the left
 * side's rows to the same partitions, and each sub-pair is processed the same way (depth first, so at most one set
 * of partitions per level is on disk), up to {@link SpillPartitions#MAX_LEVEL} levels, the fan-out of a level sized
 * from the rows to split and the rows that fitted, as in the join and the aggregation. One distinct row is one
 * entry however many copies it has (the ALL variants count them), so a single row never outgrows the table; what
 * splitting cannot divide are distinct rows of one 64-bit hash. A pair still refused after the last level is
 * processed in <em>rounds</em>: its table takes the rows that fit and then freezes; the rows of either side that are
 * not in it go to overflow files, the next round's pair. Every copy of a row in the table is met in the round (a
 * row is in the table from its first copy on, or never), and a round's first entry is charged, so each round
 * finishes at least one distinct row: any input runs under any budget, at the cost of a pass over the pair per round.
 */
final class SetOperationStream implements BatchStream {
    /**
     * A pair to process: its right rows (with a trailing count column when {@code counted}) and its left rows.
     * {@code level}: the level of the partitions it came from (-1 for the children); {@code files}: deleted once
     * the pair is done.
     */
    private record Pair(Supplier<BatchStream> right, boolean counted, Supplier<BatchStream> left, int level,
                        boolean rounds, long rows, List<SpillFile> files) {
        void delete() { for (SpillFile f : files) if (f != null) f.delete(); }
    }

    private final SetOperation.Kind kind;
    private final boolean all;
    private final StructType rightSchema;
    private final StructType countedRight;
    private final StructType leftSchema;
    private final DataType[] types;
    private final MemoryPool pool;
    private final Reservation reservation;
    private final SpillListener listener;
    private final TaskContext ctx;
    private final int maxLevel;
    private final ArrayDeque<Pair> pending = new ArrayDeque<>();

    private Pair current;
    private DistinctRowTable table;
    private BatchStream leftIn;
    /** Rounds: the table was refused once and takes no new rows until the round ends. */
    private boolean frozen;
    private SpillFile overflowRight;
    private SpillFile overflowLeft;

    SetOperationStream(SetOperation.Kind kind, boolean all, StructType leftSchema, StructType rightSchema,
                       Supplier<BatchStream> leftChild, Supplier<BatchStream> rightChild, MemoryPool pool,
                       Reservation reservation, SpillListener listener, TaskContext ctx, int maxLevel) {
        this.kind = kind;
        this.all = all;
        this.leftSchema = leftSchema;
        this.rightSchema = rightSchema;
        this.countedRight = withCountField(rightSchema);
        this.types = new DataType[rightSchema.size()];
        for (int i = 0; i < types.length; i++) types[i] = rightSchema.field(i).dataType();
        this.pool = pool;
        this.reservation = reservation;
        this.listener = listener;
        this.ctx = ctx;
        this.maxLevel = maxLevel;
        pending.push(new Pair(rightChild, false, leftChild, -1, maxLevel <= 0, -1, List.of()));
    }

    @Override public Batch next() {
        while (true) {
            ctx.checkCancelled();
            if (leftIn != null) {
                Batch b = leftIn.next();
                if (b != null) {
                    Batch kept = streamLeft(b);
                    if (kept != null) return kept;
                    continue;
                }
                endPair();
                continue;
            }
            Pair next = pending.poll();
            if (next == null) return null;
            start(next);
        }
    }

    /** Counts the pair's right rows; then its left rows stream ({@link #leftIn}), unless the pair was split. */
    private void start(Pair pair) {
        current = pair;
        frozen = false;
        table = new DistinctRowTable(rightSchema, reservation);
        try (BatchStream in = pair.right().get()) {
            for (Batch b = in.next(); b != null; b = in.next()) {
                ctx.checkCancelled();
                ColumnVector[] cols = pair.counted() ? Arrays.copyOf(b.columns(), b.columnCount() - 1) : b.columns();
                ColumnVector counts = pair.counted() ? b.column(b.columnCount() - 1) : null;
                int[] overflow = null;
                int overflowed = 0;
                for (int r = 0; r < b.rowCount(); r++) {
                    long h = table.hash(cols, r);
                    int e = table.find(cols, r, h);
                    if (e < 0 && !frozen) e = insert(cols, r, h);
                    if (e < 0) {
                        if (!pair.rounds()) {   // the table does not fit: split the pair from this row on
                            split(counted(b.slice(r, b.rowCount() - r), pair.counted()), in, pair.counted(), null, null);
                            return;
                        }
                        frozen = true;   // this round's table is full: rows not in it wait for the next round
                        if (overflow == null) overflow = new int[b.rowCount()];
                        overflow[overflowed++] = r;
                        continue;
                    }
                    table.add(e, counts == null ? 1 : (int) counts.getLong(r));
                }
                if (overflowed > 0) {
                    if (overflowRight == null) overflowRight = reservation.spills().newFile("set-right-overflow", listener);
                    overflowRight.write(counted(b.select(overflow, overflowed), pair.counted()));
                }
            }
        }
        leftIn = pair.left().get();
    }

    /** Adds a row not in the table with a count of 0: its entry, or -1 when refused (a round's first entry is charged). */
    private int insert(ColumnVector[] cols, int r, long h) {
        if (current.rounds() && table.size() == 0) return table.insertCharged(cols, r, h);
        return table.tryInsert(cols, r, h);
    }

    /** The rows of a left batch the operation keeps (null when none); may split the pair or fill the overflow. */
    private Batch streamLeft(Batch b) {
        ColumnVector[] cols = b.columns();
        int n = b.rowCount();
        int[] ids = new int[n];
        int kept = 0;
        int[] overflow = null;
        int overflowed = 0;
        for (int r = 0; r < n; r++) {
            long h = table.hash(cols, r);
            int e = table.find(cols, r, h);
            if (e >= 0) {
                if (keepFound(e)) ids[kept++] = r;
                continue;
            }
            // not in the table: not on the right, unless a frozen round left it for the next round
            if (frozen) {
                if (overflow == null) overflow = new int[n];
                overflow[overflowed++] = r;
                continue;
            }
            if (kind == SetOperation.Kind.INTERSECT) continue;
            if (all) {
                ids[kept++] = r;
                continue;
            }
            // except: emitted once, marked by an entry with a count of 0
            if (insert(cols, r, h) >= 0) {
                ids[kept++] = r;
                continue;
            }
            if (!current.rounds()) {
                split(null, null, false, b.slice(r, n - r), leftIn);
                return kept > 0 ? b.select(ids, kept) : null;
            }
            frozen = true;
            if (overflow == null) overflow = new int[n];
            overflow[overflowed++] = r;
        }
        if (overflowed > 0) {
            if (overflowLeft == null) overflowLeft = reservation.spills().newFile("set-left-overflow", listener);
            overflowLeft.write(b.select(overflow, overflowed));
        }
        return kept > 0 ? b.select(ids, kept) : null;
    }

    /** Whether a left row equal to entry {@code e} is kept, updating the entry's count. */
    private boolean keepFound(int e) {
        boolean onRight = table.count(e) > 0;
        if (all) {
            if (onRight) table.add(e, -1);   // this left copy uses up one right copy
            return kind == SetOperation.Kind.INTERSECT ? onRight : !onRight;
        }
        if (kind == SetOperation.Kind.INTERSECT) {
            if (onRight) table.add(e, -table.count(e));   // the right copies' count drops to 0 once the row is out
            return onRight;
        }
        return false;   // except: on the right (count > 0) or emitted already (count 0)
    }

    /**
     * Splits the current pair by the next level's hash: the table (with its counts), {@code rightRest} and the rest
     * of {@code rightIn} to the right partitions, {@code leftRest} and the rest of {@code leftIn} (or the whole left
     * side) to the left ones; the sub-pairs go first on the stack. {@code leftIn} (the current {@link #leftIn}) is
     * closed here once read; if the split fails before, {@link #close} closes it.
     */
    private void split(Batch rightRest, BatchStream rightIn, boolean rightCounted, Batch leftRest, BatchStream leftIn) {
        Pair pair = current;
        int level = pair.level() + 1;
        int fanout = pair.rows() < 0 ? SpillPartitions.firstFanout(pool)
                : SpillPartitions.fanoutFor(pair.rows(), Math.max(1, table.size()));
        SpillPartitions rightParts = new SpillPartitions(reservation.spills(), listener, "set-right", level, fanout, pool);
        SpillPartitions leftParts = null;
        try {
            Batch rows = table.rows();
            int[] counts = new int[table.size()];
            for (int i = 0; i < counts.length; i++) counts[i] = table.count(i);
            rightParts.add(withCounts(rows, counts), rows.columns(), types);
            table = null;
            reservation.shrink(reservation.bytes());   // the table is on disk: its memory goes to the partitions
            if (rightRest != null) addCounted(rightParts, rightRest);
            if (rightIn != null) {
                for (Batch b = rightIn.next(); b != null; b = rightIn.next()) {
                    ctx.checkCancelled();
                    addCounted(rightParts, counted(b, rightCounted));
                }
            }
            rightParts.flush();   // the right side is complete: its block buffers go back before the left side's are taken
            leftParts = new SpillPartitions(reservation.spills(), listener, "set-left", level, fanout, pool);
            if (leftRest != null) leftParts.add(leftRest, leftRest.columns(), types);
            BatchStream in = leftIn != null ? leftIn : pair.left().get();
            try {
                for (Batch b = in.next(); b != null; b = in.next()) {
                    ctx.checkCancelled();
                    leftParts.add(b, b.columns(), types);
                }
            } finally {
                if (in == this.leftIn) this.leftIn = null;   // closed here, not again by close()
                in.close();
            }
            leftParts.finish();
            rightParts.finish();
        } catch (RuntimeException | Error e) {
            rightParts.close();
            if (leftParts != null) leftParts.close();
            throw e;
        }
        pair.delete();
        current = null;
        boolean rounds = level + 1 >= maxLevel;
        for (int p = fanout - 1; p >= 0; p--) {
            SpillFile l = leftParts.get(p), r = rightParts.get(p);
            if (l == null) {   // nothing on the left: the pair emits nothing
                if (r != null) r.delete();
                continue;
            }
            pending.push(filePair(r, l, level, rounds));
        }
    }

    /** Ends the current pair: a round's overflow becomes the next pair; the pair's files and table go. */
    private void endPair() {
        leftIn.close();
        leftIn = null;
        Pair pair = current;
        current = null;
        table = null;
        reservation.shrink(reservation.bytes());
        pair.delete();
        SpillFile r = overflowRight, l = overflowLeft;
        overflowRight = null;
        overflowLeft = null;
        if (l == null) {
            if (r != null) r.delete();
            return;
        }
        l.finishWriting();
        if (r != null) r.finishWriting();
        pending.push(filePair(r, l, pair.level(), true));
    }

    private Pair filePair(SpillFile right, SpillFile left, int level, boolean rounds) {
        long rows = left.rows() + (right == null ? 0 : right.rows());
        List<SpillFile> files = new ArrayList<>(2);
        files.add(left);
        if (right != null) files.add(right);
        return new Pair(() -> SpillPartitions.read(right, countedRight), true, () -> SpillPartitions.read(left, leftSchema),
                level, rounds, rows, files);
    }

    private void addCounted(SpillPartitions parts, Batch counted) {
        parts.add(counted, Arrays.copyOf(counted.columns(), counted.columnCount() - 1), types);
    }

    /** {@code b} with its count column: as it is when it has one, else with a count of 1 a row. */
    private static Batch counted(Batch b, boolean hasCounts) { return hasCounts ? b : withCounts(b, null); }

    /** {@code b} with a trailing BIGINT column of copies per row ({@code counts}, or 1 each when null). */
    private static Batch withCounts(Batch b, int[] counts) {
        LongVector c = new LongVector(DataTypes.LONG, b.rowCount());
        for (int i = 0; i < b.rowCount(); i++) c.append(counts == null ? 1 : counts[i]);
        ColumnVector[] cols = Arrays.copyOf(b.columns(), b.columnCount() + 1);
        cols[cols.length - 1] = c;
        return new Batch(cols, b.rowCount());
    }

    private static StructType withCountField(StructType schema) {
        List<StructField> fields = new ArrayList<>(schema.fields());
        fields.add(new StructField("_copies", DataTypes.LONG, false));
        return new StructType(fields);
    }

    @Override public void close() {
        try {
            if (leftIn != null) leftIn.close();
        } finally {
            leftIn = null;
            if (current != null) current.delete();
            current = null;
            if (overflowRight != null) overflowRight.delete();
            if (overflowLeft != null) overflowLeft.delete();
            overflowRight = null;
            overflowLeft = null;
            for (Pair p : pending) p.delete();
            pending.clear();
            table = null;
            reservation.close();
        }
    }
}
