package dev.sluice;

import dev.sluice.exec.ExecNode;
import dev.sluice.exec.JobListener;
import dev.sluice.exec.Metered;
import dev.sluice.exec.OperatorMetrics;
import dev.sluice.expr.Expression;
import dev.sluice.io.BatchReader;
import dev.sluice.io.DataSource;
import dev.sluice.io.Split;
import dev.sluice.memory.MemoryPool;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DoubleVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.IntVector;
import dev.sluice.vector.LongVector;
import dev.sluice.vector.Vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sessions with a tiny memory budget and generated inputs far larger than it, for the spill tests: rows
 * {@code (id BIGINT, k STRING, g INT, v DOUBLE, pad STRING)} computed from the row number (no input held in
 * memory), and a listener that sums the spill metrics of every operator a query ran.
 */
final class SpillTestSupport {
    static final StructType SCHEMA = StructType.fromDDL("id BIGINT, k STRING, g INT, v DOUBLE, pad STRING");
    static final long BUDGET = 1L << 20;

    private SpillTestSupport() {}

    /** Spill bytes of the operators of the queries run since the listener was added. */
    static final class SpillCounter implements JobListener {
        private final List<ExecNode> roots = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override public void onQueryStart(long queryId, String description, ExecNode root) { roots.add(root); }

        long spilledBytes() {
            AtomicLong total = new AtomicLong();
            for (ExecNode r : roots) walk(r, total);
            return total.get();
        }

        private static void walk(ExecNode node, AtomicLong total) {
            OperatorMetrics m = Metered.metricsOf(node);
            if (m != null) total.addAndGet(m.spillBytes());
            for (ExecNode c : node.children()) walk(c, total);
        }

        void reset() { roots.clear(); }
    }

    static Sluice session(int parallelism, SpillCounter counter) {
        return Sluice.builder().parallelism(parallelism).shufflePartitions(Math.max(2, parallelism)).memoryBudget(BUDGET)
                .broadcastThreshold(-1).listener(counter).build();
    }

    static MemoryPool pool(Sluice s) { return ((EmbeddedEngine) s.engine()).memoryPool(); }

    /** The key of row i: {@code keys} distinct values. */
    static String key(long i, long keys) { return "key-" + Long.toHexString(mix(i) % keys); }

    static int group(long i) { return (int) (mix(i * 31 + 7) % 1000); }

    static double value(long i) { return (mix(i * 17 + 3) % 100_000) / 100.0; }

    static long mix(long x) {
        x += 0x9E3779B97F4A7C15L;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return (x ^ (x >>> 31)) & Long.MAX_VALUE;
    }

    static DataFrame generated(Sluice s, long rows, long keys) {
        return s.read(new Generated(rows, keys, 8192));
    }

    /** Rows computed from their number, in splits of {@code rowsPerSplit}. */
    record Generated(long rows, long keys, int rowsPerSplit) implements DataSource {
        record Range(long from, long to) implements Split {
            @Override public String description() { return "rows [" + from + ", " + to + ")"; }
            @Override public long sizeInBytes() { return 0; }
        }

        @Override public String formatName() { return "generated"; }
        @Override public String description() { return rows + " rows"; }
        @Override public StructType schema() { return SCHEMA; }
        @Override public long estimatedSizeInBytes() { return rows * 80; }

        @Override public List<Split> splits() {
            List<Split> out = new ArrayList<>();
            for (long from = 0; from < rows; from += rowsPerSplit) out.add(new Range(from, Math.min(rows, from + rowsPerSplit)));
            return out;
        }

        @Override public BatchReader open(Split split, StructType projection, List<Expression> filters) {
            Range range = (Range) split;
            return new BatchReader() {
                long next = range.from();

                @Override public Batch next() {
                    if (next >= range.to()) return null;
                    int n = (int) Math.min(4096, range.to() - next);
                    ColumnVector[] cols = new ColumnVector[projection.size()];
                    for (int c = 0; c < cols.length; c++) cols[c] = column(projection.field(c), next, n);
                    next += n;
                    return cols.length == 0 ? Batch.ofRowCount(n) : new Batch(cols, n);
                }

                @Override public void close() { next = range.to(); }
            };
        }

        private FlatVector column(StructField f, long from, int n) {
            FlatVector v = Vectors.allocate(f.dataType(), n);
            for (long i = from; i < from + n; i++) {
                switch (f.name()) {
                    case "id" -> ((LongVector) v).append(i);
                    case "k" -> ((BytesVector) v).append(key(i, keys));
                    case "g" -> {
                        if (i % 97 == 0) v.appendNull();
                        else ((IntVector) v).append(group(i));
                    }
                    case "v" -> ((DoubleVector) v).append(value(i));
                    default -> ((BytesVector) v).append("padding-" + (i % 13));
                }
            }
            return v;
        }
    }
}
