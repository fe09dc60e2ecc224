package dev.sluice.plan;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.Alias;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.Literal;
import dev.sluice.expr.SortOrder;
import dev.sluice.expr.TypeCoercion;
import dev.sluice.expr.WindowExpression;
import dev.sluice.expr.WindowExpression.Function;
import dev.sluice.expr.WindowFrame;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DateType;
import dev.sluice.types.DoubleType;
import dev.sluice.types.FloatType;
import dev.sluice.types.IntegerType;
import dev.sluice.types.LongType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Window functions in a select become {@link Window} nodes (Spark's ExtractWindowExpressions):
 * <pre>
 * select(k, rank().over(w) + 1 AS r)      Project([k, (_we0 + 1) AS r])
 *                                     =>    Window([rank() OVER w AS _we0], partitionBy k, orderBy o)
 *                                             input
 * </pre>
 * Keys and arguments that are not plain columns are computed by a projection below the Window first; one
 * Window per distinct (partitionBy, orderBy), in order of appearance. Checks as Spark: ranking functions and
 * lag/lead need an ORDER BY and keep their own frame; value-offset RANGE frames need one numeric order key.
 */
final class AnalyzeWindow {
    private AnalyzeWindow() {}

    /** Checks one resolved window expression and coerces lag/lead's default to the input's type. */
    static Expression check(WindowExpression w, Analyzer analyzer) {
        for (Expression c : w.children()) rejectOutsideSelect(c, "inside another window function or its window");
        Function f = w.function();
        if (f.needsOrder() && w.orderBy().isEmpty()) {
            throw SluiceException.of(ErrorCode.WINDOW_NOT_ORDERED).with("function", w.functionSql()).build();
        }
        WindowFrame required = w.requiredFrame();
        if (required != null && w.frame() != null && !required.equals(w.frame())) {
            throw SluiceException.of(ErrorCode.WINDOW_FRAME_MISMATCH).with("function", w.functionSql())
                    .with("required", required.sql()).with("actual", w.frame().sql()).build();
        }
        for (Expression k : w.partitionBy()) AnalyzeSort.requireOrderable(SortOrder.asc(k));
        for (SortOrder o : w.orderBy()) AnalyzeSort.requireOrderable(o);
        checkFrame(w);
        switch (f) {
            case NTILE: {
                Object n = w.arguments().get(0) instanceof Literal l ? l.value() : null;
                if (!(n instanceof Integer i) || i <= 0) {
                    throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "ntile")
                            .with("reason", "the number of buckets must be a positive integer, got " + w.arguments().get(0).sql()).build();
                }
                return w;
            }
            case NTH_VALUE:
                w.nthOffset();
                return w;
            case LAG: case LEAD: {
                DataType type = w.input().dataType();
                Expression dflt = w.arguments().get(2);
                if (!dflt.dataType().equals(type) && !dflt.dataType().equals(DataTypes.NULL) && !TypeCoercion.canImplicitCast(dflt.dataType(), type)) {
                    throw mismatch(w, "a default of type " + type.simpleString(), dflt.dataType());
                }
                Expression cast = analyzer.castTo(dflt, type);
                if (cast == dflt) return w;
                return new WindowExpression(f, w.name(), List.of(w.input(), w.arguments().get(1), cast), w.partitionBy(),
                        w.orderBy(), w.frame(), w.ignoreNulls());
            }
            default:   // an aggregate was bound (types checked) by the aggregate functions
                return w;
        }
    }

    private static void checkFrame(WindowExpression w) {
        WindowFrame frame = w.frame();
        if (frame == null) return;
        long lo = frame.lower(), hi = frame.upper();
        if (lo == WindowFrame.UNBOUNDED_FOLLOWING || hi == WindowFrame.UNBOUNDED_PRECEDING
                || (lo != WindowFrame.UNBOUNDED_PRECEDING && hi != WindowFrame.UNBOUNDED_FOLLOWING && lo > hi)) {
            throw invalidFrame(frame, "the lower bound must not come after the upper bound");
        }
        if (frame.type() == WindowFrame.Type.RANGE && w.orderBy().isEmpty()) {
            throw invalidFrame(frame, "a range frame cannot be used in an unordered window");
        }
        if (frame.type() != WindowFrame.Type.RANGE || !frame.hasValueOffset()) return;
        if (w.orderBy().size() != 1) {
            throw invalidFrame(frame, "a range frame with value offsets needs exactly one order key, got " + w.orderBy().size());
        }
        DataType t = w.orderBy().get(0).dataType();
        if (!(t instanceof IntegerType || t instanceof LongType || t instanceof DoubleType || t instanceof FloatType || t instanceof DateType)) {
            throw invalidFrame(frame, "a range frame with value offsets needs a numeric or date order key, not " + t.simpleString());
        }
    }

    private static SluiceException invalidFrame(WindowFrame frame, String reason) {
        return SluiceException.of(ErrorCode.INVALID_WINDOW_FRAME).with("frame", frame.sql()).with("reason", reason).build();
    }

    private static SluiceException mismatch(WindowExpression w, String expected, DataType actual) {
        return SluiceException.of(ErrorCode.TYPE_MISMATCH).with("expression", w.functionSql()).with("expected", expected)
                .with("actual", actual.simpleString()).build();
    }

    /** Window functions belong in selects only: a filter or a sort holding one is WINDOW_FUNCTION_NOT_ALLOWED. */
    static void rejectOutsideSelect(Expression e, String where) {
        for (Expression node : Expressions.collect(e)) {
            if (node instanceof WindowExpression w) {
                throw SluiceException.of(ErrorCode.WINDOW_FUNCTION_NOT_ALLOWED).with("function", w.sql()).with("where", where).build();
            }
        }
    }

    /**
     * Rejects window functions left in a node other than a Window (a select's became Windows): in an aggregation,
     * inside an aggregate function, in a generator...
     */
    static void rejectOutsideWindow(LogicalPlan plan) {
        if (plan instanceof Window) return;
        for (Expression e : Plans.expressions(plan)) {
            rejectOutsideSelect(e, "in " + plan.getClass().getSimpleName().toLowerCase(Locale.ROOT));
        }
    }

    /** A Window node re-resolved against its (possibly narrowed) input. */
    static LogicalPlan refresh(Window w, Analyzer analyzer) {
        List<Expression> out = new ArrayList<>();
        for (Expression e : w.expressions()) out.add(analyzer.resolve(e, w.input().schema()));
        return w.withExpressions(out);
    }

    /**
     * The select as Windows under a projection, or null when it has no window function. {@code items} are
     * the resolved select items, already named.
     */
    static LogicalPlan extract(LogicalPlan input, List<Expression> items) {
        List<WindowExpression> windows = new ArrayList<>();
        for (Expression item : items) {
            for (Expression node : Expressions.collect(item)) {
                if (node instanceof WindowExpression w && !windows.contains(w)) windows.add(w);
            }
        }
        if (windows.isEmpty()) return null;
        for (Expression item : items) {
            if (AnalyzeGenerate.isGeneratorItem(item)) {
                throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "a generator and a window function in one select")
                        .with("reason", "split them into two selects").build();
            }
        }
        Set<String> taken = new HashSet<>();
        for (String n : input.schema().fieldNames()) taken.add(n.toLowerCase(Locale.ROOT));
        // what must be computed below: keys and arguments that are not columns (literal arguments stay)
        Map<Expression, ColumnRef> computed = new LinkedHashMap<>();
        List<WindowExpression> rewritten = new ArrayList<>();
        for (WindowExpression w : windows) {
            List<Expression> args = new ArrayList<>();
            for (Expression a : w.arguments()) args.add(argument(a, computed, taken));
            List<Expression> keys = new ArrayList<>();
            for (Expression k : w.partitionBy()) keys.add(column(k, computed, taken));
            List<SortOrder> orders = new ArrayList<>();
            for (SortOrder o : w.orderBy()) orders.add(new SortOrder(column(o.child(), computed, taken), o.ascending(), o.nullsFirst()));
            rewritten.add(new WindowExpression(w.function(), w.name(), args, keys, orders, w.effectiveFrame(), w.ignoreNulls()));
        }
        LogicalPlan child = input;
        if (!computed.isEmpty()) {
            List<Expression> below = new ArrayList<>();
            for (StructField f : input.schema().fields()) below.add(new ColumnRef(f.name(), f.dataType(), f.nullable()));
            for (Map.Entry<Expression, ColumnRef> e : computed.entrySet()) below.add(new Alias(e.getKey(), e.getValue().name()));
            child = new Project(input, below);
        }
        // one Window per (partitionBy, orderBy), in order of first appearance
        Map<List<Expression>, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < rewritten.size(); i++) {
            WindowExpression w = rewritten.get(i);
            List<Expression> spec = new ArrayList<>(w.partitionBy());
            spec.add(Literal.NULL);   // separates the partition keys from the order keys
            spec.addAll(w.orderBy());
            groups.computeIfAbsent(spec, k -> new ArrayList<>()).add(i);
        }
        Map<WindowExpression, ColumnRef> results = new LinkedHashMap<>();
        for (List<Integer> group : groups.values()) {
            List<WindowExpression> fns = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i : group) {
                WindowExpression w = rewritten.get(i);
                String name = unique("_we" + i, taken);
                fns.add(w);
                names.add(name);
                results.put(windows.get(i), new ColumnRef(name, w.dataType(), w.nullable()));
            }
            WindowExpression first = fns.get(0);
            child = new Window(child, first.partitionBy(), first.orderBy(), fns, names);
        }
        List<Expression> projections = new ArrayList<>();
        for (Expression item : items) {
            projections.add(Expressions.transformDown(item, e -> e instanceof WindowExpression w ? results.get(w) : e));
        }
        return new Project(child, projections);
    }

    /** A literal argument stays; an aggregate keeps its function with its inputs as columns; others become columns. */
    private static Expression argument(Expression a, Map<Expression, ColumnRef> computed, Set<String> taken) {
        if (a instanceof Literal) return a;
        if (a instanceof AggregateExpression ae) {
            List<Expression> inputs = new ArrayList<>();
            for (Expression in : ae.children()) inputs.add(argument(in, computed, taken));
            return ae.withChildren(inputs);
        }
        return column(a, computed, taken);
    }

    /** Nodes of {@code e} (pre-order) outside window functions: an aggregate inside {@code sum(x).over(w)} belongs to the window. */
    static List<Expression> collectOutsideWindows(Expression e) {
        List<Expression> out = new ArrayList<>();
        collectOutsideWindows(e, out);
        return out;
    }

    private static void collectOutsideWindows(Expression e, List<Expression> out) {
        out.add(e);
        if (e instanceof WindowExpression) return;
        for (Expression c : e.children()) collectOutsideWindows(c, out);
    }

    private static ColumnRef column(Expression e, Map<Expression, ColumnRef> computed, Set<String> taken) {
        if (e instanceof ColumnRef r) return r;
        ColumnRef existing = computed.get(e);
        if (existing != null) return existing;
        ColumnRef ref = new ColumnRef(unique("_w" + computed.size(), taken), e.dataType(), e.nullable());
        computed.put(e, ref);
        return ref;
    }

    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int k = 1; taken.contains(candidate.toLowerCase(Locale.ROOT)); k++) candidate = name + "_" + k;
        taken.add(candidate.toLowerCase(Locale.ROOT));
        return candidate;
    }
}
