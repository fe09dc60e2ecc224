package dev.sluice.exec;

import dev.sluice.expr.Expression;
import dev.sluice.expr.ValueHasher;
import dev.sluice.types.DataType;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.ConstantVector;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Probes a {@link JoinHashTable} with one partition's probe-side batches and produces the join's output:
 * matching pairs (at most {@code batchSize} per batch, however many rows share a key), then per probe batch
 * the probe rows an outer, semi or anti join emits, and at the end the unmatched build rows of a full outer
 * join. The residual condition (the non-equi part) is evaluated on the candidate pairs; a pair matches only
 * where it is TRUE. Output columns are always the left side's then the right side's.
 */
final class JoinStream implements BatchStream {
    /** What a probe row produces. */
    enum Mode { PAIRS, SEMI, ANTI }

    /** Told, per probe batch, which of its rows matched (instead of emitting the rows a probe row emits alone). */
    @FunctionalInterface
    interface MatchSink {
        void batchDone(boolean[] matched, int rows);
    }

    private final BatchStream probe;
    private final JoinHashTable table;
    private final List<Expression> probeKeys;
    private final boolean[] nullSafe;
    private final Expression residual;
    private final Mode mode;
    private final boolean probeIsLeft;
    private final boolean probeOuter;
    private final boolean buildOuter;
    private final StructType probeSchema;
    private final StructType buildSchema;
    private final int batchSize;
    private final TaskContext ctx;
    private final Runnable onClose;
    private final JoinSpec spec;

    private final ArrayDeque<Batch> ready = new ArrayDeque<>();
    private Batch batch;
    private ColumnVector[] keyValues;
    private DataType[] keyTypes;
    private long[] hashes;
    private boolean[] probing;   // the row's keys can match (no NULL in a key compared with =)
    private int[] candidates;    // per row, where its scan of the table starts (JoinHashTable.candidates)
    private boolean[] matched;
    private int row;
    private boolean rowStarted;
    private int cursor;
    private boolean probeDone;
    private int buildCursor;
    private MatchSink matchSink;

    JoinStream(BatchStream probe, JoinHashTable table, JoinSpec spec, StructType probeSchema, TaskContext ctx, Runnable onClose) {
        this.probe = probe;
        this.table = table;
        this.probeKeys = spec.probeKeys();
        this.nullSafe = spec.nullSafe();
        this.residual = spec.residual();
        this.mode = spec.mode();
        this.probeIsLeft = spec.probeIsLeft();
        this.probeOuter = spec.probeOuter();
        this.buildOuter = spec.buildOuter();
        this.probeSchema = probeSchema;
        this.buildSchema = spec.buildSchema();
        this.batchSize = Math.max(1, spec.batchSize());
        this.ctx = ctx;
        this.onClose = onClose;
        this.spec = spec;
    }

    /**
     * Hands each probe batch's match flags to {@code sink} instead of emitting its unmatched (outer, anti) or
     * matched (semi) rows: a block nested loop decides those only after every build chunk.
     */
    JoinStream collectMatches(MatchSink sink) {
        this.matchSink = sink;
        return this;
    }

    @Override public Batch next() {
        while (true) {
            if (!ready.isEmpty()) return ready.poll();
            ctx.checkCancelled();
            if (batch == null) {
                if (probeDone) {
                    if (!buildOuter || !emitUnmatchedBuildRows()) return null;
                    continue;
                }
                Batch b = probe.next();
                if (b == null) {
                    probeDone = true;
                    continue;
                }
                if (b.rowCount() > 0) start(b);
                continue;
            }
            advance();
        }
    }

    private void start(Batch b) {
        batch = b;
        int k = probeKeys.size();
        keyValues = new ColumnVector[k];
        keyTypes = new DataType[k];
        for (int i = 0; i < k; i++) {
            keyValues[i] = probeKeys.get(i).evaluate(b);
            keyTypes[i] = probeKeys.get(i).dataType();
        }
        int n = b.rowCount();
        hashes = new long[n];
        matched = new boolean[n];
        probing = new boolean[n];
        candidates = new int[n];
        for (int r = 0; r < n; r++) {
            if (JoinHashTable.hasNullKey(keyValues, r, nullSafe)) continue;
            probing[r] = true;
            hashes[r] = ValueHasher.hashRow(keyTypes, keyValues, r);
        }
        table.candidates(hashes, probing, n, candidates);
        row = 0;
        rowStarted = false;
    }

