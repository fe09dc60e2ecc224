package dev.sluice.sql;

import dev.sluice.Column;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Literal;
import dev.sluice.expr.UnresolvedColumn;

/** The parameters of SQL hints ({@code /*+ REPARTITION(4, c) *}{@code /}) as {@code DataFrame.hint} takes them. */
final class SqlHints {
    private SqlHints() {}

    /** An integer literal as an Integer, a name ({@code c}, {@code t}) as a String, anything else as a Column. */
    static Object parameter(Expression e) {
        if (e instanceof Literal l && l.value() instanceof Integer i) return i;
        if (e instanceof UnresolvedColumn u) return String.join(".", u.nameParts());
        if (e instanceof Literal l && l.value() instanceof String s) return s;
        return new Column(e);
    }
}
