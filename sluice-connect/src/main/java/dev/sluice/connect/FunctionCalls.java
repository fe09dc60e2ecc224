package dev.sluice.connect;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.sql.SqlFunctions;
import dev.sluice.functions;
import dev.sluice.types.DataType;
import org.apache.spark.connect.proto.Expression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Functions by name, as clients send them: operators and Column methods ({@code ==}, {@code and}, {@code isNull},
 * {@code startsWith}), aggregates, window functions and the functions Sluice's API builds as dedicated expressions;
 * every other name goes to Sluice's one function registry (through {@link SqlFunctions}), so functions added there are
 * served without a change here (the same resolution SQL text gets). An unknown name is Spark's UNRESOLVED_ROUTINE.
 */
final class FunctionCalls {
    private final ExpressionTranslator expressions;
    private final DataFrame input;

    FunctionCalls(ExpressionTranslator expressions, DataFrame input) {
        this.expressions = expressions;
        this.input = input;
    }

    Column call(String name, List<Expression> args, boolean distinct) {
        String n = name.toLowerCase(Locale.ROOT);
        if (distinct) return distinctAggregate(n, args);
        List<Column> a = n.equals("count") ? expressions.all(args, input) : expandStars(args, expressions.all(args, input));
        switch (n) {
            // operators and Column methods
            case "==": case "=": return a.get(0).equalTo(a.get(1));   // PySpark sends ==, the Scala client =
            case "!=": case "<>": return a.get(0).notEqual(a.get(1));
            case "<": return a.get(0).lt(a.get(1));
            case "<=": return a.get(0).leq(a.get(1));
            case ">": return a.get(0).gt(a.get(1));
            case ">=": return a.get(0).geq(a.get(1));
            case "<=>": return a.get(0).eqNullSafe(a.get(1));
            case "+": return a.get(0).plus(a.get(1));
            case "-": return a.size() == 1 ? a.get(0).negate() : a.get(0).minus(a.get(1));
            case "*": return a.get(0).multiply(a.get(1));
            case "/": return a.get(0).divide(a.get(1));
            case "%": return a.get(0).mod(a.get(1));
            case "and": return a.get(0).and(a.get(1));
            case "or": return a.get(0).or(a.get(1));
            case "not": case "!": return functions.not(a.get(0));
            case "negative": return a.get(0).negate();
            case "isnull": return a.get(0).isNull();
            case "isnotnull": return a.get(0).isNotNull();
            case "in": return a.get(0).isin(a.subList(1, a.size()).toArray());
            case "when": return when(a);
            // answered per grouping set by rollup/cube/groupingSets (dev.sluice.sql.GroupingSets)
            case "grouping": case "grouping_id": {
                List<dev.sluice.expr.Expression> exprs = new java.util.ArrayList<>();
                for (Column c : a) exprs.add(c.expr());
                return new Column(new dev.sluice.expr.FunctionCall(n, exprs, null));
            }
            case "substr": case "substring":   // Column.substr sends substr: Spark names it so
                if (n.equals("substring") && isLiteral(args, 1) && isLiteral(args, 2)) return functions.substring(a.get(0), intArg(args, 1), intArg(args, 2));
                return registry(n, a);
            case "startswith": return registry("startswith", a);
            case "endswith": return registry("endswith", a);
            case "power": return registry("power", a);   // PySpark's pow sends power: Spark names it POWER(x, y)
            // dedicated expressions of Sluice's API
            case "coalesce": return functions.coalesce(a.toArray(new Column[0]));
            case "struct": return functions.struct(a.toArray(new Column[0]));
            case "size": return functions.size(a.get(0));
            case "element_at": return functions.element_at(a.get(0), a.get(1));
            case "try_element_at": return functions.try_element_at(a.get(0), a.get(1));
            case "explode": return functions.explode(a.get(0));
            case "explode_outer": return functions.explode_outer(a.get(0));
            case "posexplode": return functions.posexplode(a.get(0));
            case "posexplode_outer": return functions.posexplode_outer(a.get(0));
            case "inline": return functions.inline(a.get(0));
            case "inline_outer": return functions.inline_outer(a.get(0));
            case "lower": return functions.lower(a.get(0));
            case "upper": return functions.upper(a.get(0));
            case "length": return functions.length(a.get(0));
            case "trim": return a.size() == 1 ? functions.trim(a.get(0)) : registry(n, a);
            case "ltrim": return a.size() == 1 ? functions.ltrim(a.get(0)) : registry(n, a);
            case "rtrim": return a.size() == 1 ? functions.rtrim(a.get(0)) : registry(n, a);
            case "concat": return functions.concat(a.toArray(new Column[0]));
            case "from_json": return fromJson(args, a);
            case "from_csv": case "from_xml": return registry(n, ddlSchema(args, a));
            case "to_json": return a.size() == 1 ? functions.to_json(a.get(0)) : functions.to_json(a.get(0), options(args, 1));
            case "json_tuple": return functions.json_tuple(a.get(0), stringArgs(args, 1));
            // aggregates
            case "count": return functions.count(a.get(0));
            case "sum": return functions.sum(a.get(0));
            case "avg": return functions.avg(a.get(0));   // mean: the registry's, named mean(x) as Spark's alias
            case "min": return functions.min(a.get(0));
            case "max": return functions.max(a.get(0));
            case "first": return functions.first(a.get(0), a.size() > 1 && boolArg(args, 1));
            case "last": return functions.last(a.get(0), a.size() > 1 && boolArg(args, 1));
            case "any_value": return a.size() > 1 ? functions.any_value(a.get(0), a.get(1)) : functions.any_value(a.get(0));
            case "collect_list": case "array_agg": return functions.collect_list(a.get(0));
            case "collect_set": return functions.collect_set(a.get(0));
            case "stddev": return functions.stddev(a.get(0));
            case "std": return functions.std(a.get(0));
            case "stddev_samp": return functions.stddev_samp(a.get(0));
            case "stddev_pop": return functions.stddev_pop(a.get(0));
            case "variance": return functions.variance(a.get(0));
            case "var_samp": return functions.var_samp(a.get(0));
            case "var_pop": return functions.var_pop(a.get(0));
            case "approx_count_distinct":
                return a.size() == 1 ? functions.approx_count_distinct(a.get(0))
                        : functions.approx_count_distinct(a.get(0), ((Number) literal(args, 1)).doubleValue());
            case "count_distinct": return functions.count_distinct(a.get(0), rest(a));
            // window functions
            case "row_number": return functions.row_number();
            case "rank": return functions.rank();
            case "dense_rank": return functions.dense_rank();
            case "percent_rank": return functions.percent_rank();
            case "cume_dist": return functions.cume_dist();
            case "ntile": return functions.ntile(intArg(args, 0));
            case "lag": return functions.lag(a.get(0), a.size() > 1 ? intArg(args, 1) : 1, a.size() > 2 ? a.get(2) : null);
            case "lead": return functions.lead(a.get(0), a.size() > 1 ? intArg(args, 1) : 1, a.size() > 2 ? a.get(2) : null);
            // outside OVER, Spark's aggregates first/last under their own names (inside OVER: windowFunction below)
            case "first_value": case "last_value": {
                var f = new dev.sluice.expr.agg.FirstLast(a.get(0).expr(), n.equals("last_value"), a.size() > 1 && boolArg(args, 1), n, false);
                return new Column(new dev.sluice.expr.AggregateExpression(f, false));
            }
            default: return registry(n, a);
        }
    }

