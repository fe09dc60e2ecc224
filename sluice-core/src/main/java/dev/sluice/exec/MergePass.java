package dev.sluice.exec;

import dev.sluice.expr.SortOrder;
import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.SpillListener;
import dev.sluice.memory.SpillManager;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * One pass of an external merge sort's intermediate merges, run on the scheduler's workers: each partition of
 * this node merges one group of consecutive spilled runs (so ties keep their order) into one new run. A pass
 * merges only as many runs as it must: when a single pass can bring the runs down to the final merge's fan-in,
 * it merges just enough groups for that and leaves the other runs as they are (24 runs with a fan-in of 16:
 * one group of 9, not two groups of 16 and 8), so the rows are written and read again as few times as possible.
 */
final class MergePass implements ExecNode {
    private final StructType schema;
    private final List<SortOrder> orders;
    private final RowOrdering ordering;
    private final List<List<SpilledRun>> groups;
    private final MergeReaders.Sort sort;

    private MergePass(StructType schema, List<SortOrder> orders, RowOrdering ordering, List<List<SpilledRun>> groups,
                      MergeReaders.Sort sort) {
        this.sort = sort;
        this.schema = schema;
        this.orders = orders;
        this.ordering = ordering;
        this.groups = groups;
    }

    /**
     * Merges {@code runs} (in order) in passes until at most {@code fanIn} are left; returns them in order. Each
     * merged group's runs are deleted once written; {@code own} receives every run a pass writes (the caller
     * deletes those it keeps). Each task reserves the readers of its group ({@link MergeReaders#open}).
     */
    static List<SpilledRun> mergeDown(List<SpilledRun> runs, int fanIn, StructType schema, List<SortOrder> orders,
                                      RowOrdering ordering, MemoryPool pool, SpillListener listener, StageRunner runner,
                                      java.util.function.Consumer<SpilledRun> own) {
        SpillManager spills = pool.spills();
        MergeReaders.Sort sort = new MergeReaders.Sort(schema, orders, ordering, pool, listener, "sort-merge", MergeReaders.Share.GLOBAL_SORT);
        long blockBytes = MergeReaders.blockBytes(pool.budget());
        List<SpilledRun> current = runs;
        while (current.size() > fanIn) {
            List<List<SpilledRun>> plan = plan(current, fanIn, pool.taskSlots());
            // only the last pass's runs are read by key range: runs that go through another pass need no index
            long indexBytes = plan.size() <= fanIn ? BlockIndex.maxBytes(pool.budget()) : 0;
            List<List<SpilledRun>> groups = new ArrayList<>();
            for (List<SpilledRun> g : plan) if (g.size() > 1) groups.add(g);
            SpilledRun[] written = new SpilledRun[groups.size()];
            runner.runStage(new MergePass(schema, orders, ordering, groups, sort), "sort merge pass", (p, stream, ctx) -> {
                var file = spills.newFile("sort-merge", listener).storeUncompressed();
                try {
                    written[p] = SpilledRun.writeMerged(file, stream::next, orders, blockBytes, indexBytes);
                } catch (RuntimeException | Error e) {
                    file.delete();
                    throw e;
                }
                synchronized (written) {
                    own.accept(written[p]);
                }
            });
            List<SpilledRun> next = new ArrayList<>();
            int g = 0;
            for (List<SpilledRun> group : plan) {
                if (group.size() == 1) {
                    next.add(group.get(0));
                    continue;
                }
                next.add(written[g++]);
                for (SpilledRun r : group) r.file.delete();
            }
            current = next;
        }
        return current;
    }

    /**
     * Cuts {@code runs} into consecutive groups for one pass (groups of one are left as they are). Above
     * {@code fanIn}² runs every group is full; otherwise only the first groups are merged, just enough for
     * {@code fanIn} runs to be left after the pass.
     */
    static List<List<SpilledRun>> plan(List<SpilledRun> runs, int fanIn) { return plan(runs, fanIn, 1); }

    /**
     * As {@link #plan(List, int)}, for {@code workers} tasks merging at once: when one pass leaves the final fan-in,
     * the runs to merge are cut into at least as many groups as there are workers (if there are enough runs to
     * remove), of about equal size, so that the pass keeps every worker busy; the same rows are rewritten.
     */
    static List<List<SpilledRun>> plan(List<SpilledRun> runs, int fanIn, int workers) {
        int n = runs.size();
        boolean full = (long) n > (long) fanIn * fanIn;
        long toRemove = n - fanIn;
        List<List<SpilledRun>> groups = new ArrayList<>();
        if (!full && toRemove > 0) {
            long count = Math.min(toRemove, Math.max(workers, (toRemove + fanIn - 2) / (fanIn - 1)));
            long merged = toRemove + count;   // the runs the groups take: each group of k removes k - 1
            int at = 0;
            for (long g = 0; g < count; g++) {
                int size = (int) (merged / count + (g < merged % count ? 1 : 0));
                groups.add(runs.subList(at, at + size));
                at += size;
            }
            for (; at < n; at++) groups.add(runs.subList(at, at + 1));
            return groups;
        }
        int at = 0;
        while (at < n) {
            int size = full ? Math.min(fanIn, n - at) : 1;
            groups.add(runs.subList(at, at + size));
            at += size;
        }
        return groups;
    }

    @Override public StructType schema() { return schema; }

    @Override public int partitionCount() { return groups.size(); }

    @Override public BatchStream execute(int partition, TaskContext ctx) {
        return Merges.stream(MergeReaders.open(groups.get(partition), null, null, sort, ctx, SpilledRun.BLOCK_ROWS, false), ctx);
    }

    @Override public List<ExecNode> children() { return List.of(); }

    @Override public String describe() { return "MergePass: " + groups.size() + " groups"; }
}
