package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.types.DataTypes;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.LongVector;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbers {@code start, start + step, ...} up to {@code end} (exclusive) in one non-null bigint column {@code id}
 * (Spark's {@code range}): generated, never held in memory, cut into {@code partitions} contiguous pieces.
 */
public final class RangeSource implements DataSource {
    public static final StructType SCHEMA = new StructType(List.of(new StructField("id", DataTypes.LONG, false)));

    private final long start;
    private final long end;
    private final long step;
    private final int partitions;
    private final int batchSize;
    private final long count;

    public RangeSource(long start, long end, long step, int partitions, int batchSize) {
        if (step == 0) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "range").with("reason", "the step must not be 0").build();
        }
        if (partitions < 1) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "range")
                    .with("reason", "the number of partitions must be positive, got " + partitions).build();
        }
        this.start = start;
        this.end = end;
        this.step = step;
        this.partitions = partitions;
        this.batchSize = Math.max(1, batchSize);
        BigInteger span = BigInteger.valueOf(end).subtract(BigInteger.valueOf(start));
        BigInteger s = BigInteger.valueOf(step);
        // ceil(span / step) when the span runs the step's way, else no rows
        BigInteger n = span.signum() == 0 || span.signum() != s.signum() ? BigInteger.ZERO
                : span.add(s).subtract(BigInteger.valueOf(s.signum())).divide(s);
        if (n.bitLength() > 62) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "range").with("reason", "too many rows: " + n).build();
        }
        this.count = n.longValue();
    }

    public long start() { return start; }

    public long end() { return end; }

    public long step() { return step; }

    public int partitions() { return partitions; }

    /** The number of rows. */
    public long count() { return count; }

    record Piece(long fromIndex, long toIndex) implements Split {
        @Override public String description() { return "ids [" + fromIndex + ", " + toIndex + ")"; }
        @Override public long sizeInBytes() { return (toIndex - fromIndex) * 8; }
    }

    @Override public String formatName() { return "range"; }

    @Override public String description() {
        return "(start=" + start + ", end=" + end + ", step=" + step + ", splits=" + partitions + ")";
    }

    @Override public StructType schema() { return SCHEMA; }

    @Override public long estimatedSizeInBytes() { return count * 8; }

    @Override public List<Split> splits() {
        List<Split> out = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            long from = BigInteger.valueOf(count).multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(partitions)).longValue();
            long to = BigInteger.valueOf(count).multiply(BigInteger.valueOf(i + 1)).divide(BigInteger.valueOf(partitions)).longValue();
            out.add(new Piece(from, to));
        }
        return out;
    }

    @Override public BatchReader open(Split split, StructType projection, List<Expression> filters) {
        Piece piece = (Piece) split;
        return new BatchReader() {
            long next = piece.fromIndex();

            @Override public Batch next() {
                if (next >= piece.toIndex()) return null;
                int rows = (int) Math.min(batchSize, piece.toIndex() - next);
                ColumnVector[] columns = new ColumnVector[projection.size()];
                for (int c = 0; c < columns.length; c++) {
                    LongVector ids = new LongVector(DataTypes.LONG, rows);
                    for (int r = 0; r < rows; r++) ids.append(start + (next + r) * step);
                    columns[c] = ids;
                }
                next += rows;
                return new Batch(columns, rows);
            }

            @Override public void close() { next = piece.toIndex(); }
        };
    }
}
