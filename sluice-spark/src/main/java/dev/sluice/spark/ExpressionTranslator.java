package dev.sluice.spark;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Alias;
import dev.sluice.expr.And;
import dev.sluice.expr.Arithmetic;
import dev.sluice.expr.CaseWhen;
import dev.sluice.expr.Cast;
import dev.sluice.expr.Coalesce;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Comparison;
import dev.sluice.expr.CreateStruct;
import dev.sluice.expr.ElementAt;
import dev.sluice.expr.EvalMode;
import dev.sluice.expr.Expression;
import dev.sluice.expr.FromJson;
import dev.sluice.expr.FunctionCall;
import dev.sluice.expr.GetItem;
import dev.sluice.expr.GetStructField;
import dev.sluice.expr.IsNotNull;
import dev.sluice.expr.IsNull;
import dev.sluice.expr.Literal;
import dev.sluice.expr.Negate;
import dev.sluice.expr.Not;
import dev.sluice.expr.Or;
import dev.sluice.expr.Size;
import dev.sluice.expr.StringFunction;
import dev.sluice.expr.ToJson;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.MapType;
import dev.sluice.types.NullType;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A resolved Sluice expression as a Spark Column, built only with {@code functions} and the Column API so that
 * Spark's own analyzer types it. The Sluice analyzer already made every implicit cast explicit, so Spark sees
 * operands of matching types. Cast, arithmetic and index modes map onto Spark's ANSI setting, which the engine
 * keeps equal to the Sluice session's; TRY modes map onto the {@code try_} functions.
 * <p>Java 17 has no pattern switch over the sealed Expression, so {@link #HANDLED} lists the records handled here;
 * a test compares it with Expression's permitted subclasses, so a new expression breaks the build until handled.
 */
final class ExpressionTranslator {
    /** Every expression record this translator handles (the rest are unresolved or physical-only forms). */
    static final Set<Class<? extends Expression>> HANDLED = Set.of(
            Literal.class, ColumnRef.class, Alias.class, GetStructField.class, GetItem.class, ElementAt.class,
            Size.class, Arithmetic.class, Negate.class, Comparison.class, And.class, Or.class, Not.class,
            IsNull.class, IsNotNull.class, Cast.class, CaseWhen.class, Coalesce.class, FromJson.class, ToJson.class,
            StringFunction.class, CreateStruct.class, FunctionCall.class, dev.sluice.expr.SortOrder.class,
            dev.sluice.expr.Generator.class, dev.sluice.expr.MultiAlias.class, dev.sluice.expr.AggregateExpression.class,
            dev.sluice.expr.WindowExpression.class, dev.sluice.expr.HigherOrderFunction.class,
            dev.sluice.expr.LambdaFunction.class, dev.sluice.expr.LambdaVariable.class);

    private final boolean ansi;
    private final HigherOrderTranslator higherOrder = new HigherOrderTranslator(this);

    ExpressionTranslator(boolean ansi) { this.ansi = ansi; }

    Column translate(Expression e) {
        if (e instanceof Literal l) return literal(l.value(), l.dataType());
        if (e instanceof ColumnRef c) return functions.col(quote(c.name()));
        if (e instanceof Alias a) return translate(a.child()).as(a.name());
        if (e instanceof GetStructField g) return translate(g.child()).getField(g.fieldName());
        if (e instanceof GetItem g) {
            requireSessionMode(g.mode(), "getItem");
            return translate(g.child()).getItem(translate(g.key()));
        }
        if (e instanceof ElementAt x) {
            if (x.mode() == EvalMode.TRY) return functions.try_element_at(translate(x.child()), translate(x.key()));
            requireSessionMode(x.mode(), "element_at");
            return functions.element_at(translate(x.child()), translate(x.key()));
        }
        if (e instanceof Size s) return size(s);
        if (e instanceof Arithmetic a) return arithmetic(a);
        if (e instanceof Negate n) {
            requireSessionMode(n.mode(), "negative");
            return functions.negate(translate(n.child()));
        }
        if (e instanceof Comparison c) return comparison(c);
        if (e instanceof And a) return translate(a.left()).and(translate(a.right()));
        if (e instanceof Or o) return translate(o.left()).or(translate(o.right()));
        if (e instanceof Not n) return functions.not(translate(n.child()));
        if (e instanceof IsNull n) return translate(n.child()).isNull();
        if (e instanceof IsNotNull n) return translate(n.child()).isNotNull();
        if (e instanceof Cast c) return cast(c);
        if (e instanceof CaseWhen w) return caseWhen(w);
        if (e instanceof Coalesce c) return functions.coalesce(translateAll(c.arguments()));
        if (e instanceof FromJson f) {
            return functions.from_json(translate(f.child()), SparkTypes.toSpark(f.schema()), f.options().values());
        }
        if (e instanceof ToJson t) return functions.to_json(translate(t.child()), t.options().values());
        if (e instanceof StringFunction s) return string(s);
        if (e instanceof CreateStruct s) {
            Column[] fields = new Column[s.arguments().size()];
            for (int i = 0; i < fields.length; i++) fields[i] = translate(s.arguments().get(i)).as(s.names().get(i));
            return functions.struct(fields);
        }
        if (e instanceof FunctionCall f && f.name().equals("in")) {
            Column[] args = translateAll(f.arguments());
            return args[0].isin((Object[]) java.util.Arrays.copyOfRange(args, 1, args.length));
        }
        if (e instanceof FunctionCall f && f.userDefined()) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "the user-defined function " + f.name())
                    .with("reason", "user-defined functions run on the embedded engine only; Spark has no copy of them").build();
        }
        if (e instanceof FunctionCall f && f.name().equals(dev.sluice.expr.fn.DatetimeIntervalArithmetic.NAME)) {
            // datetime/interval + - * /: Spark's own operators rewrite them the same way
            Column l = translate(f.arguments().get(0)), r = translate(f.arguments().get(1));
            String op = (String) ((Literal) f.arguments().get(2)).value();
            boolean tryMode = "TRY".equals(((Literal) f.arguments().get(3)).value());
            return switch (op) {
                case "ADD" -> tryMode ? functions.try_add(l, r) : l.plus(r);
                case "SUBTRACT" -> tryMode ? functions.try_subtract(l, r) : l.minus(r);
                case "MULTIPLY" -> tryMode ? functions.try_multiply(l, r) : l.multiply(r);
                default -> tryMode ? functions.try_divide(l, r) : l.divide(r);
            };
        }
        if (e instanceof FunctionCall f && f.name().equals(dev.sluice.expr.fn.ScalarSubqueryCheck.NAME)) {
            // a scalar subquery's value with its row count: Spark's own check raises its error the same way
            Column rows = translate(f.arguments().get(0)), value = translate(f.arguments().get(1));
            return functions.when(rows.gt(1), functions.raise_error(functions.lit(
                    "[SCALAR_SUBQUERY_TOO_MANY_ROWS] More than one row returned by a subquery used as an expression."))).otherwise(value);
        }
        if (e instanceof FunctionCall f && (f.name().equals("timestampadd") || f.name().equals("timestampdiff"))) {
            return timestampUnit(f);
        }
        if (e instanceof FunctionCall f) {
            // Registry functions carry Spark's names and take arguments already cast to their signature.
            return functions.call_function(f.name(), translateAll(f.arguments()));
        }
        if (e instanceof dev.sluice.expr.SortOrder o) {
            Column c = translate(o.child());
            if (o.ascending()) return o.nullsFirst() ? c.asc_nulls_first() : c.asc_nulls_last();
            return o.nullsFirst() ? c.desc_nulls_first() : c.desc_nulls_last();
        }
        if (e instanceof dev.sluice.expr.Generator g) return generator(g);
        if (e instanceof dev.sluice.expr.AggregateExpression a) return aggregate(a);
        if (e instanceof dev.sluice.expr.WindowExpression w) return WindowTranslator.column(w, this);
        if (e instanceof dev.sluice.expr.MultiAlias m) return translate(m.child()).as(m.names().toArray(new String[0]));
        if (e instanceof dev.sluice.expr.HigherOrderFunction h) return higherOrder.translate(h);
        if (e instanceof dev.sluice.expr.LambdaVariable v) return higherOrder.variable(v);
        if (e instanceof dev.sluice.expr.LambdaFunction l) {
            throw SluiceException.internal("a lambda outside a higher-order function: " + l.sql());
        }
        if (!e.resolved()) throw SluiceException.internal("the Spark translation got an unresolved expression " + e.sql());
        throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "expression " + e.getClass().getSimpleName() + " (" + e.sql() + ")")
                .with("reason", "it has no Spark translation yet").build();
    }

    /**
     * timestampadd / timestampdiff: SQL syntax in Spark (TIMESTAMPADD(HOUR, n, ts)), not registry functions, so they go
     * through functions.timestamp_add / timestamp_diff, which take the unit as text like the syntax does.
     */
    private Column timestampUnit(FunctionCall f) {
        if (!(f.arguments().get(0) instanceof Literal unit) || !(unit.value() instanceof String text)) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", f.name() + " with a unit that is not a constant")
                    .with("reason", "Spark takes the unit as a keyword of the syntax").build();
        }
        Column a = translate(f.arguments().get(1)), b = translate(f.arguments().get(2));
        return f.name().equals("timestampadd") ? functions.timestamp_add(text, a, b) : functions.timestamp_diff(text, a, b);
    }

    /** An aggregate function call, as Spark's function of the same name. */
    Column aggregate(dev.sluice.expr.AggregateExpression a) {
        dev.sluice.expr.AggregateFunction f = a.function();
        Column[] args = translateAll(f.inputs());
        if (a.distinct()) {
            if (f.name().equals("count")) return functions.count_distinct(args[0], java.util.Arrays.copyOfRange(args, 1, args.length));
            if (f.name().equals("sum")) return functions.sum_distinct(args[0]);
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", f.sql(true))
                    .with("reason", "only count and sum DISTINCT have a Spark translation yet").build();
        }
        if (f instanceof dev.sluice.expr.agg.FirstLast fl) {
            return functions.call_function(fl.name(), args[0], functions.lit(fl.ignoreNulls()));
        }
        if (f instanceof dev.sluice.expr.agg.ApproxCountDistinct acd) return functions.approx_count_distinct(args[0], acd.relativeSD());
        return functions.call_function(f.name(), args);
    }

    /** explode / posexplode / inline, with their _outer forms, as Spark's functions of the same names. */
    Column generator(dev.sluice.expr.Generator g) {
        Column child = translate(g.child());
        return switch (g.kind()) {
            case EXPLODE -> g.outer() ? functions.explode_outer(child) : functions.explode(child);
            case POSEXPLODE -> g.outer() ? functions.posexplode_outer(child) : functions.posexplode(child);
            case INLINE -> g.outer() ? functions.inline_outer(child) : functions.inline(child);
        };
    }

    Column[] translateAll(List<Expression> es) {
        Column[] out = new Column[es.size()];
        for (int i = 0; i < out.length; i++) out[i] = translate(es.get(i));
        return out;
    }

    /** A backquoted name, so Spark takes dots and spaces literally. */
    static String quote(String name) { return "`" + name.replace("`", "``") + "`"; }

    private Column size(Size s) {
        Column child = translate(s.child());
        // Spark picks -1 or NULL for a NULL input from its settings; Sluice decided already, so say it explicitly.
        return s.legacySizeOfNull()
                ? functions.when(child.isNull(), functions.lit(-1)).otherwise(functions.size(child))
                : functions.when(child.isNotNull(), functions.size(child));
    }

    private Column arithmetic(Arithmetic a) {
        Column l = translate(a.left());
        Column r = translate(a.right());
        if (a.mode() == EvalMode.TRY) {
            return switch (a.op()) {
                case ADD -> functions.try_add(l, r);
                case SUBTRACT -> functions.try_subtract(l, r);
                case MULTIPLY -> functions.try_multiply(l, r);
                case DIVIDE -> functions.try_divide(l, r);
                case REMAINDER -> functions.try_mod(l, r);
            };
        }
        requireSessionMode(a.mode(), a.op().symbol());
        return switch (a.op()) {
            case ADD -> l.plus(r);
            case SUBTRACT -> l.minus(r);
            case MULTIPLY -> l.multiply(r);
            case DIVIDE -> l.divide(r);
            case REMAINDER -> l.mod(r);
        };
    }

    private Column comparison(Comparison c) {
        Column l = translate(c.left());
        Column r = translate(c.right());
        return switch (c.op()) {
            case EQ -> l.equalTo(r);
            case LT -> l.lt(r);
            case LE -> l.leq(r);
            case GT -> l.gt(r);
            case GE -> l.geq(r);
            case EQ_NULL_SAFE -> l.eqNullSafe(r);
        };
    }

    private Column cast(Cast c) {
        Column child = translate(c.child());
        org.apache.spark.sql.types.DataType to = SparkTypes.toSpark(c.to());
        if (c.mode() == EvalMode.TRY) return child.try_cast(to);
        requireSessionMode(c.mode(), "cast");
        return child.cast(to);
    }

    private Column caseWhen(CaseWhen w) {
        Column out = functions.when(translate(w.conditions().get(0)), translate(w.values().get(0)));
        for (int i = 1; i < w.conditions().size(); i++) out = out.when(translate(w.conditions().get(i)), translate(w.values().get(i)));
        return w.elseValue() == null ? out : out.otherwise(translate(w.elseValue()));
    }

    private Column string(StringFunction s) {
        Column[] args = translateAll(s.arguments());
        return switch (s.kind()) {
            case LOWER -> functions.lower(args[0]);
            case UPPER -> functions.upper(args[0]);
            case LENGTH -> functions.length(args[0]);
            case TRIM -> functions.trim(args[0]);
            case LTRIM -> functions.ltrim(args[0]);
            case RTRIM -> functions.rtrim(args[0]);
            case CONCAT -> functions.concat(args);
            case SUBSTRING -> functions.substring(args[0], args[1], args[2]);
        };
    }

    /**
     * A constant of exactly Sluice's type: {@code lit} types Java values as Spark does, nested values are built
     * with array/map/struct, and a cast pins the type where {@code lit}'s choice could differ (decimals, NULLs).
     */
    private Column literal(Object value, DataType type) {
        if (value == null) {
            return type instanceof NullType ? functions.lit(null) : functions.lit(null).cast(SparkTypes.toSpark(type));
        }
        if (value instanceof BigDecimal || value instanceof java.time.Period || value instanceof java.time.Duration) {
            return functions.lit(value).cast(SparkTypes.toSpark(type));   // Spark types the value by its default; keep ours
        }
        if (value instanceof dev.sluice.types.CalendarInterval c) {
            return functions.lit(new org.apache.spark.unsafe.types.CalendarInterval(c.months(), c.days(), c.microseconds()));
        }
        if (value instanceof Row row && type instanceof StructType st) {
            Column[] fields = new Column[st.size()];
            for (int i = 0; i < fields.length; i++) fields[i] = literal(row.get(i), st.field(i).dataType()).as(st.field(i).name());
            return functions.struct(fields);
        }
        if (value instanceof List<?> list && type instanceof ArrayType at) {
            Column[] elements = new Column[list.size()];
            for (int i = 0; i < elements.length; i++) elements[i] = literal(list.get(i), at.elementType());
            return functions.array(elements).cast(SparkTypes.toSpark(type));
        }
        if (value instanceof Map<?, ?> map && type instanceof MapType mt) {
            List<Column> kv = new ArrayList<>();
            for (Map.Entry<?, ?> en : map.entrySet()) {
                kv.add(literal(en.getKey(), mt.keyType()));
                kv.add(literal(en.getValue(), mt.valueType()));
            }
            return functions.map(kv.toArray(new Column[0])).cast(SparkTypes.toSpark(type));
        }
        if (value instanceof Number && !naturalType(value).equals(type)) return functions.lit(value).cast(SparkTypes.toSpark(type));
        return functions.lit(value);
    }

    private static DataType naturalType(Object number) {
        return Literal.of(number).dataType();
    }

    /**
     * ANSI and LEGACY expressions follow Spark's session setting, which the engine sets from the Sluice session;
     * a plan mixing the other mode in (built by hand) has no Column-API form.
     */
    private void requireSessionMode(EvalMode mode, String what) {
        EvalMode session = ansi ? EvalMode.ANSI : EvalMode.LEGACY;
        if (mode != session) {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", what + " in " + mode + " mode")
                    .with("reason", "on Spark it follows the session's ANSI setting (" + session + ")").build();
        }
    }
}
