package dev.sluice.expr.agg;

import dev.sluice.error.ErrorCode;
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
import java.util.Collections;
import java.util.List;

/**
 * corr, covar_pop, covar_samp and regr_r2 over pairs of doubles (a pair with a NULL is skipped), with the
 * streaming update and merge of (n, x̄, ȳ, ck, Mx, My) in Spark's PearsonCorrelation's order of operations, so
 * doubles agree with Spark's bit for bit over the same partitions. regr_r2(y, x) is Spark's
 * PearsonCorrelation(y, x): NULL when the first argument is constant, 1.0 when the second is.
 */
public record Comoments(Expression first, Expression second, Kind kind, boolean bound) implements AggregateFunction {
    public enum Kind { CORR, COVAR_POP, COVAR_SAMP, REGR_R2 }

    public static Comoments of(String name, Expression first, Expression second) {
        Kind kind = switch (name) {
            case "corr" -> Kind.CORR;
            case "covar_pop" -> Kind.COVAR_POP;
            case "covar_samp" -> Kind.COVAR_SAMP;
            case "regr_r2" -> Kind.REGR_R2;
            default -> throw SluiceException.internal("not a co-moment aggregate: " + name);
        };
        return new Comoments(first, second, kind, false);
    }

    @Override public String name() { return kind.name().toLowerCase(java.util.Locale.ROOT); }

    @Override public List<Expression> inputs() { return List.of(first, second); }

    @Override public AggregateFunction withInputs(List<Expression> in) {
        if (in.size() != 2) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", name()).with("reason", "it takes 2 arguments, got " + in.size()).build();
        }
        return new Comoments(in.get(0), in.get(1), kind, bound);
    }

    @Override public AggregateFunction bind(AggregateBinder binder) {
        return new Comoments(AggregateTypes.numeric(this, first, binder), AggregateTypes.numeric(this, second, binder), kind, true);
    }

    @Override public DataType resultType() { return DataTypes.DOUBLE; }

    @Override public boolean nullable() { return true; }

    @Override public List<Expression> evaluatedInputs() { return List.of(asDouble(first), asDouble(second)); }

    private static Expression asDouble(Expression e) {
        return e.dataType().equals(DataTypes.DOUBLE) ? e : new Cast(e, DataTypes.DOUBLE, EvalMode.ANSI);
    }

    @Override public List<DataType> stateTypes() { return Collections.nCopies(6, DataTypes.DOUBLE); }

    @Override public GroupAccumulator newAccumulator() { return new Accumulator(kind); }

    private static final class Accumulator implements GroupAccumulator {
        private final Kind kind;
        /** Per group: n, x̄, ȳ, ck, Mx, My. */
        private double[][] s = new double[6][0];

        Accumulator(Kind kind) { this.kind = kind; }

        @Override public void ensureGroups(int groups) {
            if (groups > s[0].length) {
                int cap = Growth.capacity(s[0].length, groups);
                for (int i = 0; i < 6; i++) s[i] = Arrays.copyOf(s[i], cap);
            }
        }

        @Override public void update(ColumnVector[] inputs, int[] groupIds, int rowCount) {
            ColumnVector xs = inputs[0], ys = inputs[1];
            double[] n = s[0], xAvg = s[1], yAvg = s[2], ck = s[3], xMk = s[4], yMk = s[5];
            for (int r = 0; r < rowCount; r++) {
                if (xs.isNull(r) || ys.isNull(r)) continue;
                int g = groupIds[r];
                double x = xs.getDouble(r), y = ys.getDouble(r);
                double newN = n[g] + 1.0;
                double dx = x - xAvg[g], dxN = dx / newN;
                double dy = y - yAvg[g], dyN = dy / newN;
                double newXAvg = xAvg[g] + dxN, newYAvg = yAvg[g] + dyN;
                ck[g] += dx * (y - newYAvg);
                xMk[g] += dx * (x - newXAvg);
                yMk[g] += dy * (y - newYAvg);
                xAvg[g] = newXAvg;
                yAvg[g] = newYAvg;
                n[g] = newN;
            }
        }

        @Override public void merge(ColumnVector[] states, int[] groupIds, int rowCount) {
            double[] n = s[0], xAvg = s[1], yAvg = s[2], ck = s[3], xMk = s[4], yMk = s[5];
            for (int r = 0; r < rowCount; r++) {
                int g = groupIds[r];
                double n1 = n[g], n2 = states[0].getDouble(r);
                double newN = n1 + n2;
                double dx = states[1].getDouble(r) - xAvg[g], dxN = newN == 0.0 ? 0.0 : dx / newN;
                double dy = states[2].getDouble(r) - yAvg[g], dyN = newN == 0.0 ? 0.0 : dy / newN;
                xAvg[g] += dxN * n2;
                yAvg[g] += dyN * n2;
                ck[g] = ck[g] + states[3].getDouble(r) + dx * dyN * n1 * n2;
                xMk[g] = xMk[g] + states[4].getDouble(r) + dx * dxN * n1 * n2;
                yMk[g] = yMk[g] + states[5].getDouble(r) + dy * dyN * n1 * n2;
                n[g] = newN;
            }
        }

        @Override public void writeState(int group, FlatVector[] out) {
            for (int i = 0; i < 6; i++) ((DoubleVector) out[i]).append(s[i][group]);
        }

        @Override public void writeResult(int group, FlatVector out) {
            double n = s[0][group], ck = s[3][group], xMk = s[4][group], yMk = s[5][group];
            Double v = switch (kind) {
                case CORR -> n == 0.0 || n == 1.0 ? null : ck / Math.sqrt(xMk * yMk);
                case COVAR_POP -> n == 0.0 ? null : ck / n;
                case COVAR_SAMP -> n == 0.0 || n == 1.0 ? null : ck / (n - 1.0);
                case REGR_R2 -> {
                    if (xMk == 0.0) yield null;
                    if (yMk == 0.0) yield 1.0;
                    double corr = ck / Math.sqrt(xMk * yMk);
                    yield corr * corr;
                }
            };
            if (v == null) out.appendNull();
            else ((DoubleVector) out).append(v);
        }

        @Override public long estimatedBytes() { return s[0].length * 48L; }
    }
}
