package dev.sluice.spark;

import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.HigherOrderFunction;
import dev.sluice.expr.LambdaFunction;
import dev.sluice.expr.LambdaVariable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Higher-order functions (transform, filter, aggregate, ...) as Spark's functions of the same name taking Scala
 * functions: Spark calls each function with a Column per lambda parameter, and the lambda's body is translated with
 * its {@link LambdaVariable}s bound to those Columns, so Spark's analyzer types and names them itself.
 */
final class HigherOrderTranslator {
    private final ExpressionTranslator outer;
    private final Map<Long, Column> bound = new HashMap<>();

    HigherOrderTranslator(ExpressionTranslator outer) { this.outer = outer; }

    Column variable(LambdaVariable v) {
        Column c = bound.get(v.id());
        if (c == null) throw SluiceException.internal("lambda variable " + v.name() + " used outside its lambda");
        return c;
    }

    Column translate(HigherOrderFunction h) {
        List<Expression> a = h.arguments();
        Column first = outer.translate(a.get(0));
        switch (h.kind()) {
            case TRANSFORM:
                return arity(a.get(1)) == 1 ? functions.transform(first, f1(a.get(1))) : functions.transform(first, f2(a.get(1)));
            case FILTER:
                return arity(a.get(1)) == 1 ? functions.filter(first, f1(a.get(1))) : functions.filter(first, f2(a.get(1)));
            case EXISTS: return functions.exists(first, f1(a.get(1)));
            case FORALL: return functions.forall(first, f1(a.get(1)));
            case AGGREGATE:
                return a.size() == 4 ? functions.aggregate(first, outer.translate(a.get(1)), f2(a.get(2)), f1(a.get(3)))
                        : functions.aggregate(first, outer.translate(a.get(1)), f2(a.get(2)));
            case REDUCE:
                return a.size() == 4 ? functions.reduce(first, outer.translate(a.get(1)), f2(a.get(2)), f1(a.get(3)))
                        : functions.reduce(first, outer.translate(a.get(1)), f2(a.get(2)));
            case ZIP_WITH: return functions.zip_with(first, outer.translate(a.get(1)), f2(a.get(2)));
            case MAP_FILTER: return functions.map_filter(first, f2(a.get(1)));
            case TRANSFORM_KEYS: return functions.transform_keys(first, f2(a.get(1)));
            case TRANSFORM_VALUES: return functions.transform_values(first, f2(a.get(1)));
            case ARRAY_SORT: return functions.array_sort(first, f2(a.get(1)));
            case MAP_ZIP_WITH: return functions.map_zip_with(first, outer.translate(a.get(1)), f3(a.get(2)));
            default: throw SluiceException.internal("unhandled higher-order function " + h.kind());
        }
    }

    private static LambdaFunction lambda(Expression e) {
        if (e instanceof LambdaFunction l && l.bound()) return l;
        throw SluiceException.internal("expected a bound lambda, got " + e.sql());
    }

    private static int arity(Expression e) { return lambda(e).parameters().size(); }

    /** The body translated with the lambda's variables bound to Spark's parameter Columns. */
    private Column body(LambdaFunction l, Column... parameters) {
        List<LambdaVariable> vars = l.variables();
        for (int i = 0; i < vars.size(); i++) bound.put(vars.get(i).id(), parameters[i]);
        try {
            return outer.translate(l.body());
        } finally {
            for (LambdaVariable v : vars) bound.remove(v.id());
        }
    }

    private scala.Function1<Column, Column> f1(Expression e) {
        LambdaFunction l = lambda(e);
        return x -> body(l, x);
    }

    private scala.Function2<Column, Column, Column> f2(Expression e) {
        LambdaFunction l = lambda(e);
        return (x, y) -> body(l, x, y);
    }

    private scala.Function3<Column, Column, Column, Column> f3(Expression e) {
        LambdaFunction l = lambda(e);
        return (x, y, z) -> body(l, x, y, z);
    }
}
