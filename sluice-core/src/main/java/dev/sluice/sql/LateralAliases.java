package dev.sluice.sql;

import dev.sluice.expr.AggregateExpression;
import dev.sluice.expr.Alias;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.expr.UnresolvedStar;
import dev.sluice.expr.WindowExpression;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lateral column aliases (Spark 3.4+): a select item may name an alias defined earlier in the same list
 * ({@code SELECT x + 1 AS a, a * 2 AS b}), also in an aggregating SELECT ({@code sum(x) AS s, s / count(*)}). A column
 * of the input with that name wins, as in Spark. The reference is replaced by the aliased expression, so the plan
 * is the one the user would have written out; an item without an alias keeps the name Spark gives it ({@code (a *
 * 2)}). As Spark, an alias may not be used inside an aggregate function or a window (its
 * LATERAL_COLUMN_ALIAS_IN_AGGREGATE_FUNC and _IN_WINDOW), and a nondeterministic aliased expression (which Spark
 * computes once) is refused rather than computed twice.
 */
final class LateralAliases {
    private LateralAliases() {}

    static List<Expression> resolve(List<Expression> items, String[] inputColumns) {
        Set<String> columns = new HashSet<>();
        for (String c : inputColumns) columns.add(c.toLowerCase(Locale.ROOT));
        Map<String, Expression> aliases = new HashMap<>();
        List<Expression> out = new ArrayList<>(items.size());
        for (Expression item : items) {
            Expression resolved = item instanceof UnresolvedStar ? item : substitute(item, aliases, columns, false);
            if (resolved != item && !(resolved instanceof Alias)) resolved = new Alias(resolved, Expressions.outputName(item));
            out.add(resolved);
            if (resolved instanceof Alias a) aliases.putIfAbsent(a.name().toLowerCase(Locale.ROOT), a.child());
        }
        return out;
    }

    private static Expression substitute(Expression e, Map<String, Expression> aliases, Set<String> columns, boolean inside) {
        if (e instanceof UnresolvedColumn u && u.nameParts().size() == 1) {
            String name = u.nameParts().get(0).toLowerCase(Locale.ROOT);
            Expression aliased = columns.contains(name) ? null : aliases.get(name);
            if (aliased == null) return e;
            if (inside) {
                throw SyntaxErrors.unsupported("the lateral column alias " + u.nameParts().get(0) + " inside an aggregate function or window",
                        "as in Spark, refer to it only outside aggregate functions and windows");
            }
            if (!Expressions.isDeterministic(aliased)) {
                throw SyntaxErrors.unsupported("the lateral column alias " + u.nameParts().get(0) + " of a nondeterministic expression",
                        "compute it in a subquery first");
            }
            return aliased;
        }
        boolean below = inside || e instanceof AggregateExpression || e instanceof WindowExpression;
        List<Expression> children = e.children();
        if (children.isEmpty()) return e;
        List<Expression> replaced = new ArrayList<>(children.size());
        boolean changed = false;
        for (Expression c : children) {
            Expression r = substitute(c, aliases, columns, below);
            changed |= r != c;
            replaced.add(r);
        }
        return changed ? e.withChildren(replaced) : e;
    }
}
