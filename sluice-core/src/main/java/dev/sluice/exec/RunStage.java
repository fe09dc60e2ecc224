package dev.sluice.exec;

import dev.sluice.expr.SortOrder;
import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.Reservation;
import dev.sluice.memory.SpillListener;
import dev.sluice.vector.Batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The input stage of a sort: every input partition, in parallel, buffered and sorted into one run (top-N
 * runs keep only the first {@code limit} rows). A partition whose rows do not fit its share of the memory
 * budget leaves spilled runs before its last, in-memory run. Holds the runs, their files and their memory
 * until released.
 */
final class RunStage {
    private final SortedRun[] runs;
    private final List<SpilledRun>[] spilled;
    private final List<Reservation> reservations = new ArrayList<>();
    private final List<RunBuilder> builders = new ArrayList<>();
    private final List<SpilledRun> idleSpills = new ArrayList<>();
    private boolean frozen;
    /**
     * Emptied run buffers of finished tasks, for the next tasks' builders (at most one set per worker), reserved all
     * the way: a finishing task hands their bytes to {@link #spareMemory}, the next task takes them from it. A task
     * short of memory drops them (the spare reservation's shared spiller), as does the end of the input stage.
     */
    private final java.util.ArrayDeque<RunBuilder.Buffers> spare = new java.util.ArrayDeque<>();
    private final Reservation spareMemory;

    @SuppressWarnings("unchecked")
    private RunStage(int partitions, MemoryPool pool, String description) {
        this.runs = new SortedRun[partitions];
        this.spilled = new List[partitions];
        this.spareMemory = pool.newReservation(description + " spare run buffers");
        spareMemory.setSharedSpiller(this::dropSpares);
    }

    static RunStage run(ExecNode input, List<SortOrder> orders, RowOrdering ordering, MemoryPool pool, long limit,
                        StageRunner runner, String description) {
        return run(input, orders, ordering, pool, limit, runner, description, SpillListener.NONE);
    }

    static RunStage run(ExecNode input, List<SortOrder> orders, RowOrdering ordering, MemoryPool pool, long limit,
                        StageRunner runner, String description, SpillListener spillListener) {
        RunStage stage = new RunStage(input.partitionCount(), pool, description);
        runner.runStage(input, description, (partition, stream, ctx) -> {
            Reservation reservation = pool.newSpillableReservation(description, ctx::isCancelled);
            RunBuilder builder = new RunBuilder(input.schema(), orders, ordering, reservation, limit, spillListener,
                    limit < 0 ? stage.takeSpare(reservation) : null);
            synchronized (stage) {
                stage.reservations.add(reservation);
                stage.builders.add(builder);
            }
            for (Batch b = stream.next(); b != null; b = stream.next()) {
                ctx.checkCancelled();
                builder.add(b);
            }
            if (limit < 0 && (!builder.spilledRuns().isEmpty() || stage.spilled())) {
                // the input does not fit: this run would be written out anyway, so write it now and hand its buffers
                // to the next task (new ones for every task die in the old generation)
                RunBuilder.Buffers spare = builder.finishToDisk();
                synchronized (stage) {
                    stage.runs[partition] = new SortedRun(new dev.sluice.vector.ColumnVector[0], new dev.sluice.vector.ColumnVector[0], new int[0], 0);
                    stage.spilled[partition] = List.copyOf(builder.spilledRuns());
                    if (spare != null && !stage.frozen && stage.spare.size() < pool.taskSlots()) {
                        reservation.transferTo(stage.spareMemory, spare.bytes());
                        stage.spare.push(spare);
                    }
                }
                reservation.close();   // what was not handed on
                return;
            }
            SortedRun run = builder.finish();
            synchronized (stage) {
                stage.runs[partition] = run;
                stage.spilled[partition] = List.copyOf(builder.spilledRuns());
            }
            // a finished run may still be written to disk by a later task that is short of memory
            if (limit < 0) reservation.setSharedSpiller(() -> stage.spillFinished(partition, input.schema(), orders, reservation, spillListener));
            reservation.detachFromTask();   // the run waits for the merge
        });
        return stage;
    }

