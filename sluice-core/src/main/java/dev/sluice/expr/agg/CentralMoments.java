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
 * Standard deviation and variance (stddev/stddev_samp, stddev_pop, variance/var_samp, var_pop) over doubles,
 * with Spark's streaming update and merge of (n, mean, m2). NULL for an empty group; the sample forms are
 * NULL for a single row (Spark 3+: not NaN); NaN inputs give NaN. {@code name} is the name the user called
 * (stddev and stddev_samp compute the same).
 */
public record CentralMoments(Expression child, Kind kind, String name, boolean bound) implements AggregateFunction {
    public enum Kind { STDDEV_SAMP, STDDEV_POP, VAR_SAMP, VAR_POP }

    public static CentralMoments of(String name, Expression child) {
        Kind kind = switch (name) {
            case "stddev", "stddev_samp", "std" -> Kind.STDDEV_SAMP;
            case "stddev_pop" -> Kind.STDDEV_POP;
            case "variance", "var_samp" -> Kind.VAR_SAMP;
            case "var_pop" -> Kind.VAR_POP;
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

    @Override public List<DataType> stateTypes() { return List.of(DataTypes.DOUBLE, DataTypes.DOUBLE, DataTypes.DOUBLE); }

    @Override public GroupAccumulator newAccumulator() { return new Accumulator(kind); }

    private static final class Accumulator implements GroupAccumulator {
        private final Kind kind;
        private double[] n = new double[0];
        private double[] mean = new double[0];
        private double[] m2 = new double[0];

        Accumulator(Kind kind) { this.kind = kind; }

        @Override public void ensureGroups(int groups) {
            if (groups > n.length) {
                int cap = Growth.capacity(n.length, groups);
                n = Arrays.copyOf(n, cap);
                mean = Arrays.copyOf(mean, cap);
                m2 = Arrays.copyOf(m2, cap);
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
                mean[g] += deltaN;
                m2[g] += delta * (delta - deltaN);
                n[g] = newN;
            }
        }

        @Override public void merge(ColumnVector[] states, int[] groupIds, int rowCount) {
            ColumnVector sn = states[0], sm = states[1], s2 = states[2];
            for (int r = 0; r < rowCount; r++) {
                int g = groupIds[r];
                double n1 = n[g], n2 = sn.getDouble(r);
                double newN = n1 + n2;
                double delta = sm.getDouble(r) - mean[g];
                double deltaN = newN == 0.0 ? 0.0 : delta / newN;
                mean[g] += deltaN * n2;
                m2[g] = m2[g] + s2.getDouble(r) + delta * deltaN * n1 * n2;
                n[g] = newN;
            }
        }

        @Override public void writeState(int group, FlatVector[] out) {
            ((DoubleVector) out[0]).append(n[group]);
            ((DoubleVector) out[1]).append(mean[group]);
            ((DoubleVector) out[2]).append(m2[group]);
        }

        @Override public void writeResult(int group, FlatVector out) {
            double count = n[group];
            boolean sample = kind == Kind.STDDEV_SAMP || kind == Kind.VAR_SAMP;
            if (count == 0.0 || sample && count == 1.0) {
                out.appendNull();
                return;
            }
            double variance = m2[group] / (sample ? count - 1.0 : count);
            boolean root = kind == Kind.STDDEV_SAMP || kind == Kind.STDDEV_POP;
            ((DoubleVector) out).append(root ? Math.sqrt(variance) : variance);
        }

        @Override public long estimatedBytes() { return n.length * 24L; }
    }
}
