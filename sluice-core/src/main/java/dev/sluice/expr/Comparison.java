package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.StringType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.BooleanVector;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DoubleVector;
import dev.sluice.vector.FlatRows;
import dev.sluice.vector.IntVector;
import dev.sluice.vector.DecimalVector;
import dev.sluice.vector.LongVector;

import java.util.List;

/**
 * {@code = < <= > >=} and null-safe {@code <=>} on operands of one type (the analyzer casts them there).
 * NULL when either side is NULL, except {@code <=>} which treats two NULLs as equal.
 */
public record Comparison(Op op, Expression left, Expression right) implements Expression {
    public enum Op {
        EQ("="), LT("<"), LE("<="), GT(">"), GE(">="), EQ_NULL_SAFE("<=>");
        final String symbol;
        Op(String symbol) { this.symbol = symbol; }
        public String symbol() { return symbol; }

        /** The operator that gives the same result with the operands swapped: {@code a < b} is {@code b > a}. */
        public Op flipped() {
            return switch (this) {
                case LT -> GT;
                case LE -> GE;
                case GT -> LT;
                case GE -> LE;
                case EQ, EQ_NULL_SAFE -> this;
            };
        }

        boolean test(int c) {
            return switch (this) {
                case EQ, EQ_NULL_SAFE -> c == 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
            };
        }
    }

    @Override public DataType dataType() { return DataTypes.BOOLEAN; }

    @Override public boolean nullable() { return op != Op.EQ_NULL_SAFE && (left.nullable() || right.nullable()); }

    @Override public List<Expression> children() { return List.of(left, right); }

    @Override public Expression withChildren(List<Expression> children) {
        Expressions.expectArity(children, 2);
        return new Comparison(op, children.get(0), children.get(1));
    }

    @Override public String sql() { return "(" + left.sql() + " " + op.symbol + " " + right.sql() + ")"; }

    @Override public ColumnVector evaluate(Batch batch) {
        return compare(left.evaluate(batch), right.evaluate(batch), batch.rowCount());
    }

    /**
     * For a filter: writes to {@code ids} the rows of {@code batch} where this comparison is TRUE and returns how many,
     * or returns -1 having written nothing, and then {@code operands[0..1]} hold the evaluated operands for
     * {@link #compare}. The selection is written directly for an int-stored column without nulls against a literal (a
     * filter's usual shape, Q2's {@code status < 400}): no boolean vector and no second loop over it.
     */
    public int selectTrue(Batch batch, int[] ids, ColumnVector[] operands) {
        ColumnVector a = left.evaluate(batch), b = right.evaluate(batch);
        int n = batch.rowCount();
        if (left.dataType().storesInt() && op != Op.EQ_NULL_SAFE) {
            FlatRows x = FlatRows.of(a), y = FlatRows.of(b);
            if (x != null && y != null && x.base() instanceof IntVector xv && y.base() instanceof IntVector yv
                    && x.noNulls() && y.noNulls() && y.constant() && x.ids() == null && !x.constant()) {
                return selectIntsToConstant(xv.values(), x.row(0), yv.values()[y.row(0)], ids, n);
            }
        }
        operands[0] = a;
        operands[1] = b;
        return -1;
    }

    /**
     * The i in [0, n) where {@code xs[from + i] op c}, written to {@code ids}; how many. Without a branch on the test
     * (C1 emits no conditional moves, and a filter's outcome is often random per row): i is written at the count always
     * and the count moves on by the sign bit of a difference taken in longs (no overflow).
     */
    private int selectIntsToConstant(int[] xs, int from, int c, int[] ids, int n) {
        int count = 0;
        switch (op) {
            case LT -> { for (int i = 0; i < n; i++) { ids[count] = i; count += (int) (((long) xs[from + i] - c) >>> 63); } }
            case LE -> { for (int i = 0; i < n; i++) { ids[count] = i; count += (int) (((long) xs[from + i] - c - 1) >>> 63); } }
            case GT -> { for (int i = 0; i < n; i++) { ids[count] = i; count += (int) (((long) c - xs[from + i]) >>> 63); } }
            case GE -> { for (int i = 0; i < n; i++) { ids[count] = i; count += (int) (((long) c - xs[from + i] - 1) >>> 63); } }
            default -> {   // EQ: 1 - (1 when the bits differ)
                for (int i = 0; i < n; i++) {
                    int d = xs[from + i] ^ c;
                    ids[count] = i;
                    count += 1 - ((d | -d) >>> 31);
                }
            }
        }
        return count;
    }

    /** This comparison of the evaluated operands {@code a} and {@code b}, {@code n} rows. */
    public BooleanVector compare(ColumnVector a, ColumnVector b, int n) {
        dev.sluice.types.Collation collation = CollationKeys.nonBinary(left.dataType());
        if (collation != null) {   // a collated string compares as its keys; UTF8_BINARY skips this
            a = CollationKeys.keys(a, collation, n);
            b = CollationKeys.keys(b, collation, n);
        }
        BooleanVector typed = evaluateTyped(a, b, n);
        return typed != null ? typed : evaluateGeneric(a, b, n);
    }

