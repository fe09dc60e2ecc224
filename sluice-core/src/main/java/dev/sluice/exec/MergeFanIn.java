package dev.sluice.exec;

import dev.sluice.expr.SortOrder;
import dev.sluice.memory.Reservation;
import dev.sluice.memory.SpillFile;
import dev.sluice.memory.SpillListener;
import dev.sluice.memory.SpillManager;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * How many spilled runs a k-way merge reads at once. Each open run holds a decoded block and a stream buffer
 * ({@link SpilledRun#readBytes}), charged to the budget while it is read, so the fan-in follows the budget: a
 * merging task's open runs take at most {@link #SHARE_DIVISOR 1/32} of it, between {@link #MIN} and {@link #MAX}
 * runs. More runs than that are merged in several passes (each pass writes its groups as new runs).
 */
final class MergeFanIn {
    /** At most this many runs are merged at once, whatever the budget. */
    static final int MAX = 16;
    /** A merge reads at least two runs (what it then holds past its share is charged, and counted). */
    static final int MIN = 2;
    /** The part of the budget one merging task's open runs may hold. */
    static final int SHARE_DIVISOR = 32;

    private MergeFanIn() {}

    /** The fan-in for merging {@code runs} under {@code budget}: the share divided by the largest run's reader. */
    static int of(long budget, List<SpilledRun> runs) {
        long perRun = SpillFile.READ_BUFFER_BYTES;
        for (SpilledRun r : runs) perRun = Math.max(perRun, r.readBytes());
        long fits = budget / SHARE_DIVISOR / perRun;
        return (int) Math.max(MIN, Math.min(MAX, fits));
    }

    /**
     * Merges {@code runs} (in order) on the calling thread, in passes planned as {@link MergePass#plan}, until at
     * most {@code fanIn} are left; returns them in order. The readers of each group are charged to {@code memory}
     * while the group is merged. Each merged group's runs are deleted; {@code own} receives every file a pass writes
     * (the caller deletes them when it closes).
     */
    static List<SpilledRun> mergeInTask(List<SpilledRun> runs, int fanIn, StructType schema, List<SortOrder> orders,
                                        RowOrdering ordering, SpillManager spills, SpillListener listener, String fileKind,
                                        Reservation memory, Consumer<SpillFile> own) {
        List<SpilledRun> current = runs;
        while (current.size() > fanIn) {
            List<SpilledRun> next = new ArrayList<>();
            for (List<SpilledRun> group : MergePass.plan(current, fanIn)) {
                if (group.size() == 1) {
                    next.add(group.get(0));
                    continue;
                }
                long readers = SpilledRun.readBytes(group);
                memory.charge(readers);
                try {
                    List<RunCursor> in = new ArrayList<>();
                    for (SpilledRun r : group) in.add(RunCursor.spilled(r, schema, orders, ordering, null, null));
                    SpillFile file = spills.newFile(fileKind, listener);
                    own.accept(file);
                    try (RunMerger merger = new RunMerger(schema, ordering, SpilledRun.rowsPerBlock(group), -1, in)) {
                        next.add(SpilledRun.writeMerged(file, merger, orders));
                    }
                } finally {
                    memory.shrink(readers);
                }
                for (SpilledRun r : group) r.file.delete();
            }
            current = next;
        }
        return current;
    }
}
