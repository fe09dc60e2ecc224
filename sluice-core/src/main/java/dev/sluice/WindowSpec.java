package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.Expression;
import dev.sluice.expr.FunctionCall;
import dev.sluice.expr.SortOrder;
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

    /** {@code fn} over this window: a window function, or any (non-distinct) aggregate. */
    Expression apply(Expression fn) {
        WindowExpression w = windowFunction(fn);
        return w.over(partitionBy, orderBy, frame);
    }

    /**
     * The window function an expression stands for: a window function, or an aggregate (from
     * {@code functions.sum(...)} and friends, or {@code call_function("sum", ...)}), computed over the frame.
     */
    private static WindowExpression windowFunction(Expression fn) {
        if (fn instanceof WindowExpression w) {
            if (!w.partitionBy().isEmpty() || !w.orderBy().isEmpty() || w.frame() != null) throw notWindowFunction(fn);
            return w;
        }
        if (fn instanceof FunctionCall call) fn = aggregateByName(call);
        if (fn instanceof AggregateExpression ae) {
            if (ae.distinct()) {
                throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "DISTINCT in a window function " + ae.sql())
                        .with("reason", "Spark does not support it either").build();
            }
            return new WindowExpression(WindowExpression.Function.AGGREGATE, ae.function().name(), List.of(ae), List.of(), List.of(), null, false);
        }
        throw notWindowFunction(fn);
    }

    /** {@code call_function("sum", x)} as the aggregate {@code functions.sum(x)}; other calls stay as they are. */
    private static Expression aggregateByName(FunctionCall call) {
        if (call.arguments().size() != 1) return call;
        Column arg = new Column(call.arguments().get(0));
        switch (call.name().toLowerCase(Locale.ROOT)) {
            case "count": return functions.count(arg).expr();
            case "sum": return functions.sum(arg).expr();
            case "avg": case "mean": return functions.avg(arg).expr();
            case "min": return functions.min(arg).expr();
            case "max": return functions.max(arg).expr();
            case "first": return functions.first(arg).expr();
            case "last": return functions.last(arg).expr();
            default: return call;
        }
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
