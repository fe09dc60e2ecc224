package dev.sluice.sql;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.expr.Alias;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Literal;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.plan.Aggregate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Grouping sets for the DataFrame API ({@code df.rollup}, {@code cube}, {@code groupingSets}) with the plan shape
 * SQL's {@code GROUP BY ROLLUP/CUBE/GROUPING SETS} gets: one aggregation per set, grouping columns outside the set
 * NULL (and {@code grouping(x)}/{@code grouping_id()} answered per set), unioned in the order of the sets.
 */
public final class GroupingSets {
    private GroupingSets() {}

    /** ROLLUP(a, b): (a, b), (a), (). */
    public static List<List<Column>> rollup(List<Column> keys) {
        List<List<Column>> out = new ArrayList<>();
        for (int n = keys.size(); n >= 0; n--) out.add(List.copyOf(keys.subList(0, n)));
        return out;
    }

    /** CUBE(a, b): (a, b), (a), (b), (). */
    public static List<List<Column>> cube(List<Column> keys) {
        List<List<Column>> out = new ArrayList<>();
        int n = keys.size();
        for (int mask = (1 << n) - 1; mask >= 0; mask--) {
            List<Column> s = new ArrayList<>();
            for (int i = 0; i < n; i++) if ((mask & (1 << (n - 1 - i))) != 0) s.add(keys.get(i));
            out.add(s);
        }
        return out;
    }

    /**
     * The grouping columns {@code keys} (each named as in {@code groupBy}) then {@code aggregates}, per grouping set of
     * {@code sets} (each a subset of {@code keys}).
     */
    public static DataFrame aggregate(DataFrame df, List<Column> keys, List<List<Column>> sets, List<Column> aggregates) {
        LinkedHashSet<Expression> allSet = new LinkedHashSet<>();
        for (Column k : keys) allSet.add(k.expr());
        for (List<Column> s : sets) for (Column c : s) allSet.add(c.expr());
        List<Expression> all = new ArrayList<>(allSet);
        List<Expression> outputs = new ArrayList<>();
        for (Column k : keys) outputs.add(named(k.expr()));
        for (Column a : aggregates) outputs.add(named(a.expr()));
        DataFrame out = null;
        for (List<Column> set : sets) {
            List<Expression> members = new ArrayList<>();
            for (Column c : set) members.add(c.expr());
            List<Expression> setOutputs = new ArrayList<>();
            for (Expression o : outputs) setOutputs.add(Grouping.forSet(o, all, members));
            // the empty set groups by a constant: no row for an empty input, as Spark's Expand
            List<Expression> groupBy = members.isEmpty() ? List.of(Literal.of(0)) : members;
            DataFrame branch = df.session().dataFrame(new Aggregate(df.logicalPlan(), groupBy, setOutputs));
            out = out == null ? branch : out.union(branch);
        }
        return out;
    }

    private static Expression named(Expression e) {
        if (e instanceof Alias) return e;
        if (e instanceof UnresolvedColumn u) return new Alias(u, u.nameParts().get(u.nameParts().size() - 1));
        return new Alias(e, Grouping.outputName(e));   // named before NULLs replace grouping columns
    }
}