    /** The window function of {@code f(...) OVER w}: first_value and last_value are Sluice's window functions there. */
    Column windowFunction(String name, List<Expression> args, boolean distinct) {
        String n = name.toLowerCase(Locale.ROOT);
        if (!distinct && (n.equals("first_value") || n.equals("last_value"))) {
            List<Column> a = expressions.all(args, input);
            boolean ignoreNulls = a.size() > 1 && boolArg(args, 1);
            return n.equals("first_value") ? functions.first_value(a.get(0), ignoreNulls) : functions.last_value(a.get(0), ignoreNulls);
        }
        return call(name, args, distinct);
    }

    /** Every other name: the function SQL text would call (the API's function of that name, else the registry). */
    private Column registry(String name, List<Column> a) {
        return SqlFunctions.call(name, a, false);
    }

    private Column distinctAggregate(String n, List<Expression> args) {
        return SqlFunctions.call(n, expressions.all(args, input), true);
    }

    private static Column[] rest(List<Column> a) { return a.subList(1, a.size()).toArray(new Column[0]); }

    private static Column when(List<Column> a) {
        Column out = functions.when(a.get(0), a.get(1));
        int i = 2;
        for (; i + 1 < a.size(); i += 2) out = out.when(a.get(i), a.get(i + 1));
        if (i < a.size()) out = out.otherwise(a.get(i));
        return out;
    }

