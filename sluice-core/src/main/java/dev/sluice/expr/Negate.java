package dev.sluice.expr;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DataType;
import dev.sluice.types.DecimalType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.DecimalVector;
import dev.sluice.vector.DoubleVector;
import dev.sluice.vector.FloatVector;
import dev.sluice.vector.IntVector;
import dev.sluice.vector.LongVector;

import java.util.List;

/** Unary minus; negating the smallest integral value overflows (an error under ANSI). */
public record Negate(Expression child, EvalMode mode) implements Expression {
    public Negate(Expression child) { this(child, EvalMode.ANSI); }

    @Override public DataType dataType() { return child.dataType(); }

    @Override public boolean nullable() { return child.nullable(); }

    @Override public List<Expression> children() { return List.of(child); }

    @Override public Expression withChildren(List<Expression> children) { return new Negate(Expressions.only(children), mode); }

    @Override public String sql() { return "negative(" + child.sql() + ")"; }

    @Override public ColumnVector evaluate(Batch batch) {
        ColumnVector in = child.evaluate(batch);
        DataType t = dataType();
        return Kernels.mapNonNull(in, t, (i, out) -> {
            if (t instanceof IntegerType) {
                int v = in.getInt(i);
                if (v == Integer.MIN_VALUE && mode == EvalMode.ANSI) throw overflow("integer");
                ((IntVector) out).append(-v);
            } else if (t instanceof LongType) {
                long v = in.getLong(i);
                if (v == Long.MIN_VALUE && mode == EvalMode.ANSI) throw overflow("bigint");
                ((LongVector) out).append(-v);
            } else if (t instanceof DoubleType) {
                ((DoubleVector) out).append(-in.getDouble(i));
            } else if (t instanceof FloatType) {
                ((FloatVector) out).append(-in.getFloat(i));
            } else if (t instanceof DecimalType d) {
                if (d.fitsInLong()) ((DecimalVector) out).appendUnscaled(-in.getLong(i));   // |unscaled| < 10^18
                else ((DecimalVector) out).append(in.getDecimal(i).negate());
            } else if (t.storesInt()) {   // tinyint, smallint, year-month interval
                int v = in.getInt(i);
                int min = t instanceof dev.sluice.types.ByteType ? Byte.MIN_VALUE : t instanceof dev.sluice.types.ShortType ? Short.MIN_VALUE : Integer.MIN_VALUE;
                if (v == min && mode == EvalMode.ANSI) throw overflow(t.simpleString());
                ((IntVector) out).append(v == min ? min : -v);
            } else if (t.storesLong()) {   // day-time interval
                long v = in.getLong(i);
                if (v == Long.MIN_VALUE && mode == EvalMode.ANSI) throw overflow(t.simpleString());
                ((LongVector) out).append(-v);
            } else if (t instanceof dev.sluice.types.CalendarIntervalType) {
                dev.sluice.types.CalendarInterval v = (dev.sluice.types.CalendarInterval) in.getObject(i);
                try {
                    out.appendObject(new dev.sluice.types.CalendarInterval(Math.negateExact(v.months()), Math.negateExact(v.days()),
                            Math.negateExact(v.microseconds())));
                } catch (ArithmeticException e) {
                    if (mode == EvalMode.ANSI) throw overflow(t.simpleString());
                    out.appendObject(new dev.sluice.types.CalendarInterval(-v.months(), -v.days(), -v.microseconds()));
                }
            } else {
                throw SluiceException.internal("negate " + t);
            }
        });
    }

    private SluiceException overflow(String type) {
        return SluiceException.of(ErrorCode.ARITHMETIC_OVERFLOW).with("operation", sql()).with("type", type).build();
    }
}
