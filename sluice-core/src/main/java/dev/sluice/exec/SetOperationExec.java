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
 *   <li>intersect: it occurs on the right and was not emitted yet;</li>
 *   <li>except: it does not occur on the right and was not emitted yet;</li>
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
                        rightSpill = new SpillPartitions(reservation.spills(), listener, "set-right", 0);
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
        if (rightSpill != null) return graceStream(partition, ctx, reservation, listener, rightSpill);
        DistinctRowTable emitted = emittedTable(left.schema(), reservation);
        BatchStream in;
        try {
            in = left.execute(partition, ctx);
        } catch (RuntimeException | Error e) {
            reservation.close();
            throw e;
        }
        return new BatchStream() {
            @Override public Batch next() {
                while (true) {
                    ctx.checkCancelled();
                    Batch b = in.next();
                    if (b == null) return null;
                    Batch kept = keep(b, rightRows, emitted);
                    if (kept != null) return kept;
                }
            }

            @Override public void close() {
                try {
                    in.close();
                } finally {
                    reservation.close();
                }
            }
        };
    }

    /** The rows of a left batch that the operation keeps (null when none), updating the tables. */
    private Batch keep(Batch b, DistinctRowTable rightRows, DistinctRowTable emitted) {
        ColumnVector[] cols = b.columns();
        int[] ids = new int[b.rowCount()];
        int n = 0;
        for (int r = 0; r < b.rowCount(); r++) if (keep(cols, r, rightRows, emitted)) ids[n++] = r;
        return n > 0 ? b.select(ids, n) : null;
    }

    private boolean keep(ColumnVector[] cols, int r, DistinctRowTable rightRows, DistinctRowTable emitted) {
        long h = rightRows.hash(cols, r);
        int e = rightRows.find(cols, r, h);
        boolean onRight = e >= 0 && rightRows.count(e) > 0;
        if (all) {
            if (onRight) rightRows.add(e, -1);   // this left copy uses up one right copy
            return kind == SetOperation.Kind.INTERSECT ? onRight : !onRight;
        }
        if (onRight != (kind == SetOperation.Kind.INTERSECT)) return false;
        if (emitted == null) {   // intersect: the right copies' count drops to 0 once the row is out
            rightRows.add(e, -rightRows.count(e));
            return true;
        }
        if (emitted.find(cols, r, h) >= 0) return false;
        emitted.insert(cols, r, h);
        return true;
    }

    /**
     * The right side did not fit: the left side is written to the same hash partitions, and each pair is
     * processed on its own (equal rows always meet in one pair). A partition's tables must fit.
     */
    private BatchStream graceStream(int partition, TaskContext ctx, Reservation reservation, SpillListener listener,
                                    SpillPartitions rightSpill) {
        SpillPartitions leftSpill = new SpillPartitions(reservation.spills(), listener, "set-left", 0);
        try (BatchStream in = left.execute(partition, ctx)) {
            for (Batch b = in.next(); b != null; b = in.next()) {
                ctx.checkCancelled();
                leftSpill.add(b, b.columns(), types(left.schema()));
            }
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
            DistinctRowTable emitted;
            SpillFile.Reader reader;

            @Override public Batch next() {
                while (true) {
                    ctx.checkCancelled();
                    if (reader != null) {
                        Batch b = reader.next();
                        if (b != null) {
                            Batch kept = keep(b, rightRows, emitted);
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
                    emitted = emittedTable(left.schema(), reservation);
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

    /**
     * The rows an except (distinct) has emitted; null for the ALL forms and for intersect, whose emitted rows are
     * marked in the right side's table instead (no memory that grows with the left side, reserved with a
     * non-spillable grow while the other tasks fill the pool: a 7-task intersect in 1 MiB failed on it under load).
     */
    private DistinctRowTable emittedTable(StructType schema, Reservation reservation) {
        return all || kind == SetOperation.Kind.INTERSECT ? null : new DistinctRowTable(schema, reservation);
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
