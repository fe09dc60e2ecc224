package dev.sluice.expr;

import dev.sluice.error.SluiceException;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A window function over a window: {@code rank().over(Window.partitionBy("k").orderBy("o"))}. Only allowed
 * in a select (or withColumn); the analyzer moves it into a Window plan node and the select reads its
 * column, so it is never evaluated as a column. {@code frame} is null until the analyzer fills in Spark's
 * default ({@link #effectiveFrame}). {@code name} is the function's name. Arguments by function: NTILE [n],
 * LAG/LEAD [input, offset, default], FIRST_VALUE/LAST_VALUE [input], AGGREGATE [the aggregate expression
 * (sum, count, avg, ...: computed by the aggregate functions' own accumulators)], the ranking ones none.
 */
public record WindowExpression(Function function, String name, List<Expression> arguments, List<Expression> partitionBy,
                               List<SortOrder> orderBy, WindowFrame frame, boolean ignoreNulls) implements Expression {
    public enum Function {
        ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE, LAG, LEAD, FIRST_VALUE, LAST_VALUE,
        /** Any aggregate function over the frame; the single argument is its {@link AggregateExpression}. */
        AGGREGATE,
        /** The value of the frame's n-th row (arguments: input, n); NULL while the frame has fewer rows. */
        NTH_VALUE;

        /** Functions of the row's position: no frame of their own (Spark requires its fixed one). */
        public boolean isRanking() { return ordinal() <= NTILE.ordinal(); }

        /** Functions that need an ORDER BY. */
        public boolean needsOrder() { return ordinal() <= LEAD.ordinal(); }

    }

    public WindowExpression {
        requireNonNull(function, "function");
        requireNonNull(name, "name");
        arguments = List.copyOf(arguments);
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
    }

    /** The same function over another window. */
    public WindowExpression over(List<Expression> partitionBy, List<SortOrder> orderBy, WindowFrame frame) {
        return new WindowExpression(function, name, arguments, partitionBy, orderBy, frame, ignoreNulls);
    }

    public WindowExpression withFrame(WindowFrame f) { return new WindowExpression(function, name, arguments, partitionBy, orderBy, f, ignoreNulls); }

    /** The given frame, or Spark's: the function's own for ranking and lag/lead, else by whether it is ordered. */
    public WindowFrame effectiveFrame() {
        WindowFrame required = requiredFrame();
        if (required != null && frame == null) return required;
        if (frame != null) return frame;
        return orderBy.isEmpty() ? WindowFrame.WHOLE_ROWS : WindowFrame.RANGE_TO_CURRENT;
    }

    /** The frame Spark fixes for this function, or null when any frame is allowed. */
    public WindowFrame requiredFrame() {
        switch (function) {
            case CUME_DIST: return WindowFrame.RANGE_TO_CURRENT;
            case LAG: return new WindowFrame(WindowFrame.Type.ROWS, -offset(), -offset());
            case LEAD: return new WindowFrame(WindowFrame.Type.ROWS, offset(), offset());
            default: return function.isRanking() ? WindowFrame.ROWS_TO_CURRENT : null;
        }
    }

    /** LAG/LEAD's offset (a literal, checked by the analyzer). */
    public int offset() {
        Object v = arguments.get(1) instanceof Literal l ? l.value() : null;
        if (!(v instanceof Number n)) throw SluiceException.internal("the offset of " + name + " is not an integer literal");
        return n.intValue();
    }

    /** NTH_VALUE's n (a positive integer literal, checked by the analyzer). */
    public int nthOffset() {
        Object v = arguments.get(1) instanceof Literal l ? l.value() : null;
        if (!(v instanceof Integer n) || n <= 0) {
            throw SluiceException.of(dev.sluice.error.ErrorCode.INVALID_ARGUMENT).with("function", "nth_value")
                    .with("reason", "the offset must be a positive integer literal, got " + arguments.get(1).sql()).build();
        }
        return n;
    }

    /** The function's input (the first argument), for those that have one. */
    public Expression input() { return arguments.get(0); }

    @Override public DataType dataType() {
        switch (function) {
            case ROW_NUMBER: case RANK: case DENSE_RANK: case NTILE: return DataTypes.INT;
            case PERCENT_RANK: case CUME_DIST: return DataTypes.DOUBLE;
            default: return input().dataType();
        }
    }

    /** Ranks are never NULL; lag/lead only when the input or the default can be; aggregates as their function. */
    @Override public boolean nullable() {
        if (function == Function.LAG || function == Function.LEAD) return arguments.get(0).nullable() || arguments.get(2).nullable();
        if (function == Function.AGGREGATE) return arguments.get(0).nullable();
        return !function.isRanking();
    }

    @Override public boolean foldable() { return false; }

    @Override public List<Expression> children() {
        List<Expression> out = new ArrayList<>(arguments);
        out.addAll(partitionBy);
        out.addAll(orderBy);
        return out;
    }

    @Override public Expression withChildren(List<Expression> children) {
        int a = arguments.size(), p = partitionBy.size();
        Expressions.expectArity(children, a + p + orderBy.size());
        List<SortOrder> orders = new ArrayList<>();
        for (Expression e : children.subList(a + p, children.size())) orders.add((SortOrder) e);
        return new WindowExpression(function, name, children.subList(0, a), children.subList(a, a + p), orders, frame, ignoreNulls);
    }

    /** Spark's column name: {@code RANK() OVER (PARTITION BY k ORDER BY o ASC NULLS FIRST ROWS BETWEEN ...)}. */
    @Override public String sql() {
        return functionSql() + " OVER (" + windowSql() + ")";
    }

    /** The function part alone: {@code lag(v, 1, NULL)}, {@code RANK()}, {@code ntile(2)}. */
    public String functionSql() {
        if (function == Function.AGGREGATE) return arguments.get(0).sql();
        List<String> args = new ArrayList<>();
        for (Expression e : arguments) args.add(e.sql());
        return name + "(" + String.join(", ", args) + ")";   // as Spark, ignoreNulls does not show
    }

    public String windowSql() {
        List<String> parts = new ArrayList<>();
        if (!partitionBy.isEmpty()) {
            List<String> keys = new ArrayList<>();
            for (Expression e : partitionBy) keys.add(e.sql());
            parts.add("PARTITION BY " + String.join(", ", keys));
        }
        if (!orderBy.isEmpty()) {
            List<String> keys = new ArrayList<>();
            for (SortOrder o : orderBy) keys.add(o.sql());
            parts.add("ORDER BY " + String.join(", ", keys));
        }
        parts.add(effectiveFrame().sql());
        return String.join(" ", parts);
    }

    @Override public ColumnVector evaluate(Batch batch) {
        throw SluiceException.internal(sql() + " is a window function: it runs in a Window operator, not as a column");
    }
}
