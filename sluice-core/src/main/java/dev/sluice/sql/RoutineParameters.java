package dev.sluice.sql;

import dev.sluice.expr.Expression;
import dev.sluice.expr.GetStructField;

import java.util.List;
import java.util.Locale;

/**
 * The parameters of a SQL function while its body is built at a call: each name bound to its argument (cast to the
 * parameter's type). A name in the body is a parameter when no column of the body's own relations has it (Spark
 * resolves the body's columns first, then the parameters); {@code f.p} names the parameter {@code p} of {@code f}
 * whatever the columns are. A further part is a field of a struct parameter ({@code p.a}, {@code f.p.a}).
 */
record RoutineParameters(String function, List<String> names, List<Expression> values) {
    RoutineParameters {
        names = List.copyOf(names);
        values = List.copyOf(values);
    }

    /**
     * The value {@code parts} names, or null when a column named so ({@code isColumn}) hides it or no parameter has
     * the name; {@code inSelect}: named inside a SELECT of the body, where an argument naming the caller's columns is
     * an outer reference.
     */
    Expression lookup(List<String> parts, java.util.function.Predicate<List<String>> isColumn, boolean inSelect) {
        Expression v = null;
        if (parts.size() >= 2 && parts.get(0).equalsIgnoreCase(function)) {
            int i = index(parts.get(1));
            if (i >= 0 && !isColumn.test(parts)) v = fields(value(i, inSelect), parts.subList(2, parts.size()));
        }
        if (v != null) return v;
        int i = index(parts.get(0));
        if (i < 0 || isColumn.test(parts)) return null;
        return fields(value(i, inSelect), parts.subList(1, parts.size()));
    }

    private Expression value(int i, boolean inSelect) { return inSelect ? RoutineCalls.outer(values.get(i)) : values.get(i); }

    private int index(String name) {
        for (int i = 0; i < names.size(); i++) if (names.get(i).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) return i;
        return -1;
    }

    private static Expression fields(Expression value, List<String> path) {
        Expression e = value;
        for (String f : path) e = GetStructField.unresolved(e, f);
        return e;
    }
}
