package dev.sluice.exec;

import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.Reservation;
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
 * The tables are reserved from the memory pool and released when the partition ends.
 */
public final class SetOperationExec implements ExecNode {
    private final ExecNode left;
    private final ExecNode right;
    private final SetOperation.Kind kind;
    private final boolean all;
    private final String name;
    private final StructType schema;
    private final MemoryPool pool;

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

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        Reservation reservation = pool.newReservation(name);
        DistinctRowTable rightRows = new DistinctRowTable(right.schema(), reservation);
        try (BatchStream in = right.execute(partition, ctx)) {
            for (Batch b = in.next(); b != null; b = in.next()) {
                ColumnVector[] cols = b.columns();
                for (int r = 0; r < b.rowCount(); r++) {
                    long h = rightRows.hash(cols, r);
                    int e = rightRows.find(cols, r, h);
                    if (e < 0) e = rightRows.insert(cols, r, h);
                    rightRows.add(e, 1);
                }
            }
        } catch (RuntimeException | Error e) {
            reservation.close();
            throw e;
        }
        DistinctRowTable emitted = all ? null : new DistinctRowTable(left.schema(), reservation);
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
                    ColumnVector[] cols = b.columns();
                    int[] ids = new int[b.rowCount()];
                    int n = 0;
                    for (int r = 0; r < b.rowCount(); r++) if (keep(cols, r)) ids[n++] = r;
                    if (n > 0) return b.select(ids, n);
                }
            }

            private boolean keep(ColumnVector[] cols, int r) {
                long h = rightRows.hash(cols, r);
                int e = rightRows.find(cols, r, h);
                boolean onRight = e >= 0 && rightRows.count(e) > 0;
                if (all) {
                    if (onRight) rightRows.add(e, -1);   // this left copy uses up one right copy
                    return kind == SetOperation.Kind.INTERSECT ? onRight : !onRight;
                }
                if (onRight != (kind == SetOperation.Kind.INTERSECT)) return false;
                if (emitted.find(cols, r, h) >= 0) return false;
                emitted.insert(cols, r, h);
                return true;
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

    @Override public List<ExecNode> children() { return List.of(left, right); }

    @Override public String describe() { return "SetOperationExec: " + name; }
}
