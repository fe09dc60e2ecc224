package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.FunctionCall;
import dev.sluice.expr.Literal;
import dev.sluice.expr.SortOrder;
import dev.sluice.expr.UnresolvedStar;
import dev.sluice.expr.WindowExpression;
import dev.sluice.expr.WindowFrame;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A window: partitioning, ordering and optionally a frame, as Spark's WindowSpec. Immutable; build it with
 * {@link Window} and apply it with {@link Column#over(WindowSpec)}. Without a frame the function gets
 * Spark's default (see {@link WindowExpression#effectiveFrame}).
 */
public final class WindowSpec {
    private final List<Expression> partitionBy;
    private final List<SortOrder> orderBy;
    private final WindowFrame frame;

    WindowSpec(List<Expression> partitionBy, List<SortOrder> orderBy, WindowFrame frame) {
        this.partitionBy = List.copyOf(partitionBy);
        this.orderBy = List.copyOf(orderBy);
        this.frame = frame;
    }

    public WindowSpec partitionBy(String... columnNames) { return partitionBy(cols(columnNames)); }

    public WindowSpec partitionBy(Column... columns) {
        List<Expression> keys = new ArrayList<>();
        for (Column c : columns) keys.add(c.expr());
        return new WindowSpec(keys, orderBy, frame);
    }

    public WindowSpec orderBy(String... columnNames) { return orderBy(cols(columnNames)); }

    public WindowSpec orderBy(Column... columns) {
        List<SortOrder> keys = new ArrayList<>();
        for (Column c : columns) keys.add(SortOrder.of(c.expr()));
        return new WindowSpec(partitionBy, keys, frame);
    }

    /** Rows from {@code start} to {@code end} relative to the current row (see {@link Window#unboundedPreceding}). */
    public WindowSpec rowsBetween(long start, long end) {
        return new WindowSpec(partitionBy, orderBy, new WindowFrame(WindowFrame.Type.ROWS, start, end));
    }

    /** Rows whose order key is within {@code [key + start, key + end]} of the current row's. */
    public WindowSpec rangeBetween(long start, long end) {
        return new WindowSpec(partitionBy, orderBy, new WindowFrame(WindowFrame.Type.RANGE, start, end));
    }

    /** {@code fn} over this window: a window function, or an aggregate (count, sum, avg, min, max, first, last). */
    Expression apply(Expression fn) {
        WindowExpression w = windowFunction(fn);
        return w.over(partitionBy, orderBy, frame);
    }

    /**
     * The window function an expression stands for. Aggregates arrive as calls by name
     * ({@code call_function("sum", v)}) until the aggregate functions live in the main API.
     */
    private static WindowExpression windowFunction(Expression fn) {
        if (fn instanceof WindowExpression w) {
            if (!w.partitionBy().isEmpty() || !w.orderBy().isEmpty() || w.frame() != null) throw notWindowFunction(fn);
            return w;
        }
        if (fn instanceof FunctionCall call) {
            String name = call.name().toLowerCase(Locale.ROOT);
            List<Expression> args = call.arguments();
            WindowExpression.Function f;
            switch (name) {
                case "count": f = WindowExpression.Function.COUNT; break;
                case "sum": f = WindowExpression.Function.SUM; break;
                case "avg": case "mean": f = WindowExpression.Function.AVG; name = "avg"; break;
                case "min": f = WindowExpression.Function.MIN; break;
                case "max": f = WindowExpression.Function.MAX; break;
                case "first": case "first_value": f = WindowExpression.Function.FIRST_VALUE; break;
                case "last": case "last_value": f = WindowExpression.Function.LAST_VALUE; break;
                default: throw notWindowFunction(fn);
            }
            if (args.size() != 1) throw notWindowFunction(fn);
            Expression input = args.get(0) instanceof UnresolvedStar && f == WindowExpression.Function.COUNT ? Literal.of(1) : args.get(0);
            return new WindowExpression(f, name, List.of(input), List.of(), List.of(), null, false);
        }
        throw notWindowFunction(fn);
    }

    private static SluiceException notWindowFunction(Expression fn) {
        return SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "over")
                .with("reason", fn.sql() + " is not a window function or an aggregate").build();
    }

    private static Column[] cols(String[] names) {
        Column[] out = new Column[names.length];
        for (int i = 0; i < names.length; i++) out[i] = functions.col(names[i]);
        return out;
    }
}
