package dev.sluice.exec;

import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.Reservation;
import dev.sluice.memory.SpillFile;
import dev.sluice.memory.SpillListener;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.StructField;
import dev.sluice.vector.LongVector;
import dev.sluice.plan.SetOperation;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.List;

/**
 * INTERSECT / EXCEPT (DISTINCT or ALL) of two inputs hash-partitioned by all their columns into the same
 * partitions: partition i counts the right side's rows, then streams the left side's, keeping a row when
 * <ul>
 *   <li>intersect: it occurs on the right and was not emitted yet (its right count is set to 0 once it is);</li>
 *   <li>except: it does not occur on the right and was not emitted yet (it is added to the right side's table with
 *       a count of 0 once it is: one table, grown with the spillable {@code tryGrow}, so that an except whose
 *       emitted rows do not fit turns to grace hashing mid-stream instead of waiting for memory);</li>
 *   <li>intersectAll: an unused right copy is left (min(l, r) copies come out);</li>
 *   <li>exceptAll: no unused right copy is left (max(0, l - r) copies come out).</li>
 * </ul>
 * The tables are reserved from the memory pool and released when the partition ends. When the right side's
 * table does not fit, both sides go to hash partitions on disk and each pair is processed on its own.
 */
public final class SetOperationExec implements ExecNode {
    private final ExecNode left;
    private final ExecNode right;
    private final SetOperation.Kind kind;
    private final boolean all;
    private final String name;
    private final StructType schema;
    private final MemoryPool pool;
    private volatile OperatorMetrics metrics;

    SetOperationExec(ExecNode left, ExecNode right, SetOperation op, StructType schema, MemoryPool pool) {
        this.left = left;
        this.right = right;
        this.kind = op.kind();
        this.all = op.all();
        this.name = op.displayName();
        this.schema = schema;
        this.pool = pool;
    }

    @Override public StructType schema() { return schema; }

    @Override public int partitionCount() { return left.partitionCount(); }

