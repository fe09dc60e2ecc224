package dev.sluice.exec;

import dev.sluice.memory.MemoryPool;
import dev.sluice.memory.Reservation;
import dev.sluice.memory.SpillFile;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;

import java.util.BitSet;
import java.util.function.Supplier;

/**
 * The last resort of a grace hash join, for a build partition that cannot be split (one key with more rows
 * than the budget, or the recursion limit reached): a block nested loop over the two spilled files. The build
 * file is read in chunks as large as the pool grants (at least one row); the whole probe file streams
 * through each chunk's table. Matching pairs and a chunk's unmatched build rows (full or build-side outer
 * join) come out chunk by chunk, since each build row lives in one chunk. What a probe row emits on its own
 * (outer padding, semi, anti) depends on every chunk, so the matches are kept as one bit per probe row and a
 * last pass over the probe file emits those rows.
 */
final class ChunkedJoinStream implements BatchStream {
    private final JoinSpec spec;
    private final SpillFile probeFile;
    private final StructType probeSchema;
    private final Reservation reservation;
    private final Reservation bitsReservation;
    private final Supplier<JoinHashTable.Builder> builders;
    private final TaskContext ctx;
    private final boolean probeRowsAtEnd;
    private final BitSet probeMatched = new BitSet();
    private final BatchStream buildReader;
    private final java.util.ArrayDeque<Batch> pending = new java.util.ArrayDeque<>();
    private boolean buildDone;
    private JoinStream current;
    private long probeOrdinal;
    private SpillFile.Reader lastPass;
    private long chunks;

    /** {@code buildRows} is read once (the stream is closed with this one); the probe file once per chunk and once more. */
    ChunkedJoinStream(JoinSpec spec, BatchStream buildRows, SpillFile probeFile, StructType probeSchema, MemoryPool pool,
                      Reservation reservation, Supplier<JoinHashTable.Builder> builders, TaskContext ctx) {
        this.spec = spec;
        this.probeFile = probeFile;
        this.probeSchema = probeSchema;
        this.reservation = reservation;
        this.bitsReservation = pool.newReservation("hash join probe matches");
        this.builders = builders;
        this.ctx = ctx;
        this.probeRowsAtEnd = spec.mode() != JoinStream.Mode.PAIRS || spec.probeOuter();
        this.buildReader = buildRows;
    }

    /** How many build chunks were joined so far (for tests). */
    long chunks() { return chunks; }

    @Override public Batch next() {
        while (true) {
            ctx.checkCancelled();
            if (current != null) {
                Batch b = current.next();
                if (b != null) return b;
                current.close();
                current = null;
            }
            if (!buildDone) {
                startChunk();
                continue;
            }
            return probeRowsAtEnd ? nextProbeRows() : null;
        }
    }

    /** Builds the next chunk's table and starts streaming the probe file through it. */
    private void startChunk() {
        reservation.shrink(reservation.bytes());
        JoinHashTable.Builder builder = builders.get();
        while (true) {
            Batch b = pending.isEmpty() ? buildReader.next() : pending.poll();
            if (b == null) {
                buildDone = true;
                break;
            }
            ctx.checkCancelled();
            // never wait for memory here: a smaller chunk only costs one more pass over the probe file
            if (builder.tryAddNow(b)) continue;
            if (builder.rows() > 0) {
                pending.addFirst(b);
                break;
            }
            // not even this block fits an empty chunk: halve it until it does (one row is taken whatever it costs)
            if (b.rowCount() == 1) {
                builder.add(b);
                continue;
            }
            int half = b.rowCount() / 2;
            pending.addFirst(b.slice(half, b.rowCount() - half));
            pending.addFirst(b.slice(0, half));
        }
        if (builder.rows() == 0) return;
        chunks++;
        JoinHashTable table = builder.finish(spec.buildOuter());
        probeOrdinal = 0;
        BatchStream probe = SpillPartitions.read(probeFile, probeSchema);
        current = spec.stream(probe, table, true, ctx, () -> { });
        if (probeRowsAtEnd) current.collectMatches(this::recordMatches);
    }

    private void recordMatches(boolean[] matched, int rows) {
        for (int i = 0; i < rows; i++) if (matched[i]) probeMatched.set(Math.toIntExact(probeOrdinal + i));
        probeOrdinal += rows;
        long bytes = probeMatched.size() / 8;
        if (bytes > bitsReservation.bytes()) bitsReservation.grow(bytes - bitsReservation.bytes());
    }

    /** The last pass: the probe rows an outer, semi or anti join emits, in probe order. */
    private Batch nextProbeRows() {
        if (probeFile == null) return null;
        if (lastPass == null) {
            reservation.shrink(reservation.bytes());
            lastPass = probeFile.reader(probeSchema);
            probeOrdinal = 0;
        }
        boolean wantMatched = spec.mode() == JoinStream.Mode.SEMI;
        for (Batch b = lastPass.next(); b != null; b = lastPass.next()) {
            ctx.checkCancelled();
            int n = b.rowCount();
            int[] ids = new int[n];
            int m = 0;
            for (int i = 0; i < n; i++) if (probeMatched.get(Math.toIntExact(probeOrdinal + i)) == wantMatched) ids[m++] = i;
            probeOrdinal += n;
            if (m == 0) continue;
            Batch rows = m == n ? b : b.select(ids, m);
            return spec.mode() == JoinStream.Mode.PAIRS ? JoinStream.padProbe(rows, spec.buildSchema(), spec.probeIsLeft()) : rows;
        }
        return null;
    }

    @Override public void close() {
        if (current != null) current.close();
        current = null;
        buildReader.close();
        if (lastPass != null) lastPass.close();
        bitsReservation.close();
    }
}