    /** Produces up to one batch of candidate pairs, and the per-batch output once the probe batch is done. */
    private void advance() {
        int n = batch.rowCount();
        int[] probeIds = new int[batchSize];
        int[] buildIds = new int[batchSize];
        int count = 0;
        boolean firstMatchOnly = mode != Mode.PAIRS && residual == null;
        while (row < n && count < batchSize) {
            if (!rowStarted) {
                rowStarted = true;
                cursor = probing[row] ? table.first(candidates[row], keyValues, row, hashes[row]) : -1;
            }
            while (cursor >= 0 && count < batchSize) {
                if (firstMatchOnly && matched[row]) {
                    cursor = -1;   // a semi or anti join only needs to know that one match exists
                    break;
                }
                probeIds[count] = row;
                buildIds[count] = cursor;
                count++;
                if (residual == null) {
                    matched[row] = true;
                    if (buildOuter) table.markMatched(cursor);
                }
                cursor = table.next(cursor, keyValues, row, hashes[row]);
            }
            if (cursor < 0) {
                row++;
                rowStarted = false;
            }
        }
        if (count > 0) emitPairs(probeIds, buildIds, count);
        if (row == n) finishBatch();
    }

    private void emitPairs(int[] probeIds, int[] buildIds, int count) {
        if (residual == null) {
            if (mode == Mode.PAIRS) ready.add(pairs(probeIds, buildIds, count));
            return;
        }
        Batch candidates = pairs(probeIds, buildIds, count);
        ColumnVector keep = residual.evaluate(candidates);
        int[] kept = new int[count];
        int m = 0;
        for (int i = 0; i < count; i++) {
            if (keep.isNull(i) || !keep.getBoolean(i)) continue;
            kept[m++] = i;
            matched[probeIds[i]] = true;
            if (buildOuter) table.markMatched(buildIds[i]);
        }
        if (mode == Mode.PAIRS && m > 0) ready.add(candidates.select(kept, m));
    }

    private void finishBatch() {
        int n = batch.rowCount();
        if (matchSink != null) {
            matchSink.batchDone(matched, n);
            batch = null;
            return;
        }
        boolean wantMatched = mode == Mode.SEMI;
        if (mode != Mode.PAIRS || probeOuter) {
            int[] ids = new int[n];
            int m = 0;
            for (int i = 0; i < n; i++) if (matched[i] == wantMatched) ids[m++] = i;
            if (m > 0) {
                Batch rows = batch.select(ids, m);
                ready.add(mode == Mode.PAIRS ? padProbe(rows) : rows);
            }
        }
        batch = null;
    }

    /** One batch of the build rows no probe row matched (full outer join), or false when there are no more. */
    private boolean emitUnmatchedBuildRows() {
        int total = table.rowCount();
        int[] ids = new int[batchSize];
        int m = 0;
        while (buildCursor < total && m < batchSize) {
            if (!table.isMatched(buildCursor)) ids[m++] = buildCursor;
            buildCursor++;
        }
        if (m == 0) return false;
        ColumnVector[] build = new ColumnVector[buildSchema.size()];
        for (int c = 0; c < build.length; c++) build[c] = table.output(c, ids, m);
        ready.add(arrange(nulls(probeSchema, m), build, m));
        return true;
    }

    /** The pairs' columns; those the consumer never reads ({@link JoinSpec#reading}) are a NULL constant. */
    private Batch pairs(int[] probeIds, int[] buildIds, int count) {
        ColumnVector[] p = new ColumnVector[batch.columnCount()];
        for (int c = 0; c < p.length; c++) {
            p[c] = spec.reads(true, c) ? batch.column(c).select(probeIds, count) : ConstantVector.of(probeSchema.field(c).dataType(), null, count);
        }
        ColumnVector[] b = new ColumnVector[buildSchema.size()];
        for (int c = 0; c < b.length; c++) {
            b[c] = spec.reads(false, c) ? table.output(c, buildIds, count) : ConstantVector.of(buildSchema.field(c).dataType(), null, count);
        }
        return arrange(p, b, count);
    }

    private Batch padProbe(Batch rows) { return padProbe(rows, buildSchema, probeIsLeft); }

    /** Probe rows with NULL build columns, left columns first. */
    static Batch padProbe(Batch rows, StructType buildSchema, boolean probeIsLeft) {
        ColumnVector[] p = new ColumnVector[rows.columnCount()];
        for (int c = 0; c < p.length; c++) p[c] = rows.column(c);
        return arrange(p, nulls(buildSchema, rows.rowCount()), rows.rowCount(), probeIsLeft);
    }

    private static ColumnVector[] nulls(StructType schema, int count) {
        ColumnVector[] out = new ColumnVector[schema.size()];
        for (int c = 0; c < out.length; c++) out[c] = ConstantVector.of(schema.field(c).dataType(), null, count);
        return out;
    }

    /** Left columns first, then right. */
    private Batch arrange(ColumnVector[] probeCols, ColumnVector[] buildCols, int count) {
        return arrange(probeCols, buildCols, count, probeIsLeft);
    }

    private static Batch arrange(ColumnVector[] probeCols, ColumnVector[] buildCols, int count, boolean probeIsLeft) {
        ColumnVector[] first = probeIsLeft ? probeCols : buildCols;
        ColumnVector[] second = probeIsLeft ? buildCols : probeCols;
        ColumnVector[] out = new ColumnVector[first.length + second.length];
        System.arraycopy(first, 0, out, 0, first.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return new Batch(out, count);
    }

    @Override public void close() {
        try {
            probe.close();
        } finally {
            onClose.run();
        }
    }
}
