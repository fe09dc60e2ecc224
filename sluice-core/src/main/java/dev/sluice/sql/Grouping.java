package dev.sluice.sql;

import dev.sluice.expr.Alias;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.FunctionCall;
import dev.sluice.expr.Literal;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.sql.grammar.SqlGrammar;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * GROUP BY: expressions, {@code GROUP BY 1} (a select position), select aliases, {@code GROUP BY ALL}, and grouping
 * sets ({@code ROLLUP}, {@code CUBE}, {@code GROUPING SETS}, {@code WITH ROLLUP|CUBE}, and their products with plain
 * expressions, as Spark). {@link #sets} is null for a plain GROUP BY.
 */
final class Grouping {
    /** Every grouping expression (in order), and the grouping sets over them (null: one plain group by). */
    record Spec(List<Expression> all, List<List<Expression>> sets) {}

    private Grouping() {}

    static Spec of(ExpressionBuilder b, SqlGrammar.AggregationClauseContext ctx, List<Expression> items) {
        List<Expression> out = new ArrayList<>();
        if (ctx == null) return new Spec(out, null);
        if (ctx instanceof SqlGrammar.GroupByAllContext) {
            for (Expression item : items) {
                if (!SelectBuilder.containsAggregate(item) && !WindowsOverAggregates.containsWindow(item)) out.add(Expressions.unalias(item));
            }
            return new Spec(out, null);
        }
        SqlGrammar.GroupByListContext list = (SqlGrammar.GroupByListContext) ctx;
        List<List<Expression>> sets = new ArrayList<>();
        sets.add(List.of());
        boolean plain = true;
        for (SqlGrammar.GroupingElementContext g : list.groupingElement()) {
            if (g instanceof SqlGrammar.GroupingExpressionContext e) {
                Expression x = resolve(b.build(e.expression()), items, e);
                sets = product(sets, List.of(List.of(x)));
            } else if (g instanceof SqlGrammar.RollupOrCubeContext rc) {
                plain = false;
                List<List<Expression>> units = new ArrayList<>();
                for (SqlGrammar.GroupingSetContext s : rc.groupingSet()) units.add(set(b, s, items));
                sets = product(sets, rc.kind.getType() == SqlGrammar.ROLLUP ? rollup(units) : cube(units));
            } else {
                plain = false;
                List<List<Expression>> listed = new ArrayList<>();
                for (SqlGrammar.GroupingSetContext s : ((SqlGrammar.GroupingSetsContext) g).groupingSet()) listed.add(set(b, s, items));
                sets = product(sets, listed);
            }
        }
        if (list.kind != null) {   // GROUP BY a, b WITH ROLLUP: the whole list rolled up
            List<List<Expression>> units = new ArrayList<>();
            for (Expression e : sets.get(0)) units.add(List.of(e));
            sets = list.kind.getType() == SqlGrammar.ROLLUP ? rollup(units) : cube(units);
            plain = false;
        }
        LinkedHashSet<Expression> all = new LinkedHashSet<>();
        for (List<Expression> s : sets) all.addAll(s);
        return new Spec(new ArrayList<>(all), plain ? null : sets);
    }

    private static List<Expression> set(ExpressionBuilder b, SqlGrammar.GroupingSetContext s, List<Expression> items) {
        List<Expression> out = new ArrayList<>();
        for (SqlGrammar.ExpressionContext e : s.expression()) out.add(resolve(b.build(e), items, e));
        return out;
    }

    /** Every set of {@code left} joined with every set of {@code right}. */
    private static List<List<Expression>> product(List<List<Expression>> left, List<List<Expression>> right) {
        List<List<Expression>> out = new ArrayList<>();
        for (List<Expression> l : left) {
            for (List<Expression> r : right) {
                List<Expression> s = new ArrayList<>(l);
                for (Expression e : r) if (!s.contains(e)) s.add(e);
                out.add(s);
            }
        }
        return out;
    }

    /** ROLLUP(a, b): (a, b), (a), (). */
    private static List<List<Expression>> rollup(List<List<Expression>> units) {
        List<List<Expression>> out = new ArrayList<>();
        for (int n = units.size(); n >= 0; n--) {
            List<Expression> s = new ArrayList<>();
            for (List<Expression> u : units.subList(0, n)) s.addAll(u);
            out.add(s);
        }
        return out;
    }

    /** CUBE(a, b): (a, b), (a), (b), (). */
    private static List<List<Expression>> cube(List<List<Expression>> units) {
        List<List<Expression>> out = new ArrayList<>();
        int n = units.size();
        for (int mask = (1 << n) - 1; mask >= 0; mask--) {
            List<Expression> s = new ArrayList<>();
            for (int i = 0; i < n; i++) if ((mask & (1 << (n - 1 - i))) != 0) s.addAll(units.get(i));
            out.add(s);
        }
        return out;
    }

    /**
     * One grouping set's version of an expression: grouping expressions outside the set are NULL, {@code grouping(x)}
     * is 1 for those (0 otherwise) and {@code grouping_id()} their bits, most significant first (as Spark).
     */
    static Expression forSet(Expression e, List<Expression> all, List<Expression> set) {
        // aggregates read the input's own values, so nothing inside them is replaced
        if (e instanceof dev.sluice.expr.AggregateExpression || e instanceof dev.sluice.expr.WindowExpression) return e;
        if (e instanceof FunctionCall call && call.signature() == null) {
            String name = call.name().toLowerCase(Locale.ROOT);
            if (name.equals("grouping")) {
                if (call.arguments().size() != 1 || !all.contains(call.arguments().get(0))) {
                    throw SyntaxErrors.unsupported("grouping(" + call.arguments() + ")", "its argument must be a grouping expression");
                }
                return Literal.of(set.contains(call.arguments().get(0)) ? 0 : 1);
            }
            if (name.equals("grouping_id")) {
                List<Expression> over = call.arguments().isEmpty() ? all : call.arguments();
                long id = 0;
                for (Expression g : over) id = (id << 1) | (set.contains(g) ? 0 : 1);
                return Literal.of(id);
            }
        }
        if (!(e instanceof Alias) && all.contains(e) && !set.contains(e)) return Literal.NULL;
        List<Expression> children = e.children();
        if (children.isEmpty()) return e;
        List<Expression> replaced = new ArrayList<>(children.size());
        boolean changed = false;
        for (Expression c : children) {
            Expression r = forSet(c, all, set);
            changed |= r != c;
            replaced.add(r);
        }
        return changed ? e.withChildren(replaced) : e;
    }

    /** The column name of a select item that may hold {@code grouping(...)} calls (which the registry does not know). */
    static String outputName(Expression e) {
        Expression named = Expressions.transformUp(e, node -> {
            if (node instanceof FunctionCall call && call.signature() == null
                    && (call.name().equalsIgnoreCase("grouping") || call.name().equalsIgnoreCase("grouping_id"))) {
                List<String> args = new ArrayList<>();
                for (Expression a : call.arguments()) args.add(a.sql());
                return new UnresolvedColumn(List.of(call.name().toLowerCase(Locale.ROOT) + "(" + String.join(", ", args) + ")"));
            }
            return node;
        });
        return Expressions.outputName(named);
    }

    /** A position or a select alias stands for that select item (as Spark's groupByOrdinal and groupByAliases). */
    private static Expression resolve(Expression e, List<Expression> items, org.antlr.v4.runtime.ParserRuleContext at) {
        if (e instanceof Literal l && l.value() instanceof Integer ordinal) {
            if (ordinal < 1 || ordinal > items.size()) {
                throw SyntaxErrors.at(at, "GROUP BY position " + ordinal + " is not in the select list (1.." + items.size() + ")");
            }
            Expression item = Expressions.unalias(items.get(ordinal - 1));
            if (SelectBuilder.containsAggregate(item)) throw SyntaxErrors.at(at, "GROUP BY position " + ordinal + " is an aggregate");
            return item;
        }
        if (e instanceof UnresolvedColumn u && u.nameParts().size() == 1) {
            for (Expression item : items) {
                if (item instanceof Alias a && a.name().equalsIgnoreCase(u.nameParts().get(0)) && !SelectBuilder.containsAggregate(a.child())) {
                    return a.child();
                }
            }
        }
        return e;
    }
}
