package dev.sluice.optimizer;

import dev.sluice.expr.Alias;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.GetStructField;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Replaces references to a projection's outputs by the expressions that define them. */
final class Substitution {
    private Substitution() {}

    static Expression inline(Expression e, List<Expression> projections) {
        Map<String, Expression> definitions = new HashMap<>();
        for (Expression p : projections) {
            if (p instanceof Alias a) definitions.put(a.name(), a.child());
        }
        return Expressions.transformUp(e, node -> {
            if (node instanceof ColumnRef r && definitions.containsKey(r.name())) return definitions.get(r.name());
            return node;
        });
    }

    /** True when an expression is cheap enough to compute twice (a column, a literal, a field access). */
    static boolean isCheap(Expression e) {
        Expression x = Expressions.unalias(e);
        while (x instanceof GetStructField g) x = g.child();
        return x instanceof ColumnRef || x instanceof dev.sluice.expr.Literal;
    }
}
