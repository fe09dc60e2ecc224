package dev.sluice.expr;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DecimalVector;
import dev.sluice.vector.LongDecimals;
import dev.sluice.vector.DoubleVector;
import dev.sluice.vector.FlatRows;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.FloatVector;
import dev.sluice.vector.IntVector;
import dev.sluice.vector.LongVector;
import dev.sluice.vector.RowCalls;
import dev.sluice.vector.Vectors;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * {@code + - * / %} on two operands of the same numeric type (the analyzer casts them there; {@code /} on
 * non-decimals is done in double). Under ANSI, integral overflow and a zero divisor are errors; otherwise
 * integral overflow wraps and a zero divisor gives NULL.
 */
public record Arithmetic(Op op, Expression left, Expression right, EvalMode mode) implements Expression {
    public enum Op {
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), REMAINDER("%");
        final String symbol;
        Op(String symbol) { this.symbol = symbol; }
        public String symbol() { return symbol; }
    }

    public Arithmetic(Op op, Expression left, Expression right) { this(op, left, right, EvalMode.ANSI); }

    @Override public DataType dataType() {
        DataType t = left.dataType();
        if (t instanceof DecimalType a && right.dataType() instanceof DecimalType b) {
            return switch (op) {
                case ADD, SUBTRACT -> DecimalRules.add(a, b);
                case MULTIPLY -> DecimalRules.multiply(a, b);
                case DIVIDE -> DecimalRules.divide(a, b);
                case REMAINDER -> DecimalRules.remainder(a, b);
            };
        }
        return t;
    }

    @Override public boolean nullable() {
        return left.nullable() || right.nullable() || op == Op.DIVIDE || op == Op.REMAINDER || mode == EvalMode.TRY
                || dataType() instanceof DecimalType;
    }

    @Override public List<Expression> children() { return List.of(left, right); }

    @Override public Expression withChildren(List<Expression> children) {
        Expressions.expectArity(children, 2);
        return new Arithmetic(op, children.get(0), children.get(1), mode);
    }

    @Override public String sql() { return "(" + left.sql() + " " + op.symbol + " " + right.sql() + ")"; }

    @Override public ColumnVector evaluate(Batch batch) {
        FlatVector overInts = evaluateOverWidenedInts(batch);
        if (overInts != null) return overInts;
        ColumnVector a = left.evaluate(batch);
        ColumnVector b = right.evaluate(batch);
        FlatVector typed = evaluateTyped(a, b, batch.rowCount());
        return typed != null ? typed : evaluateGeneric(a, b, batch.rowCount());
    }

    /**
     * The loop for int, bigint and double chosen once for the batch, reading the operands' flat arrays through
     * their views ({@link FlatRows}); null when the type or the vectors do not allow it. Each row goes through
     * the same per-value method as {@link #evaluateGeneric}, so errors, overflow and NULLs are the same.
     */
    FlatVector evaluateTyped(ColumnVector a, ColumnVector b, int n) {
        DataType t = dataType();
        if (t instanceof DecimalType d) return evaluateLongDecimals(a, b, d, n);
        if (!(t instanceof IntegerType || t instanceof LongType || t instanceof DoubleType)) return null;
        FlatRows x = FlatRows.of(a), y = FlatRows.of(b);
        if (x == null || y == null) return null;
        boolean nulls = !x.noNulls() || !y.noNulls();
        if (t instanceof DoubleType && !nulls && plainDoubleOp() && x.base() instanceof DoubleVector xv && y.base() instanceof DoubleVector yv) {
            double[] xs = xv.values(), ys = yv.values();
            double[] values = new double[Math.max(n, 4)];
            RowCalls.run(n, (from, to) -> plainDoubles(op, xs, x, ys, y, values, from, to));
            return DoubleVector.adopt(t, values, null, n);
        }
        FlatVector out = Vectors.allocate(t, n);
        if (t instanceof DoubleType && x.base() instanceof DoubleVector xv && y.base() instanceof DoubleVector yv) {
            double[] xs = xv.values(), ys = yv.values();
            RowCalls.run(n, (from, to) -> doubles(xs, x, ys, y, nulls, (DoubleVector) out, from, to));
            return out;
        }
        if (t instanceof LongType && x.base() instanceof LongVector xv && y.base() instanceof LongVector yv) {
            long[] xs = xv.values(), ys = yv.values();
            RowCalls.run(n, (from, to) -> longs(xs, x, ys, y, nulls, (LongVector) out, from, to));
            return out;
        }
        if (t instanceof IntegerType && x.base() instanceof IntVector xv && y.base() instanceof IntVector yv) {
            int[] xs = xv.values(), ys = yv.values();
            RowCalls.run(n, (from, to) -> ints(xs, x, ys, y, nulls, (IntVector) out, from, to));
            return out;
        }
        return null;
    }

    /**
     * A double operation with one operand an int column widened to double ({@code CAST(qty AS DOUBLE) * price}, as the
     * analyzer types {@code int * double}): the ints are read where they are instead of being copied into a double
     * vector first, which saves a loop and a vector per batch. The widening is exact and each row goes through
     * {@link #evalDouble} as after the cast, so the values are the same. Null when the shape does not fit.
     */
    private FlatVector evaluateOverWidenedInts(Batch batch) {
        if (!(dataType() instanceof DoubleType)) return null;
        boolean leftCast = widensInt(left);
        if (!leftCast && !widensInt(right)) return null;
        // evaluated once each, in the usual order (left, then right)
        ColumnVector l = leftCast ? ((Cast) left).child().evaluate(batch) : left.evaluate(batch);
        ColumnVector r = leftCast ? right.evaluate(batch) : ((Cast) right).child().evaluate(batch);
        ColumnVector ints = leftCast ? l : r, doubles = leftCast ? r : l;
        int n = batch.rowCount();
        FlatRows x = FlatRows.of(ints), y = FlatRows.of(doubles);
        if (x != null && y != null && x.base() instanceof IntVector xv && y.base() instanceof DoubleVector yv) {
            int[] xs = xv.values();
            double[] ys = yv.values();
            boolean nulls = !x.noNulls() || !y.noNulls(), intsRight = !leftCast;
            if (!nulls && plainDoubleOp()) {
                double[] values = new double[Math.max(n, 4)];
                RowCalls.run(n, (from, to) -> plainIntsWithDoubles(op, xs, x, ys, y, intsRight, values, from, to));
                return DoubleVector.adopt(DataTypes.DOUBLE, values, null, n);
            }
            DoubleVector out = (DoubleVector) Vectors.allocate(DataTypes.DOUBLE, n);
            RowCalls.run(n, (from, to) -> intsWithDoubles(xs, x, ys, y, nulls, intsRight, out, from, to));
            return out;
        }
        ColumnVector widened = widen(ints, n);
        ColumnVector a = leftCast ? widened : doubles, b = leftCast ? doubles : widened;
        FlatVector typed = evaluateTyped(a, b, n);
        return typed != null ? typed : evaluateGeneric(a, b, n);
    }

    /** An int vector as doubles, as the cast gives them. */
    private static ColumnVector widen(ColumnVector ints, int n) {
        FlatVector typed = CastFromNumeric.widenTyped(ints, DataTypes.INT, DataTypes.DOUBLE);
        if (typed != null) return typed;
        DoubleVector out = (DoubleVector) Vectors.allocate(DataTypes.DOUBLE, n);
        for (int i = 0; i < n; i++) {
            if (ints.isNull(i)) out.appendNull();
            else out.append(ints.getInt(i));
        }
        return out;
    }

    /** An int column cast to double ({@link Cast} of an int to double never fails, whatever its mode). */
    private static boolean widensInt(Expression e) {
        return e instanceof Cast c && c.to() instanceof DoubleType && c.child().dataType() instanceof IntegerType;
    }

    /** {@code (double) xs op ys}, or {@code ys op (double) xs} when {@code intsRight}. */
    private void intsWithDoubles(int[] xs, FlatRows x, double[] ys, FlatRows y, boolean nulls, boolean intsRight, DoubleVector o, int from, int to) {
        for (int i = from; i < to; i++) {
            if (nulls && (x.isNull(i) || y.isNull(i))) o.appendNull();
            else if (intsRight) evalDouble(ys[y.row(i)], xs[x.row(i)], o);
            else evalDouble(xs[x.row(i)], ys[y.row(i)], o);
        }
    }

    /**
     * True when a double {@code op} is the plain IEEE operation, never NULL and never an error ({@code / %} give NULL or
     * fail on a zero divisor): then rows without NULLs are computed into an array ({@link #plainDoubles},
     * {@link #plainIntsWithDoubles}) without {@link #evalDouble}'s call, switch and append per row, which C1 (the
     * launcher's first tier) does not inline. The values are the same: the same IEEE operation on the same operands.
     */
    private boolean plainDoubleOp() { return op == Op.ADD || op == Op.SUBTRACT || op == Op.MULTIPLY; }

    /** {@code x op y} for a plain op ({@link #plainDoubleOp}): small enough for C1 to inline. */
    private static double plain(Op op, double x, double y) { return op == Op.MULTIPLY ? x * y : op == Op.ADD ? x + y : x - y; }

    private static void plainDoubles(Op op, double[] xs, FlatRows x, double[] ys, FlatRows y, double[] out, int from, int to) {
        for (int i = from; i < to; i++) out[i] = plain(op, xs[x.row(i)], ys[y.row(i)]);
    }

    /** {@code (double) xs op ys}, or {@code ys op (double) xs} when {@code intsRight}, for a plain op without NULLs. */
    private static void plainIntsWithDoubles(Op op, int[] xs, FlatRows x, double[] ys, FlatRows y, boolean intsRight, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            double a = xs[x.row(i)], b = ys[y.row(i)];
            out[i] = intsRight ? plain(op, b, a) : plain(op, a, b);
        }
    }

    // The typed loops over rows [from, to), each a method of its own called through RowCalls: compiled once, as a
    // method, and a loop alone is a fraction of evaluateTyped with its type tests and the other loops.

    private void doubles(double[] xs, FlatRows x, double[] ys, FlatRows y, boolean nulls, DoubleVector o, int from, int to) {
        for (int i = from; i < to; i++) {
            if (nulls && (x.isNull(i) || y.isNull(i))) o.appendNull();
            else evalDouble(xs[x.row(i)], ys[y.row(i)], o);
        }
    }

    private void longs(long[] xs, FlatRows x, long[] ys, FlatRows y, boolean nulls, LongVector o, int from, int to) {
        for (int i = from; i < to; i++) {
            if (nulls && (x.isNull(i) || y.isNull(i))) o.appendNull();
            else evalLong(xs[x.row(i)], ys[y.row(i)], o);
        }
    }

    private void ints(int[] xs, FlatRows x, int[] ys, FlatRows y, boolean nulls, IntVector o, int from, int to) {
        for (int i = from; i < to; i++) {
            if (nulls && (x.isNull(i) || y.isNull(i))) o.appendNull();
            else evalInt(xs[x.row(i)], ys[y.row(i)], o);
        }
    }

    /**
     * {@code + - * / %} on decimals of at most 18 digits, over the unscaled longs; null for wider operands. The
     * result type has at most 18 digits, or is a quotient of any width (Spark's quotients are mostly wider: a
     * value that fits a long is written as one). A row whose result leaves a long on the way, a zero divisor or
     * a result outside the type goes through the BigDecimal path, so values, NULLs and errors are the same.
     */
    private FlatVector evaluateLongDecimals(ColumnVector a, ColumnVector b, DecimalType type, int n) {
        if (!type.fitsInLong() && op != Op.DIVIDE) return null;
        if (!(left.dataType() instanceof DecimalType l && l.fitsInLong() && right.dataType() instanceof DecimalType r && r.fitsInLong())) {
            return null;
        }
        FlatRows x = FlatRows.of(a), y = FlatRows.of(b);
        if (x == null || y == null || !(x.base() instanceof DecimalVector xv && y.base() instanceof DecimalVector yv)) return null;
        long[] xs = xv.unscaledValues(), ys = yv.unscaledValues();
        DecimalVector out = (DecimalVector) Vectors.allocate(type, n);
        boolean nulls = !x.noNulls() || !y.noNulls();
        int sx = l.scale(), sy = r.scale();
        for (int i = 0; i < n; i++) {
            if (nulls && (x.isNull(i) || y.isNull(i))) out.appendNull();
            else evalLongDecimal(xs[x.row(i)], sx, ys[y.row(i)], sy, type, out);
        }
        return out;
    }

    /** One row of {@link #evaluateLongDecimals}: the same value, NULL or error as {@link #evalDecimal}. */
    private void evalLongDecimal(long x, int sx, long y, int sy, DecimalType type, DecimalVector out) {
        if (y == 0 && (op == Op.DIVIDE || op == Op.REMAINDER)) {   // DIVIDE_BY_ZERO or NULL, without a throw per row
            evalDecimal(BigDecimal.valueOf(x, sx), BigDecimal.ZERO, type, out);
            return;
        }
        long result;
        try {
            result = switch (op) {
                case MULTIPLY -> LongDecimals.rescale(Math.multiplyExact(x, y), sx + sy, type.scale());
                // exact HALF_UP at the result scale; evalDecimal rounds twice (to 40 digits, then to the scale),
                // which gives the same value for operands of at most 18 digits: see LongDecimals.divideScaled
                case DIVIDE -> LongDecimals.divideScaled(x, y, type.scale() - sx + sy);
                default -> {
                    int scale = Math.max(sx, sy);
                    long xm = LongDecimals.rescale(x, sx, scale), ym = LongDecimals.rescale(y, sy, scale);
                    long r = switch (op) {
                        case ADD -> Math.addExact(xm, ym);
                        case SUBTRACT -> Math.subtractExact(xm, ym);
                        default -> xm % ym;   // the dividend's sign, as BigDecimal.remainder; ym is not 0
                    };
                    yield LongDecimals.rescale(r, scale, type.scale());
                }
            };
            if (type.fitsInLong() && !LongDecimals.fits(result, type.precision())) {
                throw new ArithmeticException("outside the type: the BigDecimal path gives the NULL or the error");
            }
        } catch (ArithmeticException e) {   // beyond a long on the way, or not a plain value: exactly, in BigDecimal
            evalDecimal(BigDecimal.valueOf(x, sx), BigDecimal.valueOf(y, sy), type, out);
            return;
        }
        out.appendUnscaled(result);   // a wide quotient type: written as BigDecimal.valueOf(result, scale)
    }

    /** Any numeric type, any vectors: the type is tested and each value read through the vector per row. */
    FlatVector evaluateGeneric(ColumnVector a, ColumnVector b, int n) {
        DataType t = dataType();
        FlatVector out = Vectors.allocate(t, n);
        for (int i = 0; i < n; i++) {
            if (a.isNull(i) || b.isNull(i)) {
                out.appendNull();
                continue;
            }
            if (t instanceof IntegerType) evalInt(a.getInt(i), b.getInt(i), (IntVector) out);
            else if (t.isIntegral() && t.storesInt()) evalNarrow(a.getInt(i), b.getInt(i), t, (IntVector) out);
            else if (t instanceof LongType) evalLong(a.getLong(i), b.getLong(i), (LongVector) out);
            else if (t instanceof DoubleType) evalDouble(a.getDouble(i), b.getDouble(i), (DoubleVector) out);
            else if (t instanceof FloatType) evalFloat(a.getFloat(i), b.getFloat(i), (FloatVector) out);
            else if (t instanceof DecimalType d) evalDecimal(a.getDecimal(i), b.getDecimal(i), d, (DecimalVector) out);
            else throw SluiceException.internal("arithmetic on " + t);
        }
        return out;
    }

    private void evalInt(int x, int y, IntVector out) {
        long exact;
        switch (op) {
            case ADD -> exact = (long) x + y;
            case SUBTRACT -> exact = (long) x - y;
            case MULTIPLY -> exact = (long) x * y;
            case REMAINDER -> {
                if (y == 0) { divideByZero(out); return; }
                out.append(x % y);
                return;
            }
            default -> throw SluiceException.internal("int " + op);
        }
        if (exact != (int) exact) {
            if (overflow(out, "integer")) out.append((int) exact);
        } else {
            out.append((int) exact);
        }
    }

    /** tinyint and smallint: computed in int, then checked against the type's range (Spark's ByteExactNumeric). */
    private void evalNarrow(int x, int y, DataType t, IntVector out) {
        int exact;
        switch (op) {
            case ADD -> exact = x + y;
            case SUBTRACT -> exact = x - y;
            case MULTIPLY -> exact = x * y;
            case REMAINDER -> {
                if (y == 0) { divideByZero(out); return; }
                out.append(x % y);
                return;
            }
            default -> throw SluiceException.internal(t + " " + op);
        }
        int wrapped = t instanceof dev.sluice.types.ByteType ? (byte) exact : (short) exact;
        if (wrapped != exact) {
            if (overflow(out, t.simpleString())) out.append(wrapped);
        } else {
            out.append(exact);
        }
    }

    private void evalLong(long x, long y, LongVector out) {
        long r;
        try {
            r = switch (op) {
                case ADD -> Math.addExact(x, y);
                case SUBTRACT -> Math.subtractExact(x, y);
                case MULTIPLY -> Math.multiplyExact(x, y);
                case REMAINDER -> y == 0 ? 0 : x % y;
                default -> throw SluiceException.internal("bigint " + op);
            };
        } catch (ArithmeticException e) {
            if (overflow(out, "bigint")) {
                out.append(switch (op) { case ADD -> x + y; case SUBTRACT -> x - y; default -> x * y; });
            }
            return;
        }
        if (op == Op.REMAINDER && y == 0) divideByZero(out);
        else out.append(r);
    }

    private void evalDouble(double x, double y, DoubleVector out) {
        switch (op) {
            case ADD -> out.append(x + y);
            case SUBTRACT -> out.append(x - y);
            case MULTIPLY -> out.append(x * y);
            case DIVIDE -> { if (y == 0) divideByZero(out); else out.append(x / y); }
            case REMAINDER -> { if (y == 0) divideByZero(out); else out.append(x % y); }
        }
    }

    private void evalFloat(float x, float y, FloatVector out) {
        switch (op) {
            case ADD -> out.append(x + y);
            case SUBTRACT -> out.append(x - y);
            case MULTIPLY -> out.append(x * y);
            case DIVIDE -> { if (y == 0) divideByZero(out); else out.append(x / y); }
            case REMAINDER -> { if (y == 0) divideByZero(out); else out.append(x % y); }
        }
    }

    private void evalDecimal(BigDecimal x, BigDecimal y, DecimalType type, DecimalVector out) {
        BigDecimal r;
        switch (op) {
            case ADD -> r = x.add(y);
            case SUBTRACT -> r = x.subtract(y);
            case MULTIPLY -> r = x.multiply(y);
            case DIVIDE -> {
                if (y.signum() == 0) { divideByZero(out); return; }
                r = x.divide(y, new MathContext(DecimalType.MAX_PRECISION + 2, RoundingMode.HALF_UP));
            }
            case REMAINDER -> {
                if (y.signum() == 0) { divideByZero(out); return; }
                r = x.remainder(y);
            }
            default -> throw SluiceException.internal("decimal " + op);
        }
        r = r.setScale(type.scale(), RoundingMode.HALF_UP);
        if (r.precision() - r.scale() > type.precision() - type.scale()) decimalOverflow(r, type, out);
        else out.append(r);
    }

    /** A decimal result with more digits than its type: NUMERIC_VALUE_OUT_OF_RANGE under ANSI, else NULL. */
    private void decimalOverflow(BigDecimal r, DecimalType type, FlatVector out) {
        if (mode == EvalMode.ANSI) {
            throw SluiceException.of(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE).with("value", r.toPlainString())
                    .with("type", type.simpleString()).build();
        }
        out.appendNull();
    }

    /** Handles overflow by mode; returns true when the caller should append the wrapped value. */
    private boolean overflow(FlatVector out, String typeName) {
        switch (mode) {
            case ANSI -> throw SluiceException.of(ErrorCode.ARITHMETIC_OVERFLOW)
                    .with("operation", sql()).with("type", typeName).build();
            case TRY -> { out.appendNull(); return false; }
            default -> { return true; }
        }
    }

    private void divideByZero(FlatVector out) {
        if (mode == EvalMode.ANSI) throw SluiceException.of(ErrorCode.DIVIDE_BY_ZERO).build();
        out.appendNull();
    }
}
