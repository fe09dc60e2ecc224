package dev.sluice.connect;

import dev.sluice.expr.Expression;
import dev.sluice.io.BatchReader;
import dev.sluice.io.DataSource;
import dev.sluice.io.Split;
import dev.sluice.types.DataTypes;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.LongVector;

import java.util.ArrayList;
import java.util.List;

/** {@code spark.range(start, end, step, numPartitions)}: one {@code id} column, generated, never held in memory. */
final class RangeSource implements DataSource {
    private static final StructType SCHEMA = StructType.of(new dev.sluice.types.StructField("id", DataTypes.LONG, false));
    private final long start;
    private final long end;
    private final long step;
    private final int partitions;
    private final int batchSize;

    RangeSource(long start, long end, long step, int partitions, int batchSize) {
        if (step == 0) {
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.INVALID_ARGUMENT).with("function", "range")
                    .with("reason", "the step must not be 0").build();
        }
        this.start = start;
        this.end = end;
        this.step = step;
        this.partitions = Math.max(1, partitions);
        this.batchSize = batchSize;
    }

    /** Rows {@code [first, first + count)} of the range, by index. */
    record Slice(long first, long count) implements Split {
        @Override public String description() { return "range rows [" + first + ", " + (first + count) + ")"; }
        @Override public long sizeInBytes() { return count * 8; }
    }

    long rowCount() {
        java.math.BigInteger span = java.math.BigInteger.valueOf(end).subtract(java.math.BigInteger.valueOf(start));
        java.math.BigInteger s = java.math.BigInteger.valueOf(step);
        if (span.signum() == 0 || span.signum() != s.signum()) return 0;
        java.math.BigInteger[] qr = span.divideAndRemainder(s);
        return qr[0].longValueExact() + (qr[1].signum() == 0 ? 0 : 1);
    }

    @Override public String formatName() { return "range"; }

    @Override public String description() { return "range(" + start + ", " + end + ", step=" + step + ", splits=" + partitions + ")"; }

    @Override public StructType schema() { return SCHEMA; }

    @Override public long estimatedSizeInBytes() { return rowCount() * 8; }

    @Override public List<Split> splits() {
        long n = rowCount();
        List<Split> out = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            long from = n * p / partitions;
            long to = n * (p + 1) / partitions;
            if (to > from) out.add(new Slice(from, to - from));
        }
        return out;
    }

    @Override public BatchReader open(Split split, StructType projection, List<Expression> filters) {
        Slice slice = (Slice) split;
        return new BatchReader() {
            long done;

            @Override public Batch next() {
                if (done >= slice.count()) return null;
                int rows = (int) Math.min(batchSize, slice.count() - done);
                if (projection.size() == 0) {
                    done += rows;
                    return Batch.ofRowCount(rows);
                }
                LongVector ids = new LongVector(DataTypes.LONG, rows);
                for (int i = 0; i < rows; i++) ids.append(start + (slice.first() + done + i) * step);
                done += rows;
                return new Batch(new ColumnVector[] {ids}, rows);
            }

            @Override public void close() {}
        };
    }
}
