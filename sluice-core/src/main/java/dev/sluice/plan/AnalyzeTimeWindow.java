package dev.sluice.plan;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.Alias;
import dev.sluice.expr.And;
import dev.sluice.expr.Arithmetic;
import dev.sluice.expr.CaseWhen;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Comparison;
import dev.sluice.expr.CreateStruct;
import dev.sluice.expr.EvalMode;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.FunctionCall;
import dev.sluice.expr.GetStructField;
import dev.sluice.expr.IsNotNull;
import dev.sluice.expr.IsNull;
import dev.sluice.expr.Literal;
import dev.sluice.expr.Or;
import dev.sluice.expr.SortOrder;
import dev.sluice.expr.UnresolvedStar;
import dev.sluice.expr.WindowExpression;
import dev.sluice.expr.WindowFrame;
import dev.sluice.expr.agg.MinMax;
import dev.sluice.expr.agg.Sum;
import dev.sluice.expr.fn.TimeWindowFunctions;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DayTimeIntervalType;
import dev.sluice.types.StructType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Time windows in a select or as grouping keys, as Spark's analyzer rules ResolveTimeWindows and ResolveSessionWindow
 * (and, for sessions, its MergingSessionsExec): the node's {@code window(...)} or {@code session_window(...)} becomes a
 * column its input computes, display name {@code window} / {@code session_window}; rows with a NULL time are dropped.
 * <pre>
 * tumbling:  Project [.., window(t,10m)]      =>  Project [.., window]
 *                                                   Project [*, window(t,10m) AS window]
 *                                                     Filter isnotnull(t)
 * sliding:   Aggregate [window(t,10m,5m)]     =>  Aggregate [window]
 *                                                   Filter t >= window.start AND t < window.end   (isnotnull(t) when 10m % 5m = 0)
 *                                                     Generate explode([w0, w1]) AS window        (wi: window(t,5m).start - i*5m, + 10m)
 * session:   Aggregate [k, session_window(t,g)], [.., session_window]
 *                                             =>  Aggregate [k, sid], [.., struct(min(s.start), max(s.end))]
 *                                                   sid = sum(new) over (k order by s.start rows to current)
 *                                                   new = s.start > max(s.end) over (k order by s.start rows to 1 preceding)
 *                                                   Filter isnotnull(t) AND s.end > s.start
 *                                                     Project [*, session_window(t,g) AS s]
 * </pre>
 * Sessions of the same other keys merge while they overlap (a session starting exactly at another's end starts a new
 * one, as Spark). One window expression per node (Spark's limit: several would multiply the rows). A filter or a
 * sort key gets the same per-row rewrite as a select ({@link #forFilterOrSort}); a sliding or session window anywhere
 * else (a join condition, where Spark fails too) is refused.
 */
final class AnalyzeTimeWindow {
    private AnalyzeTimeWindow() {}

    /** Marks the column a rewrite adds, so analyzing the rewritten plan again leaves it alone. */
    private static final String MARK = InternalNames.MARK + "tw";

    /** A node's input rewritten to compute its time window as {@code column}; {@code grouping}: the keys, for an aggregation. */
    record Rewrite(LogicalPlan input, FunctionCall call, ColumnRef column, List<Expression> grouping, Expression sessionValue) {
        /** {@code e} reading the window column instead of computing it (for an aggregation's session, its merged value). */
        Expression substitute(Expression e) {
            Expression out = Expressions.transformUp(e, n -> n.equals(call) ? column : n);
            if (sessionValue == null) return out;
            return Expressions.transformUp(out, n -> n.equals(column) ? sessionValue : n);
        }
    }

    static boolean isTimeWindow(Expression e) {
        return e instanceof FunctionCall f && f.resolved() && !f.userDefined() && (f.name().equals("window") || f.name().equals("session_window"));
    }

    private static boolean isSession(FunctionCall f) { return f.name().equals("session_window"); }

    private static boolean isSliding(FunctionCall f) {
        if (!f.name().equals("window")) return false;
        TimeWindowFunctions.Window.State st = TimeWindowFunctions.Window.state(f.signature());
        return st.slide() != st.duration();
    }

    /** The one time window among {@code exprs} that is not yet a column, or null; several distinct ones are refused. */
    static FunctionCall find(List<Expression> exprs) {
        Set<FunctionCall> found = new LinkedHashSet<>();
        for (Expression e : exprs) {
            if (e instanceof Alias a && a.name().endsWith(MARK)) continue;   // the column a rewrite added
            for (Expression n : Expressions.collect(e)) if (isTimeWindow(n)) found.add((FunctionCall) n);
        }
        if (found.size() > 1) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "several time window expressions in one operator")
                    .with("reason", "they would multiply the rows (Spark refuses them too); compute them in separate steps").build();
        }
        return found.isEmpty() ? null : found.iterator().next();
    }

    /** A select's input computing {@code call} as a column (a session here is each row's own, not merged). */
    static Rewrite forProject(LogicalPlan input, FunctionCall call, Analyzer analyzer) {
        return isSliding(call) ? sliding(input, call, analyzer, List.of()) : perRow(input, call, analyzer, List.of());
    }

    /**
     * A filter or a sort whose (resolved) expressions use a time window, rewritten as Spark rewrites any one-input
     * node: its input computes the window as a column (each row's own session; a sliding window repeats the row once
     * per window) and the node reads that column. As in Spark the node's output then starts with that column, named
     * {@code window} / {@code session_window} ({@code SELECT * FROM t WHERE window(ts, '5 minutes').start > x}
     * shows it; a select list or a sort above a select that names its columns does not).
     */
    static LogicalPlan forFilterOrSort(LogicalPlan node, Analyzer analyzer) {
        FunctionCall call = find(Plans.expressions(node));
        if (call == null) return node;
        LogicalPlan input = node instanceof Filter f ? f.input() : ((Sort) node).input();
        Rewrite rw = forProject(input, call, analyzer);
        LogicalPlan rewritten;
        if (node instanceof Filter f) {
            rewritten = new Filter(rw.input(), rw.substitute(f.condition()));
        } else {
            Sort sort = (Sort) node;
            List<SortOrder> orders = new ArrayList<>();
            for (SortOrder o : sort.orders()) orders.add((SortOrder) rw.substitute(o));
            rewritten = new Sort(rw.input(), orders, sort.global());
        }
        List<Expression> own = new ArrayList<>();
        own.add(new dev.sluice.expr.Alias(rw.column(), call.name()));
        for (dev.sluice.types.StructField field : input.schema().fields()) own.add(new ColumnRef(field.name(), field.dataType(), field.nullable()));
        return new Project(rewritten, own);
    }

    /** An aggregation's input and keys with {@code call} (one of {@code grouping}) computed below it. */
    static Rewrite forAggregate(LogicalPlan input, FunctionCall call, List<Expression> grouping, Analyzer analyzer) {
        if (isSliding(call)) return sliding(input, call, analyzer, grouping);
        Rewrite raw = perRow(input, call, analyzer, grouping);
        return isSession(call) ? mergeSessions(raw, analyzer) : raw;
    }

    private static Rewrite perRow(LogicalPlan input, FunctionCall call, Analyzer analyzer, List<Expression> grouping) {
        Expression time = call.arguments().get(0);
        String name = columnName(call, input.schema());
        // rows without a time are dropped first, so a tumbling window is never NULL: Spark's struct is not nullable
        // (its fields are), as the struct it builds in place of the call
        Expression value = isSession(call) ? call
                : new CreateStruct(List.of("start", "end"), List.of(new GetStructField(call, "start", 0), new GetStructField(call, "end", 1)));
        Project computed = new Project(new Filter(input, new IsNotNull(time)), List.of(new UnresolvedStar(), new Alias(value, name)));
        LogicalPlan out = analyzer.analyze(computed);
        ColumnRef column = column(out.schema(), name);
        if (isSession(call)) {
            // Spark also drops rows whose gap is NULL, malformed, zero or negative (end <= start)
            out = analyzer.analyze(new Filter(out, new Comparison(Comparison.Op.GT, field(column, 1), field(column, 0))));
        }
        return new Rewrite(out, call, column, replaced(grouping, call, column), null);
    }

    private static Rewrite sliding(LogicalPlan input, FunctionCall call, Analyzer analyzer, List<Expression> grouping) {
        TimeWindowFunctions.Window.State st = TimeWindowFunctions.Window.state(call.signature());
        Expression time = call.arguments().get(0);
        // the last window starting at or before the time: the tumbling window of the slide's length
        Expression base = new GetStructField(FunctionCall.of("window", time, duration(st.slide()), duration(st.slide()), duration(st.start())), "start", 0);
        int overlapping = (int) ((st.duration() + st.slide() - 1) / st.slide());
        List<Expression> windows = new ArrayList<>();
        for (int i = 0; i < overlapping; i++) {
            Expression start = minus(base, interval(i * st.slide()));
            Expression end = new Arithmetic(Arithmetic.Op.ADD, start, interval(st.duration()), EvalMode.ANSI);
            windows.add(new CreateStruct(List.of("start", "end"), List.of(start, end)));
        }
        String name = columnName(call, input.schema());
        Expression array = analyzer.resolve(new FunctionCall("array", windows, null), input.schema());
        LogicalPlan generated = new Generate(input, new dev.sluice.expr.Generator(dev.sluice.expr.Generator.Kind.EXPLODE, array, false), List.of(name));
        ColumnRef column = column(generated.schema(), name);
        // when the slide divides the window every produced window holds the time; else keep those that do
        Expression keep = st.duration() % st.slide() == 0 ? new IsNotNull(time)
                : new And(new Comparison(Comparison.Op.GE, time, field(column, 0)), new Comparison(Comparison.Op.LT, time, field(column, 1)));
        LogicalPlan out = analyzer.analyze(new Filter(generated, keep));
        return new Rewrite(out, call, column, replaced(grouping, call, column), null);
    }

    /** Numbers each row's session within its other keys (rows ordered by start) and groups by that number instead. */
    private static Rewrite mergeSessions(Rewrite raw, Analyzer analyzer) {
        List<Expression> keys = new ArrayList<>();
        for (Expression g : raw.grouping()) if (!g.equals(raw.column())) keys.add(g);
        Expression start = field(raw.column(), 0), end = field(raw.column(), 1);
        List<SortOrder> order = List.of(SortOrder.asc(start));
        String previous = InternalNames.MARK + "session_end", number = InternalNames.MARK + "session";
        WindowExpression previousEnd = new WindowExpression(WindowExpression.Function.AGGREGATE, "max",
                List.of(new AggregateExpression(MinMax.max(end), false)), keys, order, new WindowFrame(WindowFrame.Type.ROWS, WindowFrame.UNBOUNDED_PRECEDING, -1), false);
        LogicalPlan withPrevious = analyzer.analyze(new Project(raw.input(), List.of(new UnresolvedStar(), new Alias(previousEnd, previous))));
        ColumnRef prev = column(withPrevious.schema(), previous);
        Expression startsNew = new CaseWhen(List.of(new Or(new IsNull(prev), new Comparison(Comparison.Op.GT, start, prev))),
                List.of(Literal.of(1L)), Literal.of(0L));
        WindowExpression sessionNumber = new WindowExpression(WindowExpression.Function.AGGREGATE, "sum",
                List.of(new AggregateExpression(Sum.of(startsNew), false)), keys, order, WindowFrame.ROWS_TO_CURRENT, false);
        LogicalPlan numbered = analyzer.analyze(new Project(withPrevious, List.of(new UnresolvedStar(), new Alias(sessionNumber, number))));
        List<Expression> grouping = new ArrayList<>();
        for (Expression g : raw.grouping()) grouping.add(g.equals(raw.column()) ? column(numbered.schema(), number) : g);
        StructType in = numbered.schema();
        Expression merged = analyzer.resolve(new CreateStruct(List.of("start", "end"), List.of(
                new AggregateExpression(MinMax.min(start), false), new AggregateExpression(MinMax.max(end), false))), in);
        return new Rewrite(numbered, raw.call(), raw.column(), grouping, merged);
    }

    /** Refuses a sliding or session window left in a node the rewrite does not cover. */
    static void rejectElsewhere(LogicalPlan plan) {
        if (plan instanceof Project || plan instanceof Aggregate) return;
        for (Expression e : Plans.expressions(plan)) {
            for (Expression n : Expressions.collect(e)) {
                if (isTimeWindow(n) && (isSession((FunctionCall) n) || isSliding((FunctionCall) n))) {
                    throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", n.sql() + " in " + plan.getClass().getSimpleName())
                            .with("reason", "a sliding or session window is allowed in a select or as a grouping key only").build();
                }
            }
        }
    }

    private static List<Expression> replaced(List<Expression> grouping, FunctionCall call, ColumnRef column) {
        List<Expression> out = new ArrayList<>();
        for (Expression g : grouping) out.add(Expressions.transformUp(g, n -> n.equals(call) ? column : n));
        return out;
    }

    private static String columnName(FunctionCall call, StructType input) {
        String base = call.name() + MARK;
        Set<String> taken = InternalNames.lowerCaseNames(input);
        String name = base;
        for (int n = 1; taken.contains(name.toLowerCase(java.util.Locale.ROOT)); n++) name = base + n + MARK;
        return name;
    }

    private static ColumnRef column(StructType schema, String name) {
        int i = schema.indexOf(name);
        if (i < 0) throw SluiceException.internal("time window column " + name + " missing after its rewrite");
        return new ColumnRef(name, schema.field(i).dataType(), schema.field(i).nullable());
    }

    private static Expression field(Expression struct, int ordinal) {
        return new GetStructField(struct, ((StructType) struct.dataType()).field(ordinal).name(), ordinal);
    }

    private static Expression minus(Expression time, Expression interval) {
        return new Arithmetic(Arithmetic.Op.SUBTRACT, time, interval, EvalMode.ANSI);
    }

    private static Literal interval(long micros) { return new Literal(Duration.ofNanos(Math.multiplyExact(micros, 1000L)), DayTimeIntervalType.DEFAULT); }

    /** A duration argument of window(): Spark takes only strings (or numbers) there, not interval values. */
    private static Literal duration(long micros) { return Literal.of(micros + " microseconds"); }
}
