package dev.sluice.exec;

import dev.sluice.expr.SortOrder;
import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.Reservation;
import dev.sluice.vector.Batch;

import java.util.ArrayList;
import java.util.List;

/**
 * The input stage of a sort: every input partition, in parallel, buffered and sorted into one run (top-N
 * runs keep only the first {@code limit} rows). Holds the runs and their memory until released.
 */
final class RunStage {
    private final SortedRun[] runs;
    private final List<Reservation> reservations = new ArrayList<>();

    private RunStage(int partitions) { this.runs = new SortedRun[partitions]; }

    static RunStage run(ExecNode input, List<SortOrder> orders, RowOrdering ordering, MemoryPool pool, long limit,
                        StageRunner runner, String description) {
        RunStage stage = new RunStage(input.partitionCount());
        runner.runStage(input, description, (partition, stream, ctx) -> {
            Reservation reservation = pool.newReservation(description);
            synchronized (stage) {
                stage.reservations.add(reservation);
            }
            RunBuilder builder = new RunBuilder(input.schema(), orders, ordering, reservation, limit);
            for (Batch b = stream.next(); b != null; b = stream.next()) {
                ctx.checkCancelled();
                builder.add(b);
            }
            SortedRun run = builder.finish();
            synchronized (stage) {
                stage.runs[partition] = run;
            }
        });
        return stage;
    }

    /** The runs in input partition order (a partition that produced nothing has an empty run). */
    synchronized List<SortedRun> runs() {
        List<SortedRun> out = new ArrayList<>(runs.length);
        for (SortedRun r : runs) if (r != null) out.add(r);
        return out;
    }

    synchronized void release() {
        for (Reservation r : reservations) r.close();
        reservations.clear();
        java.util.Arrays.fill(runs, null);
    }
}