    /** The schema argument (the second) as DDL when the client sent Spark's JSON form of a StructType. */
    private static List<Column> ddlSchema(List<Expression> args, List<Column> a) {
        if (a.size() < 2 || args.size() < 2 || !isLiteral(args, 1) || !(literal(args, 1) instanceof String s) || !s.strip().startsWith("{")) return a;
        List<Column> out = new ArrayList<>(a);
        out.set(1, functions.lit(SchemaStrings.parseSchema(s).toDDL()));
        return out;
    }

    private Column fromJson(List<Expression> args, List<Column> a) {
        Object schema = literal(args, 1);
        DataType type;
        if (schema instanceof String s) {
            type = SchemaStrings.parseType(s);
        } else {
            throw ConnectErrors.unsupported("from_json with a schema that is not a string literal", "give the schema as DDL or JSON text");
        }
        return functions.from_json(a.get(0), type, args.size() > 2 ? options(args, 2) : Map.of());
    }

    /** A map literal ({@code options=} of from_json, to_json) as string options. */
    private static Map<String, String> options(List<Expression> args, int i) {
        Expression e = args.get(i);
        Map<String, String> out = new LinkedHashMap<>();
        if (e.hasLiteral() && e.getLiteral().hasMap()) {
            var m = e.getLiteral().getMap();
            for (int k = 0; k < m.getKeysCount(); k++) {
                out.put(String.valueOf(Literals.value(m.getKeys(k))), String.valueOf(Literals.value(m.getValues(k))));
            }
            return out;
        }
        if (e.hasUnresolvedFunction() && e.getUnresolvedFunction().getFunctionName().equals("map")) {
            List<Expression> kv = e.getUnresolvedFunction().getArgumentsList();
            for (int k = 0; k + 1 < kv.size(); k += 2) {
                out.put(String.valueOf(literal(kv, k)), String.valueOf(literal(kv, k + 1)));
            }
            return out;
        }
        throw ConnectErrors.unsupported("options that are not a literal map", "give options as a dict of strings");
    }

    private static boolean isLiteral(List<Expression> args, int i) { return i < args.size() && args.get(i).hasLiteral(); }

    static Object literal(List<Expression> args, int i) {
        if (!isLiteral(args, i)) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "argument " + (i + 1))
                    .with("reason", "it must be a literal").build();
        }
        return Literals.value(args.get(i).getLiteral());
    }

    private static int intArg(List<Expression> args, int i) { return ((Number) literal(args, i)).intValue(); }

    private static boolean boolArg(List<Expression> args, int i) { return Boolean.TRUE.equals(literal(args, i)); }

    private static String[] stringArgs(List<Expression> args, int from) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < args.size(); i++) out.add(String.valueOf(literal(args, i)));
        return out.toArray(new String[0]);
    }

    /**
     * A bare {@code *} among a function's arguments stands for every input column, in order ({@code hash('*')} is
     * {@code hash(c1, c2)}, named so), as Spark's analyzer expands it; {@code count(*)} keeps its own meaning.
     */
    private List<Column> expandStars(List<Expression> protos, List<Column> translated) {
        if (input == null || protos.size() != translated.size()) return translated;
        List<Column> out = null;
        for (int i = 0; i < protos.size(); i++) {
            Expression p = protos.get(i);
            boolean star = p.hasUnresolvedStar() && (!p.getUnresolvedStar().hasUnparsedTarget() || p.getUnresolvedStar().getUnparsedTarget().isEmpty());
            if (star && out == null) out = new ArrayList<>(translated.subList(0, i));
            if (star) {
                for (String c : input.columns()) out.add(new Column(new dev.sluice.expr.UnresolvedColumn(List.of(c))));
            } else if (out != null) {
                out.add(translated.get(i));
            }
        }
        return out == null ? translated : out;
    }
}
