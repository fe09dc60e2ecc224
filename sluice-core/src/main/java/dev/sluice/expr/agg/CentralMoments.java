package dev.sluice.expr.agg;

import dev.sluice.error.SluiceException;
import dev.sluice.expr.AggregateFunction;
import dev.sluice.expr.Cast;
import dev.sluice.expr.EvalMode;
import dev.sluice.expr.Expression;
import dev.sluice.expr.GroupAccumulator;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DoubleVector;
import dev.sluice.vector.FlatVector;

import java.util.Arrays;
import java.util.List;

/**
 * Standard deviation and variance (stddev/stddev_samp, stddev_pop, variance/var_samp, var_pop), skewness and
 * kurtosis over doubles, with Spark's streaming update and merge of (n, mean, m2, m3, m4) in Spark's
 * CentralMomentAgg's order of operations, so doubles agree with Spark's bit for bit over the same partitions
 * (the partial states of partitions are merged in order into an empty state, as Spark's final aggregate does).
 * NULL for an empty group; the sample forms are NULL for a single row (Spark 3+: not NaN); NaN inputs give NaN;
 * skewness and kurtosis are NaN for zero variance. {@code name} is the name the user called (stddev and
 * stddev_samp compute the same).
 */
public record CentralMoments(Expression child, Kind kind, String name, boolean bound) implements AggregateFunction {
    public enum Kind { STDDEV_SAMP, STDDEV_POP, VAR_SAMP, VAR_POP, SKEWNESS, KURTOSIS }

    public static CentralMoments of(String name, Expression child) {
        Kind kind = switch (name) {
            case "stddev", "stddev_samp", "std" -> Kind.STDDEV_SAMP;
            case "stddev_pop" -> Kind.STDDEV_POP;
            case "variance", "var_samp" -> Kind.VAR_SAMP;
            case "var_pop" -> Kind.VAR_POP;
            case "skewness" -> Kind.SKEWNESS;
            case "kurtosis" -> Kind.KURTOSIS;
            default -> throw SluiceException.internal("not a central moment: " + name);
        };
        return new CentralMoments(child, kind, name, false);
    }

    @Override public List<Expression> inputs() { return List.of(child); }

    @Override public AggregateFunction withInputs(List<Expression> in) {
        return new CentralMoments(AggregateTypes.only(this, in), kind, name, bound);
    }

    @Override public AggregateFunction bind(AggregateBinder binder) {
        return new CentralMoments(AggregateTypes.numeric(this, child, binder), kind, name, true);
    }

    @Override public DataType resultType() { return DataTypes.DOUBLE; }

    @Override public boolean nullable() { return true; }

    @Override public List<Expression> evaluatedInputs() {
        return List.of(child.dataType().equals(DataTypes.DOUBLE) ? child : new Cast(child, DataTypes.DOUBLE, EvalMode.ANSI));
    }

    @Override public List<DataType> stateTypes() { return java.util.Collections.nCopies(5, DataTypes.DOUBLE); }

    @Override public GroupAccumulator newAccumulator() { return new Accumulator(kind); }

    private static final class Accumulator implements GroupAccumulator {
        private final Kind kind;
        private double[] n = new double[0];
        private double[] mean = new double[0];
        private double[] m2 = new double[0];
        private double[] m3 = new double[0];
        private double[] m4 = new double[0];

        Accumulator(Kind kind) { this.kind = kind; }

        @Override public void ensureGroups(int groups) {
            if (groups > n.length) {
                int cap = Growth.capacity(n.length, groups);
                n = Arrays.copyOf(n, cap);
                mean = Arrays.copyOf(mean, cap);
                m2 = Arrays.copyOf(m2, cap);
                m3 = Arrays.copyOf(m3, cap);
                m4 = Arrays.copyOf(m4, cap);
            }
        }

        @Override public void update(ColumnVector[] inputs, int[] groupIds, int rowCount) {
            ColumnVector v = inputs[0];
            for (int r = 0; r < rowCount; r++) {
                if (v.isNull(r)) continue;
                int g = groupIds[r];
                double x = v.getDouble(r);
                double newN = n[g] + 1.0;
                double delta = x - mean[g];
                double deltaN = delta / newN;
                double newM2 = m2[g] + delta * (delta - deltaN);
                double delta2 = delta * delta, deltaN2 = deltaN * deltaN;
                double newM3 = m3[g] - 3.0 * deltaN * newM2 + delta * (delta2 - deltaN2);
                double newM4 = m4[g] - 4.0 * deltaN * newM3 - 6.0 * deltaN2 * newM2 + delta * (delta * delta2 - deltaN * deltaN2);
                mean[g] += deltaN;
                m2[g] = newM2;
                m3[g] = newM3;
                m4[g] = newM4;
                n[g] = newN;
            }
        }

        @Override public void merge(ColumnVector[] states, int[] groupIds, int rowCount) {
            for (int r = 0; r < rowCount; r++) {
                int g = groupIds[r];
                double n1 = n[g], n2 = states[0].getDouble(r);
                double m2a = m2[g], m2b = states[2].getDouble(r), m3a = m3[g], m3b = states[3].getDouble(r);
                double newN = n1 + n2;
                double delta = states[1].getDouble(r) - mean[g];
                double deltaN = newN == 0.0 ? 0.0 : delta / newN;
                mean[g] += deltaN * n2;
                m2[g] = m2a + m2b + delta * deltaN * n1 * n2;
                m3[g] = m3a + m3b + deltaN * deltaN * delta * n1 * n2 * (n1 - n2) + 3.0 * deltaN * (n1 * m2b - n2 * m2a);
                m4[g] = m4[g] + states[4].getDouble(r) + deltaN * deltaN * deltaN * delta * n1 * n2 * (n1 * n1 - n1 * n2 + n2 * n2)
                        + 6.0 * deltaN * deltaN * (n1 * n1 * m2b + n2 * n2 * m2a) + 4.0 * deltaN * (n1 * m3b - n2 * m3a);
                n[g] = newN;
            }
        }

        @Override public void writeState(int group, FlatVector[] out) {
            ((DoubleVector) out[0]).append(n[group]);
            ((DoubleVector) out[1]).append(mean[group]);
            ((DoubleVector) out[2]).append(m2[group]);
            ((DoubleVector) out[3]).append(m3[group]);
            ((DoubleVector) out[4]).append(m4[group]);
        }

        @Override public void writeResult(int group, FlatVector out) {
            double count = n[group];
            if (count == 0.0) {
                out.appendNull();
                return;
            }
            double v2 = m2[group];
            switch (kind) {
                case SKEWNESS -> ((DoubleVector) out).append(v2 == 0.0 ? Double.NaN : Math.sqrt(count) * m3[group] / Math.sqrt(v2 * v2 * v2));
                case KURTOSIS -> ((DoubleVector) out).append(v2 == 0.0 ? Double.NaN : count * m4[group] / (v2 * v2) - 3.0);
                default -> {
                    boolean sample = kind == Kind.STDDEV_SAMP || kind == Kind.VAR_SAMP;
                    if (sample && count == 1.0) {
                        out.appendNull();
                        return;
                    }
                    double variance = v2 / (sample ? count - 1.0 : count);
                    boolean root = kind == Kind.STDDEV_SAMP || kind == Kind.STDDEV_POP;
                    ((DoubleVector) out).append(root ? Math.sqrt(variance) : variance);
                }
            }
        }

        @Override public long estimatedBytes() { return n.length * 40L; }
    }
}
