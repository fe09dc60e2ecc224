package dev.sluice.exec;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.ValueComparator;
import dev.sluice.expr.WindowExpression;
import dev.sluice.types.DataType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DecimalVector;
import dev.sluice.vector.DoubleVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.LongVector;

import java.math.BigDecimal;

/**
 * The running state of an aggregate over a window frame (count, sum, avg, min, max, first_value,
 * last_value), with Spark's result types and null rules: NULL inputs are skipped, an empty or all-NULL
 * frame gives NULL (count gives 0). Integer sums overflow as ANSI Spark (ARITHMETIC_OVERFLOW).
 * Kept separate from the operator so it can be replaced by the aggregate functions' own accumulators.
 */
abstract class FrameAccumulator {
    abstract void reset();

    /** Adds the row with id {@code row} (rows arrive in frame order). */
    abstract void add(int row);

    abstract void result(FlatVector out);

    static FrameAccumulator of(WindowExpression w, ColumnVector input) {
        DataType t = input.type();
        switch (w.function()) {
            case COUNT: return new Count(input);
            case SUM:
                if (t instanceof DoubleType || t instanceof FloatType) return new DoubleSum(input, false);
                if (t instanceof DecimalType) return new DecimalSum(input, (DecimalType) w.dataType(), null);
                return new LongSum(input);
            case AVG: return t instanceof DecimalType ? new DecimalSum(input, (DecimalType) WindowExpression.sumType(t), (DecimalType) w.dataType())
                    : new DoubleSum(input, true);
            case MIN: return new Extreme(input, false);
            case MAX: return new Extreme(input, true);
            case FIRST_VALUE: return new Pick(input, true, w.ignoreNulls());
            case LAST_VALUE: return new Pick(input, false, w.ignoreNulls());
            default: throw SluiceException.internal("not a frame function: " + w.function());
        }
    }

    private static final class Count extends FrameAccumulator {
        private final ColumnVector input;
        private long count;

        Count(ColumnVector input) { this.input = input; }

        @Override void reset() { count = 0; }

        @Override void add(int row) { if (!input.isNull(row)) count++; }

        @Override void result(FlatVector out) { ((LongVector) out).append(count); }
    }

    private static final class LongSum extends FrameAccumulator {
        private final ColumnVector input;
        private final boolean ints;
        private long sum;
        private boolean any;

        LongSum(ColumnVector input) {
            this.input = input;
            this.ints = input.type() instanceof IntegerType;
        }

        @Override void reset() { sum = 0; any = false; }

        @Override void add(int row) {
            if (input.isNull(row)) return;
            long v = ints ? input.getInt(row) : input.getLong(row);
            try {
                sum = Math.addExact(sum, v);
            } catch (ArithmeticException e) {
                throw SluiceException.of(ErrorCode.ARITHMETIC_OVERFLOW).with("operation", "sum").with("type", "BIGINT").build();
            }
            any = true;
        }

        @Override void result(FlatVector out) {
            if (any) ((LongVector) out).append(sum);
            else out.appendNull();
        }
    }

    /** sum of floating point (as double), or avg of any non-decimal number (sum as double / count). */
    private static final class DoubleSum extends FrameAccumulator {
        private final ColumnVector input;
        private final boolean average;
        private final DataType type;
        private double sum;
        private long count;

        DoubleSum(ColumnVector input, boolean average) {
            this.input = input;
            this.average = average;
            this.type = input.type();
        }

        @Override void reset() { sum = 0; count = 0; }

        @Override void add(int row) {
            if (input.isNull(row)) return;
            double v;
            if (type instanceof DoubleType) v = input.getDouble(row);
            else if (type instanceof FloatType) v = input.getFloat(row);
            else if (type instanceof IntegerType) v = input.getInt(row);
            else v = input.getLong(row);
            sum += v;
            count++;
        }

        @Override void result(FlatVector out) {
            if (count == 0) out.appendNull();
            else ((DoubleVector) out).append(average ? sum / count : sum);
        }
    }

    /** sum of decimals as decimal(p + 10, s); with {@code average} set, avg as that type, rounded half up. */
    private static final class DecimalSum extends FrameAccumulator {
        private final ColumnVector input;
        private final DecimalType result;
        private final DecimalType average;
        private BigDecimal sum;
        private long count;

        DecimalSum(ColumnVector input, DecimalType result, DecimalType average) {
            this.input = input;
            this.result = result;
            this.average = average;
        }

        @Override void reset() { sum = null; count = 0; }

        @Override void add(int row) {
            if (input.isNull(row)) return;
            BigDecimal v = input.getDecimal(row);
            sum = sum == null ? v : sum.add(v);
            count++;
            if (sum.precision() - sum.scale() > result.precision() - result.scale()) {
                throw SluiceException.of(ErrorCode.ARITHMETIC_OVERFLOW).with("operation", "sum").with("type", result.sql()).build();
            }
        }

        @Override void result(FlatVector out) {
            if (sum == null) out.appendNull();
            else if (average != null) ((DecimalVector) out).append(sum.divide(BigDecimal.valueOf(count), average.scale(), java.math.RoundingMode.HALF_UP));
            else ((DecimalVector) out).append(sum.setScale(result.scale()));
        }
    }

    /** min / max by Spark's ordering (NaN above every number); the first of equal values wins. */
    private static final class Extreme extends FrameAccumulator {
        private final ColumnVector input;
        private final DataType type;
        private final boolean max;
        private int best = -1;

        Extreme(ColumnVector input, boolean max) {
            this.input = input;
            this.type = input.type();
            this.max = max;
        }

        @Override void reset() { best = -1; }

        @Override void add(int row) {
            if (input.isNull(row)) return;
            if (best < 0) {
                best = row;
                return;
            }
            int c = ValueComparator.compare(type, input, row, input, best);
            if (max ? c > 0 : c < 0) best = row;
        }

        @Override void result(FlatVector out) {
            if (best < 0) out.appendNull();
            else out.appendFrom(input, best);
        }
    }

    /** first_value / last_value of the frame, skipping NULLs when asked. */
    private static final class Pick extends FrameAccumulator {
        private final ColumnVector input;
        private final boolean first;
        private final boolean ignoreNulls;
        private int picked = -1;

        Pick(ColumnVector input, boolean first, boolean ignoreNulls) {
            this.input = input;
            this.first = first;
            this.ignoreNulls = ignoreNulls;
        }

        @Override void reset() { picked = -1; }

        @Override void add(int row) {
            if (ignoreNulls && input.isNull(row)) return;
            if (!first || picked < 0) picked = row;
        }

        @Override void result(FlatVector out) {
            if (picked < 0) out.appendNull();
            else out.appendFrom(input, picked);
        }
    }
}
