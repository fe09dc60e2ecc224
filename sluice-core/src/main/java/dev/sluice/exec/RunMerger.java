package dev.sluice.exec;

import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * A k-way merge of sorted cursors (in-memory slices of runs, spilled runs read block by block) into batches
 * of at most {@code batchSize} rows. Ties go to the earlier cursor (cursors are in input partition order, a
 * partition's spilled runs before its last run), so the merge is a stable sort of the concatenated input.
 * When one cursor is left, its rows come out as views instead of copies.
 * <p>
 * The cursors meet in a tournament (loser) tree: taking a row replays one path from the leaf of its cursor to
 * the root, one comparison a level (a binary heap's sift-down makes two). Each cursor's current row's first key
 * prefix is kept beside the tree ({@link KeyPrefixes}), so most comparisons are of two longs read from one array;
 * equal prefixes (or a block without them) fall back to {@link RowOrdering}.
 */
final class RunMerger implements AutoCloseable {
    /** Rows {@code [from, to)} of a run's sorted order. */
    record Slice(SortedRun run, int from, int to) {}

    private final StructType schema;
    private final RowOrdering ordering;
    private final int batchSize;
    private final RunCursor[] cursors;
    /** Per cursor: its current row's first prefix, and whether it has one (else the keys are compared). */
    private final long[] head;
    private final boolean[] headed;
    /**
     * Per cursor: its current row's second prefix, and whether it has one (only when the first prefix is exact,
     * {@link KeyPrefixes}): compared when the first prefixes are equal (M3's repeating latencies).
     */
    private final long[] head2;
    private final boolean[] seconded;
    /** Per cursor: done (it sorts after every row). */
    private final boolean[] done;
    /** The loser tree over cursors [0, k): tree[0] the winner, tree[1..k) the loser of each inner node. */
    private final int[] tree;
    private final int k;
    private int live;
    private long remaining;
    private final List<Runnable> onClose = new ArrayList<>();
    /** The batch being gathered: row i is row {@code pickRows[i]} of block {@code blocks[pickBlocks[i]]}. */
    private int[] pickRows = new int[0];
    private int[] pickBlocks = new int[0];
    private SortedRun[] blocks = new SortedRun[8];
    /** Per cursor: the index in {@link #blocks} of its current block in this batch, or -1 (not picked since a refill). */
    private final int[] blockOf;

    RunMerger(StructType schema, RowOrdering ordering, List<Slice> slices, int batchSize, long limit) {
        this(schema, ordering, batchSize, limit, cursorsOf(slices));
    }

    RunMerger(StructType schema, RowOrdering ordering, int batchSize, long limit, List<RunCursor> cursors) {
        this.schema = schema;
        this.ordering = ordering;
        this.batchSize = Math.max(1, batchSize);
        List<RunCursor> nonEmpty = new ArrayList<>();
        for (RunCursor c : cursors) if (c.pos < c.end || c.refill()) nonEmpty.add(c);
        this.cursors = nonEmpty.toArray(new RunCursor[0]);
        this.k = this.cursors.length;
        this.head = new long[k];
        this.headed = new boolean[k];
        this.head2 = new long[k];
        this.seconded = new boolean[k];
        this.done = new boolean[k];
        this.blockOf = new int[k];
        this.tree = new int[Math.max(1, k)];
        this.live = k;
        for (int i = 0; i < k; i++) loadHead(i);
        if (k > 0) tree[0] = build(1);
        this.remaining = limit < 0 ? Long.MAX_VALUE : limit;
    }

    private static List<RunCursor> cursorsOf(List<Slice> slices) {
        List<RunCursor> out = new ArrayList<>(slices.size());
        for (Slice s : slices) out.add(RunCursor.of(s.run(), s.from(), s.to()));
        return out;
    }

    /** Builds the subtree of node {@code node} (leaves are nodes k..2k-1, leaf k + i is cursor i); returns its winner. */
    private int build(int node) {
        if (node >= k) return node - k;
        int a = build(2 * node), b = 2 * node + 1 < 2 * k ? build(2 * node + 1) : -1;
        if (b < 0) return a;   // cannot happen for k >= 1 with nodes 1..k-1: every inner node has two children
        if (before(b, a)) {
            tree[node] = a;
            return b;
        }
        tree[node] = b;
        return a;
    }

    /** The next batch, or null when done. */
    Batch next() {
        if (live == 0 || remaining == 0) return null;
        int want = (int) Math.min(batchSize, remaining);
        if (live == 1) {
            RunCursor c = cursors[tree[0]];
            int stop = (int) Math.min(c.end, (long) c.pos + want);
            Batch view = c.run.viewOf(c.pos, stop);
            c.pos = stop;
            if (stop == c.end && !c.refill()) live = 0;
            remaining -= view.rowCount();
            return view;
        }
        // pick the batch's rows first (which block, which row), then copy column by column from the blocks
        if (pickRows.length < want) {
            pickRows = new int[want];
            pickBlocks = new int[want];
        }
        int blockCount = 0;
        java.util.Arrays.fill(blockOf, -1);
        int n = 0;
        while (n < want && live > 0) {
            int w = tree[0];
            RunCursor cur = cursors[w];
            int b = blockOf[w];
            if (b < 0) {
                if (blockCount == blocks.length) blocks = java.util.Arrays.copyOf(blocks, 2 * blockCount);
                blocks[blockCount] = cur.run;
                b = blockOf[w] = blockCount++;
            }
            pickBlocks[n] = b;
            pickRows[n] = cur.run.order[cur.pos];
            n++;
            if (++cur.pos == cur.end) {
                blockOf[w] = -1;   // a refill replaces the cursor's block: its next rows come from a new one
                if (!cur.refill()) {
                    done[w] = true;
                    live--;
                } else {
                    loadHead(w);
                }
            } else {
                loadHead(w);
            }
            if (live > 0) replay(w);
        }
        remaining -= n;
        int width = schema.size();
        if (width == 0) return Batch.ofRowCount(n);
        FlatVector[] out = new FlatVector[width];
        ColumnVector[] sources = new ColumnVector[blockCount];
        for (int c = 0; c < width; c++) {
            for (int b = 0; b < blockCount; b++) sources[b] = blocks[b].columns[c];
            out[c] = Vectors.allocate(schema.field(c).dataType(), n);
            out[c].appendInterleaved(sources, pickBlocks, pickRows, n);
        }
        java.util.Arrays.fill(blocks, 0, blockCount, null);   // no block kept past its batch
        return new Batch(out, n);
    }

    /** Cursor {@code w}'s row changed: plays it up from its leaf, each node keeping the loser. */
    private void replay(int w) {
        int winner = w;
        for (int node = (w + k) >>> 1; node >= 1; node >>>= 1) {
            int other = tree[node];
            if (before(other, winner)) {
                tree[node] = winner;
                winner = other;
            }
        }
        tree[0] = winner;
    }

    private void loadHead(int i) {
        RunCursor c = cursors[i];
        KeyPrefixes p = c.run.prefix;
        headed[i] = p != null;
        if (p == null) return;
        int row = c.run.order[c.pos];
        head[i] = p.first()[row];
        long[] second = p.second();
        seconded[i] = second != null;
        if (second != null) head2[i] = second[row];
    }

    /** True when cursor {@code x}'s current row comes before cursor {@code y}'s (ties: the earlier cursor). */
    private boolean before(int x, int y) {
        if (done[x]) return false;
        if (done[y]) return true;
        if (headed[x] && headed[y]) {
            if (head[x] != head[y]) return head[x] < head[y];
            // equal exact first keys: the second key's prefix decides most ties without reading the keys
            if (seconded[x] && seconded[y] && head2[x] != head2[y]) return head2[x] < head2[y];
        }
        RunCursor cx = cursors[x], cy = cursors[y];
        int c = ordering.compare(cx.run.prefix, cx.run.keys, cx.run.order[cx.pos], cy.run.prefix, cy.run.keys, cy.run.order[cy.pos]);
        return c != 0 ? c < 0 : x < y;
    }

    /** Runs {@code action} when the merger closes, after its cursors (the readers' memory, the files a merge wrote). */
    void onClose(Runnable action) { onClose.add(action); }

    /** Closes every cursor (spill readers), then runs the close actions. */
    @Override public void close() {
        for (RunCursor c : cursors) c.close();
        for (Runnable r : onClose) r.run();
        onClose.clear();
    }
}
