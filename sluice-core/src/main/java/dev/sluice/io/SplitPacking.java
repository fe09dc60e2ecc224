package dev.sluice.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs runs of small file splits into {@link SplitGroup}s so that a million tiny files make a few thousand tasks,
 * not a million, as Spark's {@code FilePartition} packing does with {@code maxPartitionBytes} and
 * {@code openCostInBytes}: every split costs its bytes plus the open cost, and a group takes consecutive splits
 * while their cost fits in {@code maxSplitBytes}. Unlike Spark, the splits keep their order (the input's row order
 * is files, then lines) and only splits smaller than the open cost are packed, so files of a useful size keep a task
 * each; the groups depend only on the files and the settings, never on the number of workers.
 */
public final class SplitPacking {
    /** Spark's defaults put the open cost at 1/32 of the partition size (4 MB of 128 MB); Sluice keeps that ratio. */
    public static final int OPEN_COST_FRACTION = 32;

    private SplitPacking() {}

    /** The open cost for a split size: what opening one more file is worth in bytes. */
    public static long openCost(long maxSplitBytes) { return Math.max(1, maxSplitBytes / OPEN_COST_FRACTION); }

    /** {@code splits} with runs of small {@link Split#packable() packable} ones grouped; the order is kept. */
    public static List<Split> pack(List<Split> splits, long maxSplitBytes) {
        long openCost = openCost(maxSplitBytes);
        List<Split> out = new ArrayList<>();
        List<Split> run = new ArrayList<>();
        long runCost = 0;
        for (Split s : splits) {
            long size = Math.max(0, s.sizeInBytes());
            if (!s.packable() || size >= openCost) {
                flush(run, out);
                runCost = 0;
                out.add(s);
                continue;
            }
            long cost = size + openCost;
            if (!run.isEmpty() && runCost + cost > maxSplitBytes) {
                flush(run, out);
                runCost = 0;
            }
            run.add(s);
            runCost += cost;
        }
        flush(run, out);
        return out;
    }

    private static void flush(List<Split> run, List<Split> out) {
        if (run.size() == 1) out.add(run.get(0));
        else if (!run.isEmpty()) out.add(new SplitGroup(run));
        run.clear();
    }
}