    @Override public void attachMetrics(OperatorMetrics metrics) { this.metrics = metrics; }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        Reservation reservation = pool.newSpillableReservation(name, ctx::isCancelled);
        OperatorMetrics m = metrics;
        SpillListener listener = m == null ? SpillListener.NONE : m;
        DistinctRowTable rightRows = new DistinctRowTable(right.schema(), reservation);
        SpillPartitions rightSpill = null;
        try (BatchStream in = right.execute(partition, ctx)) {
            for (Batch b = in.next(); b != null; b = in.next()) {
                ctx.checkCancelled();
                if (rightSpill != null) {
                    rightSpill.add(withCounts(b, null), b.columns(), types(right.schema()));
                    continue;
                }
                ColumnVector[] cols = b.columns();
                for (int r = 0; r < b.rowCount(); r++) {
                    long h = rightRows.hash(cols, r);
                    int e = rightRows.find(cols, r, h);
                    if (e < 0) e = rightRows.tryInsert(cols, r, h);
                    if (e < 0) {   // the right side does not fit: from here on, grace hashing
                        rightSpill = new SpillPartitions(reservation.spills(), listener, "set-right", 0, pool);
                        Batch table = rightRows.rows();
                        int[] counts = new int[rightRows.size()];
                        for (int i = 0; i < counts.length; i++) counts[i] = rightRows.count(i);
                        rightSpill.add(withCounts(table, counts), table.columns(), types(right.schema()));
                        reservation.shrink(reservation.bytes());
                        Batch rest = b.slice(r, b.rowCount() - r);
                        rightSpill.add(withCounts(rest, null), rest.columns(), types(right.schema()));
                        break;
                    }
                    rightRows.add(e, 1);
                }
            }
        } catch (RuntimeException | Error e) {
            if (rightSpill != null) rightSpill.close();
            reservation.close();
            throw e;
        }
        if (rightSpill != null) return graceStream(partition, ctx, reservation, listener, rightSpill, null, null);
        BatchStream in;
        try {
            in = left.execute(partition, ctx);
        } catch (RuntimeException | Error e) {
            reservation.close();
            throw e;
        }
        return new BatchStream() {
            BatchStream grace;   // an except's emitted rows did not fit beside the right side: from here on, grace hashing

            @Override public Batch next() {
                if (grace != null) return grace.next();
                int[] refusedAt = {-1};
                while (true) {
                    ctx.checkCancelled();
                    Batch b = in.next();
                    if (b == null) return null;
                    Batch kept = keep(b, rightRows, true, refusedAt);
                    if (refusedAt[0] >= 0) {
                        grace = toGrace(partition, ctx, reservation, listener, rightRows, in, b.slice(refusedAt[0], b.rowCount() - refusedAt[0]));
                        return kept != null ? kept : grace.next();
                    }
                    if (kept != null) return kept;
                }
            }

            @Override public void close() {
                if (grace != null) {
                    grace.close();
                    return;
                }
                try {
                    in.close();
                } finally {
                    reservation.close();
                }
            }
        };
    }

    /**
     * An except (distinct) whose table of right rows and emitted rows was refused memory while reading the left
     * side: the table (right rows with their counts, emitted rows with a count of 0) goes to the right side's hash
     * partitions, and {@code rest} and what is left of {@code in} to the left side's; the pairs then go on as a
     * grace stream.
     */
    private BatchStream toGrace(int partition, TaskContext ctx, Reservation reservation, SpillListener listener,
                                DistinctRowTable rightRows, BatchStream in, Batch rest) {
        SpillPartitions rightSpill = new SpillPartitions(reservation.spills(), listener, "set-right", 0, pool);
        try {
            Batch table = rightRows.rows();
            int[] counts = new int[rightRows.size()];
            for (int i = 0; i < counts.length; i++) counts[i] = rightRows.count(i);
            rightSpill.add(withCounts(table, counts), table.columns(), types(right.schema()));
        } catch (RuntimeException | Error e) {
            rightSpill.close();
            in.close();
            reservation.close();
            throw e;
        }
        reservation.shrink(reservation.bytes());
        return graceStream(partition, ctx, reservation, listener, rightSpill, in, rest);
    }

    /**
     * The rows of a left batch that the operation keeps (null when none), updating the right side's table.
     * {@code spillable}: an except's emitted row is added with {@link DistinctRowTable#tryInsert}; when refused,
     * {@code refusedAt[0]} is that row and the batch's rows from it on are left to the caller (not kept, not looked at).
     */
    private Batch keep(Batch b, DistinctRowTable rightRows, boolean spillable, int[] refusedAt) {
        ColumnVector[] cols = b.columns();
        int[] ids = new int[b.rowCount()];
        int n = 0;
        for (int r = 0; r < b.rowCount(); r++) {
            int k = keep(cols, r, rightRows, spillable);
            if (k == REFUSED) {
                refusedAt[0] = r;
                break;
            }
            if (k == KEEP) ids[n++] = r;
        }
        return n > 0 ? b.select(ids, n) : null;
    }

    private static final int DROP = 0, KEEP = 1, REFUSED = 2;

    private int keep(ColumnVector[] cols, int r, DistinctRowTable rightRows, boolean spillable) {
        long h = rightRows.hash(cols, r);
        int e = rightRows.find(cols, r, h);
        boolean onRight = e >= 0 && rightRows.count(e) > 0;
        if (all) {
            if (onRight) rightRows.add(e, -1);   // this left copy uses up one right copy
            return (kind == SetOperation.Kind.INTERSECT ? onRight : !onRight) ? KEEP : DROP;
        }
        if (kind == SetOperation.Kind.INTERSECT) {
            if (!onRight) return DROP;
            rightRows.add(e, -rightRows.count(e));   // the right copies' count drops to 0 once the row is out
            return KEEP;
        }
        // except: a row in the table is on the right (count > 0) or was emitted (count 0)
        if (e >= 0) return DROP;
        int added = spillable ? rightRows.tryInsert(cols, r, h) : rightRows.insert(cols, r, h);
        return added < 0 ? REFUSED : KEEP;
    }

    /**
     * The right side did not fit: the left side is written to the same hash partitions, and each pair is
     * processed on its own (equal rows always meet in one pair). A partition's tables must fit.
     */
    private BatchStream graceStream(int partition, TaskContext ctx, Reservation reservation, SpillListener listener,
                                    SpillPartitions rightSpill, BatchStream leftIn, Batch firstLeft) {
        rightSpill.flush();   // the right side is complete: its block buffers go back before the left side's are taken
        SpillPartitions leftSpill = new SpillPartitions(reservation.spills(), listener, "set-left", 0, pool);
        try (BatchStream in = leftIn != null ? leftIn : left.execute(partition, ctx)) {
            if (firstLeft != null) leftSpill.add(firstLeft, firstLeft.columns(), types(left.schema()));
            for (Batch b = in.next(); b != null; b = in.next()) {
                ctx.checkCancelled();
                leftSpill.add(b, b.columns(), types(left.schema()));
            }
            // both sides written out, their block buffers released: the pairs' tables get the memory
            leftSpill.finish();
            rightSpill.finish();
        } catch (RuntimeException | Error e) {
            leftSpill.close();
            rightSpill.close();
            reservation.close();
            throw e;
        }
        StructType countedRight = withCountField(right.schema());
        return new BatchStream() {
            int p = -1;
            DistinctRowTable rightRows;
            SpillFile.Reader reader;

            @Override public Batch next() {
                while (true) {
                    ctx.checkCancelled();
                    if (reader != null) {
                        Batch b = reader.next();
                        if (b != null) {
                            // a pair's table must fit: an except's emitted rows are added with a waiting grow
                            Batch kept = keep(b, rightRows, false, null);
                            if (kept != null) return kept;
                            continue;
                        }
                        reader.close();
                        reader = null;
                    }
                    if (p >= 0) {
                        leftSpill.delete(p);
                        rightSpill.delete(p);
                        reservation.shrink(reservation.bytes());
                    }
                    if (++p >= SpillPartitions.FANOUT) return null;
                    SpillFile leftFile = leftSpill.get(p);
                    if (leftFile == null) continue;
                    rightRows = new DistinctRowTable(right.schema(), reservation);
                    SpillFile rightFile = rightSpill.get(p);
                    if (rightFile != null) {
                        try (SpillFile.Reader r = rightFile.reader(countedRight)) {
                            for (Batch b = r.next(); b != null; b = r.next()) {
                                ColumnVector[] cols = java.util.Arrays.copyOf(b.columns(), b.columnCount() - 1);
                                ColumnVector counts = b.column(b.columnCount() - 1);
                                for (int i = 0; i < b.rowCount(); i++) {
                                    long h = rightRows.hash(cols, i);
                                    int e = rightRows.find(cols, i, h);
                                    if (e < 0) e = rightRows.insert(cols, i, h);
                                    rightRows.add(e, (int) counts.getLong(i));
                                }
                            }
                        }
                    }
                    reader = leftFile.reader(left.schema());
                }
            }

            @Override public void close() {
                if (reader != null) reader.close();
                leftSpill.close();
                rightSpill.close();
                reservation.close();
            }
        };
    }

    /** {@code b} with a trailing BIGINT column of copies per row ({@code counts}, or 1 each when null). */
    private static Batch withCounts(Batch b, int[] counts) {
        LongVector c = new LongVector(DataTypes.LONG, b.rowCount());
        for (int i = 0; i < b.rowCount(); i++) c.append(counts == null ? 1 : counts[i]);
        ColumnVector[] cols = java.util.Arrays.copyOf(b.columns(), b.columnCount() + 1);
        cols[cols.length - 1] = c;
        return new Batch(cols, b.rowCount());
    }

    private static StructType withCountField(StructType schema) {
        List<StructField> fields = new java.util.ArrayList<>(schema.fields());
        fields.add(new StructField("_copies", DataTypes.LONG, false));
        return new StructType(fields);
    }

    private static DataType[] types(StructType schema) {
        DataType[] out = new DataType[schema.size()];
        for (int i = 0; i < out.length; i++) out[i] = schema.field(i).dataType();
        return out;
    }

    @Override public List<ExecNode> children() { return List.of(left, right); }

    @Override public String describe() { return "SetOperationExec: " + name; }
}