    /** Writes input partition {@code p}'s finished in-memory run to disk and gives its memory back. */
    private synchronized void spillFinished(int p, dev.sluice.types.StructType schema, List<SortOrder> orders, Reservation reservation,
                                            SpillListener listener) {
        SortedRun run = runs[p];
        if (frozen || run == null || run.rows == 0) return;
        var file = reservation.spills().newFile("sort-run", listener).storeUncompressed();
        SpilledRun written;
        try {
            written = SpilledRun.write(file, schema, run.columns, run.keys, orders, run.order, run.rows,
                    MergeReaders.blockBytes(reservation.budget()), 0);
        } catch (RuntimeException | Error e) {
            file.delete();
            throw e;
        }
        idleSpills.add(written);
        List<SpilledRun> all = new ArrayList<>(spilled[p] == null ? List.of() : spilled[p]);
        all.add(written);
        spilled[p] = List.copyOf(all);
        runs[p] = new SortedRun(new dev.sluice.vector.ColumnVector[0], new dev.sluice.vector.ColumnVector[0], new int[0], 0);
        reservation.shrink(reservation.bytes());
    }

    /** Writes every partition's finished in-memory run to disk (before a multi-pass merge). */
    void spillAllFinished() {
        List<Reservation> rs;
        synchronized (this) {
            rs = new ArrayList<>(reservations);
        }
        for (Reservation r : rs) r.spillSharedNow();
    }

    /** Keeps {@code run}'s file until the stage is released (runs written by a merge pass). */
    synchronized void own(SpilledRun run) { idleSpills.add(run); }

    /** Buffers a finished task left for this one, or null; their bytes go to {@code to}. */
    private synchronized RunBuilder.Buffers takeSpare(Reservation to) {
        RunBuilder.Buffers b = spare.poll();
        if (b != null) spareMemory.transferTo(to, b.bytes());
        return b;
    }

    /** Drops the spare buffers and gives their memory back (a task short of memory, or the end of the input stage). */
    private synchronized void dropSpares() {
        spare.clear();
        spareMemory.shrink(spareMemory.bytes());
    }

    /** The bytes of the spare buffers held for the next tasks (all reserved). */
    synchronized long spareBytes() {
        long sum = 0;
        for (RunBuilder.Buffers b : spare) sum += b.bytes();
        return sum;
    }

    /** Ends idle spilling: the runs are about to be read as they are. */
    synchronized void freeze() {
        frozen = true;
        dropSpares();
        for (Reservation r : reservations) r.setSharedSpiller(null);
    }

    /** Ends idle spilling if no partition spilled (true); else leaves the stage as it is (false). */
    synchronized boolean freezeIfUnspilled() {
        if (spilled()) return false;
        freeze();
        return true;
    }

    /** The runs in input partition order (a partition that produced nothing has an empty run). */
    synchronized List<SortedRun> runs() {
        List<SortedRun> out = new ArrayList<>(runs.length);
        for (SortedRun r : runs) if (r != null) out.add(r);
        return out;
    }

    /** True when some partition spilled. */
    synchronized boolean spilled() {
        for (List<SpilledRun> s : spilled) if (s != null && !s.isEmpty()) return true;
        return false;
    }

    /** Input partition {@code p}'s spilled runs, in order (empty when it fit). */
    synchronized List<SpilledRun> spilledRuns(int p) { return spilled[p] == null ? List.of() : spilled[p]; }

    /** Input partition {@code p}'s in-memory run, or null. */
    synchronized SortedRun run(int p) { return runs[p]; }

    int partitions() { return runs.length; }

    synchronized void release() {
        for (RunBuilder b : builders) b.deleteSpills();
        builders.clear();
        for (SpilledRun r : idleSpills) r.file.delete();
        idleSpills.clear();
        frozen = true;
        dropSpares();
        spareMemory.close();
        for (Reservation r : reservations) r.close();
        reservations.clear();
        Arrays.fill(runs, null);
        Arrays.fill(spilled, null);
    }
}
