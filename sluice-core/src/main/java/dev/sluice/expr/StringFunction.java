package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.List;

/**
 * The basic string functions, one family: lower, upper, length, substring, concat, trim, ltrim, rtrim.
 * Arguments are typed by the analyzer (strings, int positions). Evaluation lives in {@link StringKernels}.
 */
public record StringFunction(Kind kind, List<Expression> arguments) implements Expression {
    public enum Kind {
        LOWER("lower", 1), UPPER("upper", 1), LENGTH("length", 1), SUBSTRING("substring", 3),
        CONCAT("concat", -1), TRIM("trim", 1), LTRIM("ltrim", 1), RTRIM("rtrim", 1);

        final String sqlName;
        final int arity;

        Kind(String sqlName, int arity) {
            this.sqlName = sqlName;
            this.arity = arity;
        }

        public String sqlName() { return sqlName; }

        /** Number of arguments; -1 for any number. */
        public int arity() { return arity; }
    }

    public StringFunction {
        arguments = List.copyOf(arguments);
        if (kind.arity >= 0 && arguments.size() != kind.arity) {
            throw new IllegalArgumentException(kind.sqlName + " takes " + kind.arity + " arguments, got " + arguments.size());
        }
    }

    /** length: int; the others: the string argument's type, so a collated input gives a result of its collation (Spark). */
    @Override public DataType dataType() {
        if (kind == Kind.LENGTH) return DataTypes.INT;
        return !arguments.isEmpty() && arguments.get(0).dataType() instanceof dev.sluice.types.StringType s ? s : DataTypes.STRING;
    }

    @Override public boolean nullable() {
        for (Expression a : arguments) if (a.nullable()) return true;
        return false;
    }

    @Override public List<Expression> children() { return arguments; }

    @Override public Expression withChildren(List<Expression> children) { return new StringFunction(kind, children); }

    @Override public String sql() {
        StringBuilder sb = new StringBuilder(kind.sqlName).append('(');
        for (int i = 0; i < arguments.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(arguments.get(i).sql());
        }
        return sb.append(')').toString();
    }

    @Override public ColumnVector evaluate(Batch batch) {
        ColumnVector[] args = new ColumnVector[arguments.size()];
        for (int i = 0; i < args.length; i++) args[i] = arguments.get(i).evaluate(batch);
        return StringKernels.evaluate(kind, args, batch.rowCount());
    }
}
