package dev.sluice.sql;

import dev.sluice.expr.And;
import dev.sluice.expr.Comparison;
import dev.sluice.expr.Expression;
import dev.sluice.expr.FunctionCall;
import dev.sluice.expr.IsNotNull;
import dev.sluice.expr.IsNull;
import dev.sluice.expr.Literal;
import dev.sluice.expr.Not;
import dev.sluice.expr.Or;
import dev.sluice.sql.grammar.SqlGrammar;

import java.util.ArrayList;
import java.util.List;

/** The predicates after a value: BETWEEN, IN, LIKE/ILIKE/RLIKE (ESCAPE, ANY/ALL), IS [NOT] NULL/TRUE/DISTINCT FROM. */
final class Predicates {
    private Predicates() {}

    static Expression apply(ExpressionBuilder b, Expression value, SqlGrammar.PredicateContext p, ExpressionBuilder.Subqueries subqueries) {
        if (p instanceof SqlGrammar.BetweenPredicateContext c) {
            Expression e = new And(new Comparison(Comparison.Op.GE, value, b.build(c.lower)),
                    new Comparison(Comparison.Op.LE, value, b.build(c.upper)));
            return negate(c.NOT() != null, e);
        }
        if (p instanceof SqlGrammar.InListPredicateContext c) {
            List<Expression> args = new ArrayList<>();
            args.add(value);
            args.addAll(b.buildAll(c.expression()));
            return negate(c.NOT() != null, new FunctionCall("in", args, null));
        }
        if (p instanceof SqlGrammar.InSubqueryPredicateContext c) return subqueries.in(value, c.query(), c.NOT() != null);
        if (p instanceof SqlGrammar.RlikePredicateContext c) {
            return negate(c.NOT() != null, FunctionResolver.resolve("rlike", List.of(value, b.build(c.pattern))));
        }
        if (p instanceof SqlGrammar.LikePredicateContext c) {
            String name = c.kind.getType() == SqlGrammar.ILIKE ? "ilike" : "like";
            List<Expression> args = new ArrayList<>(List.of(value, b.build(c.pattern)));
            if (c.escapeChar != null) args.add(Literal.of(Literals.string(c.escapeChar.getText())));
            return negate(c.NOT() != null, FunctionResolver.resolve(name, args));
        }
        if (p instanceof SqlGrammar.QuantifiedLikePredicateContext c) return quantifiedLike(b, value, c);
        if (p instanceof SqlGrammar.NullPredicateContext c) return c.NOT() != null ? new IsNotNull(value) : new IsNull(value);
        if (p instanceof SqlGrammar.TruthPredicateContext c) {
            Expression e = c.kind.getType() == SqlGrammar.UNKNOWN ? new IsNull(value)
                    : new Comparison(Comparison.Op.EQ_NULL_SAFE, value, c.kind.getType() == SqlGrammar.TRUE ? Literal.TRUE : Literal.FALSE);
            return negate(c.NOT() != null, e);
        }
        if (p instanceof SqlGrammar.DistinctFromPredicateContext c) {
            Expression same = new Comparison(Comparison.Op.EQ_NULL_SAFE, value, b.build(c.right));
            return c.NOT() != null ? same : new Not(same);
        }
        throw SyntaxErrors.at(p, "unknown predicate");
    }

    /** {@code x LIKE ANY (p1, p2)} is {@code x LIKE p1 OR x LIKE p2}; ALL joins with AND; NOT negates each. */
    private static Expression quantifiedLike(ExpressionBuilder b, Expression value, SqlGrammar.QuantifiedLikePredicateContext c) {
        if (c.patterns.isEmpty()) throw SyntaxErrors.at(c, "LIKE " + c.quantifier.getText() + " needs at least one pattern");
        String name = c.kind.getType() == SqlGrammar.ILIKE ? "ilike" : "like";
        boolean all = c.quantifier.getType() == SqlGrammar.ALL;
        Expression out = null;
        for (SqlGrammar.ExpressionContext pattern : c.patterns) {
            Expression one = negate(c.NOT() != null, FunctionResolver.resolve(name, List.of(value, b.build(pattern))));
            out = out == null ? one : all ? new And(out, one) : new Or(out, one);
        }
        return out;
    }

    private static Expression negate(boolean not, Expression e) { return not ? new Not(e) : e; }
}