    /**
     * The loop for int-, long-stored and double operands, decimals of at most 18 digits and strings, chosen once for the batch and reading the
     * flat arrays below the operands' views ({@link FlatRows}); null when the type or the vectors do not allow
     * it. Same results as {@link #evaluateGeneric} (NaN above everything and equal to itself, -0.0 = 0.0).
     */
    BooleanVector evaluateTyped(ColumnVector a, ColumnVector b, int n) {
        DataType t = left.dataType();
        boolean ints = t.storesInt();
        if (t instanceof DecimalType d && d.fitsInLong() && t.equals(right.dataType())) return evaluateLongDecimals(a, b, n);
        boolean longs = t.storesLong(), doubles = t instanceof DoubleType, strings = t instanceof StringType;
        if (!(ints || longs || doubles || strings)) return null;
        FlatRows x = FlatRows.of(a), y = FlatRows.of(b);
        if (x == null || y == null) return null;
        if (ints && !(x.base() instanceof IntVector && y.base() instanceof IntVector)) return null;
        if (longs && !(x.base() instanceof LongVector && y.base() instanceof LongVector)) return null;
        if (doubles && !(x.base() instanceof DoubleVector && y.base() instanceof DoubleVector)) return null;
        if (strings && !(x.base() instanceof BytesVector && y.base() instanceof BytesVector)) return null;
        BooleanVector out = Kernels.booleans(n);
        boolean nulls = !x.noNulls() || !y.noNulls(), nullSafe = op == Op.EQ_NULL_SAFE;
        if (ints && !nulls && y.constant() && x.ids() == null && !x.constant()) {   // a column against a literal (a filter's usual shape)
            out.appendFalse(n);
            intsToConstant(((IntVector) x.base()).values(), x.row(0), ((IntVector) y.base()).values()[y.row(0)], out.values(), n);
            return out;
        }
        int[] xi = ints ? ((IntVector) x.base()).values() : null, yi = ints ? ((IntVector) y.base()).values() : null;
        long[] xl = longs ? ((LongVector) x.base()).values() : null, yl = longs ? ((LongVector) y.base()).values() : null;
        double[] xd = doubles ? ((DoubleVector) x.base()).values() : null, yd = doubles ? ((DoubleVector) y.base()).values() : null;
        for (int i = 0; i < n; i++) {
            if (nulls) {
                boolean na = x.isNull(i), nb = y.isNull(i);
                if (na || nb) {
                    if (nullSafe) out.append(na && nb);
                    else out.appendNull();
                    continue;
                }
            }
            int p = x.row(i), q = y.row(i);
            int c;
            if (ints) c = Integer.compare(xi[p], yi[q]);
            else if (longs) c = Long.compare(xl[p], yl[q]);
            else if (doubles) c = ValueComparator.compareDoubles(xd[p], yd[q]);
            else c = x.base().compareBytes(p, y.base(), q);
            out.append(op.test(c));
        }
        return out;
    }

    /**
     * {@code xs[from + i] op c} for i in [0, n): int-stored values without nulls against a constant. A loop per operator
     * in a method of its own: the per-row work is one compare and one store, which also keeps the interpreted and
     * profiled runs before the JIT's optimizing compile short (a filter's loop runs a few hundred times per query).
     */
    private void intsToConstant(int[] xs, int from, int c, boolean[] out, int n) {
        switch (op) {
            case LT -> { for (int i = 0; i < n; i++) out[i] = xs[from + i] < c; }
            case LE -> { for (int i = 0; i < n; i++) out[i] = xs[from + i] <= c; }
            case GT -> { for (int i = 0; i < n; i++) out[i] = xs[from + i] > c; }
            case GE -> { for (int i = 0; i < n; i++) out[i] = xs[from + i] >= c; }
            case EQ, EQ_NULL_SAFE -> { for (int i = 0; i < n; i++) out[i] = xs[from + i] == c; }
        }
    }

    /** Decimals of at most 18 digits at one scale: their unscaled longs compare as the values. */
    private BooleanVector evaluateLongDecimals(ColumnVector a, ColumnVector b, int n) {
        FlatRows x = FlatRows.of(a), y = FlatRows.of(b);
        if (x == null || y == null || !(x.base() instanceof DecimalVector xv && y.base() instanceof DecimalVector yv)) return null;
        long[] xl = xv.unscaledValues(), yl = yv.unscaledValues();
        BooleanVector out = Kernels.booleans(n);
        boolean nulls = !x.noNulls() || !y.noNulls(), nullSafe = op == Op.EQ_NULL_SAFE;
        for (int i = 0; i < n; i++) {
            if (nulls) {
                boolean na = x.isNull(i), nb = y.isNull(i);
                if (na || nb) {
                    if (nullSafe) out.append(na && nb);
                    else out.appendNull();
                    continue;
                }
            }
            out.append(op.test(Long.compare(xl[x.row(i)], yl[y.row(i)])));
        }
        return out;
    }

    /** Any type, any vectors: per row through the vectors' getters. */
    BooleanVector evaluateGeneric(ColumnVector a, ColumnVector b, int n) {
        DataType t = CollationKeys.nonBinary(left.dataType()) != null ? DataTypes.BINARY : left.dataType();   // keys, see evaluate
        BooleanVector out = Kernels.booleans(n);
        boolean nullSafe = op == Op.EQ_NULL_SAFE;
        for (int i = 0; i < n; i++) {
            boolean na = a.isNull(i), nb = b.isNull(i);
            if (na || nb) {
                if (nullSafe) out.append(na && nb);
                else out.appendNull();
                continue;
            }
            int c;
            if (t instanceof IntegerType) c = Integer.compare(a.getInt(i), b.getInt(i));
            else if (t instanceof LongType) c = Long.compare(a.getLong(i), b.getLong(i));
            else if (t instanceof DoubleType) c = ValueComparator.compareDoubles(a.getDouble(i), b.getDouble(i));
            else c = ValueComparator.compare(t, a, i, b, i);
            out.append(op.test(c));
        }
        return out;
    }
}
