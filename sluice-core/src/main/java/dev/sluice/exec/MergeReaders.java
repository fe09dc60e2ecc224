package dev.sluice.exec;

import dev.sluice.expr.SortOrder;
import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.Reservation;
import dev.sluice.memory.SpillFile;
import dev.sluice.memory.SpillListener;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * The read side of a k-way merge of spilled runs, inside the memory budget. Each run a merge reads at once holds a
 * decoded block, its cursor's sort order and key prefixes, and a stream buffer ({@link #readerBytes}); a merging
 * task reserves them in a merge reservation of the pool before it opens the runs, and gives them back when it
 * closes. Runs are written in blocks of at most {@link #blockBytes} (64 KiB; less under a budget below 4 MiB), so a
 * reader is small whatever the row width, and a block cap that does not shrink with the budget keeps the fan-in
 * high: 16 MiB gives 12 or more runs at once to each of two merging tasks.
 * <p>
 * How many runs a task reads at once (its fan-in) follows the budget and how many tasks merge at the same time:
 * together their readers take about {@link #SHARE_DIVISOR 1/8} of the budget, 2 to 16 runs each. More runs than that
 * are merged in passes, consecutive groups into new runs (so ties keep their order): a global sort plans its
 * passes on the workers ({@link MergePass}), and any merge that gets fewer readers than it has runs merges the
 * rest inside its task ({@link #open}). A merge asks the pool for its readers without waiting and takes fewer when
 * the pool has no room now; one that cannot get even two waits for memory like any other consumer (a waiting
 * {@link Reservation#grow}), and when nothing can be freed charges those two (bounded) instead of failing.
 */
final class MergeReaders {
    static final int MAX_FAN_IN = 16;
    /** The largest fan-in of a global sort's merges ({@link Share#GLOBAL_SORT}). */
    static final int MAX_GLOBAL_FAN_IN = 32;
    static final int MIN_FAN_IN = 2;
    /** The largest block of a sorted run (estimated bytes, before compression). */
    static final long MAX_BLOCK_BYTES = 64 << 10;
    static final long MIN_BLOCK_BYTES = 8 << 10;
    /** The stream buffer of each run read at once (a block larger than it is read past it, in one call). */
    static final int READ_BUFFER = 4 << 10;
    /** The merging tasks' readers together take about this part of the budget. */
    static final int SHARE_DIVISOR = 8;
    /** A cursor's sorted order (an int) and key prefixes (two longs) per row of its block. */
    private static final int CURSOR_BYTES_PER_ROW = 20;

    private MergeReaders() {}

    /** The largest block of a sorted run spilled under {@code budget}: 64 KiB, or budget/64 when smaller (at least 8 KiB). */
    static long blockBytes(long budget) { return Math.max(MIN_BLOCK_BYTES, Math.min(MAX_BLOCK_BYTES, budget / 64)); }

    /** What reading {@code run} holds: its largest block decoded, that block's cursor arrays, the stream buffer. */
    static long readerBytes(SpilledRun run) {
        return run.file.maxBlockRawBytes() + (long) run.file.maxBlockRows() * CURSOR_BYTES_PER_ROW + READ_BUFFER;
    }

    /** What reading any one of {@code runs} may hold (the largest of them). */
    static long readerBytes(List<SpilledRun> runs) {
        long most = READ_BUFFER;
        for (SpilledRun r : runs) most = Math.max(most, readerBytes(r));
        return most;
    }

    /** The fan-in of each of {@code mergers} tasks merging at once with readers of {@code perReader} bytes. */
    static int fanIn(long budget, long perReader, int mergers) { return fanIn(budget, perReader, mergers, Share.IN_TASK); }

    /** As {@link #fanIn(long, long, int)}, for merges taking {@code share} of the budget. */
    static int fanIn(long budget, long perReader, int mergers, Share share) {
        long bytes = budget / share.divisor() / Math.max(1, mergers);
        return (int) Math.max(MIN_FAN_IN, Math.min(share.maxFanIn(), bytes / Math.max(1, perReader)));
    }

    /**
     * The fan-in a global sort plans for {@code tasks} tasks that will each merge runs like {@code runs} (they run as
     * many at once as the pool has task slots), with {@link Share#GLOBAL_SORT}'s share. Readers are planned for the
     * runs a pass writes, whose blocks may be fuller than the input runs' (up to {@link #blockBytes} and
     * {@link SpilledRun#BLOCK_ROWS} rows): planned for the inputs' readers, M3's output tasks got fewer readers than
     * there were merged runs and merged again inside the task.
     */
    static int plannedFanIn(MemoryPool pool, List<SpilledRun> runs, int tasks) {
        long written = blockBytes(pool.budget()) + (long) SpilledRun.BLOCK_ROWS * CURSOR_BYTES_PER_ROW + READ_BUFFER;
        long perReader = Math.max(readerBytes(runs), Math.min(written, 2 * readerBytes(runs)));
        return fanIn(pool.budget(), perReader, Math.min(Math.max(1, tasks), pool.taskSlots()), Share.GLOBAL_SORT);
    }

    /**
     * Reserves readers of {@code perReader} bytes: {@code wanted} if the pool has them now, else half as many and so
     * on, down to {@link #MIN_FAN_IN} (or {@code wanted}, if fewer), which waits for memory if it must. When waiting
     * cannot help (a budget smaller than two readers, or every task that could release memory waiting too), the two
     * are charged: a merge cannot go on with fewer, and they are bounded (at most two blocks of
     * {@link #MAX_BLOCK_BYTES} and their buffers), so the pool passes its budget by that much at most per merging
     * task ({@link MemoryPool#peakOverBudget} says by how much) rather than the query failing.
     */
    static int acquire(Reservation readers, long perReader, int wanted) {
        int k = Math.max(1, wanted);
        while (k > MIN_FAN_IN) {
            if (readers.tryGrowNow(k * perReader)) return k;
            k = Math.max(MIN_FAN_IN, k / 2);
        }
        growOrCharge(readers, k * perReader);
        return k;
    }

    /** Reserves {@code bytes} of readers a merge cannot do without, waiting if it must, charged if waiting cannot help. */
    private static void growOrCharge(Reservation readers, long bytes) {
        try {
            readers.grow(bytes);
        } catch (dev.sluice.error.SluiceException e) {
            if (e.code() != dev.sluice.error.ErrorCode.MEMORY_EXHAUSTED) throw e;
            readers.charge(bytes);
        }
    }

    /**
     * How much of the budget a kind of merge gives its readers, and its largest fan-in. A merge inside the task that
     * consumes its rows (the window, {@code sortWithinPartitions}) shares the budget with what that task holds beside
     * it (a window's chunks): 1/8, up to 16 runs. A global sort's merge passes and output tasks hold nothing else of
     * the sort (every run is on disk): 1/4, up to 32 runs, so that M3 at 10M rows (256 runs) merges in one pass and
     * its output tasks read every merged run at once. A quarter for every merge was tried and reverted: the window's
     * chunks at a 1 MiB budget no longer fit ({@code WindowStreamingFramesTest}).
     */
    record Share(int divisor, int maxFanIn) {
        static final Share IN_TASK = new Share(SHARE_DIVISOR, MAX_FAN_IN);
        static final Share GLOBAL_SORT = new Share(4, MAX_GLOBAL_FAN_IN);
    }

    /** The sort a merge belongs to, where the runs it writes inside its task go, and its readers' share. */
    record Sort(StructType schema, List<SortOrder> orders, RowOrdering ordering, MemoryPool pool, SpillListener listener,
                String fileKind, Share share) {
        Sort(StructType schema, List<SortOrder> orders, RowOrdering ordering, MemoryPool pool, SpillListener listener,
             String fileKind) {
            this(schema, orders, ordering, pool, listener, fileKind, Share.IN_TASK);
        }
    }

    /**
     * The merge of {@code runs} (in order, ties to the earlier run), each read above {@code lower} and up to
     * {@code upper} (null: from its start, to its end), in batches of {@code batchSize}. Its readers are reserved
     * first; when the task gets fewer than it has runs, consecutive groups are merged into runs of its own first
     * (in passes, as few rows rewritten as {@link MergePass#plan} allows). {@code deleteInputs}: the runs are the
     * task's own and are deleted once merged into others. Closing the merger releases the readers and deletes the
     * runs it wrote.
     */
    static RunMerger open(List<SpilledRun> runs, RunCursor.Bound lower, RunCursor.Bound upper, Sort sort, TaskContext ctx,
                          int batchSize, boolean deleteInputs) {
        Reservation readers = sort.pool().newMergeReservation("sort merge readers", ctx::isCancelled);
        List<SpillFile> written = new ArrayList<>();
        List<RunCursor> cursors = new ArrayList<>();
        try {
            long perReader = readerBytes(runs);
            int fanIn = fanIn(sort.pool().budget(), perReader, sort.pool().mergingTasks(readers) + 1, sort.share());
            int granted = acquire(readers, perReader, Math.min(runs.size(), fanIn));
            long blockLimit = 1024;   // the runs this task writes have blocks no larger than the inputs'
            for (SpilledRun r : runs) blockLimit = Math.max(blockLimit, r.file.maxBlockRawBytes());
            List<SpilledRun> current = runs;
            while (current.size() > granted) {
                List<SpilledRun> next = new ArrayList<>();
                for (List<SpilledRun> group : MergePass.plan(current, granted)) {
                    if (group.size() == 1) {
                        next.add(group.get(0));
                        continue;
                    }
                    ctx.checkCancelled();
                    List<RunCursor> in = new ArrayList<>();
                    RunMerger merger = null;
                    try {
                        for (SpilledRun r : group) in.add(cursor(r, sort, written, lower, upper));
                        SpillFile file = sort.pool().spills().newFile(sort.fileKind(), sort.listener()).storeUncompressed();
                        written.add(file);
                        merger = new RunMerger(sort.schema(), sort.ordering(), SpilledRun.BLOCK_ROWS, -1, in);
                        next.add(SpilledRun.writeMerged(file, merger::next, sort.orders(), blockLimit, 0));
                    } finally {
                        if (merger != null) merger.close();
                        else for (RunCursor c : in) c.close();
                    }
                    for (SpilledRun r : group) if (deleteInputs || written.contains(r.file)) r.file.delete();
                }
                current = next;
                // the new runs' blocks may hold more rows than the inputs' did: the readers must still cover them
                long now = readerBytes(current);
                if (now > perReader) {
                    growOrCharge(readers, granted * (now - perReader));
                    perReader = now;
                }
            }
            for (SpilledRun r : current) cursors.add(cursor(r, sort, written, lower, upper));
            RunMerger merger = new RunMerger(sort.schema(), sort.ordering(), batchSize, -1, cursors);
            merger.onClose(() -> release(readers, written));
            return merger;
        } catch (RuntimeException | Error e) {
            for (RunCursor c : cursors) c.close();
            release(readers, written);
            throw e;
        }
    }

    /** A cursor over {@code run}: an input is read within the bounds, a run written by this merge (its range only) whole. */
    private static RunCursor cursor(SpilledRun run, Sort sort, List<SpillFile> written, RunCursor.Bound lower, RunCursor.Bound upper) {
        boolean input = !written.contains(run.file);
        return RunCursor.spilled(run, sort.schema(), sort.orders(), sort.ordering(), input ? lower : null, input ? upper : null, READ_BUFFER);
    }

    private static void release(Reservation readers, List<SpillFile> written) {
        readers.close();
        for (SpillFile f : written) f.delete();
    }
}
