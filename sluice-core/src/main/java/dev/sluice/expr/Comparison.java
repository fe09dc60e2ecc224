package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DoubleType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.BooleanVector;
import dev.sluice.vector.ColumnVector;

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
        ColumnVector a = left.evaluate(batch);
        ColumnVector b = right.evaluate(batch);
        DataType t = left.dataType();
        int n = batch.rowCount();
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
