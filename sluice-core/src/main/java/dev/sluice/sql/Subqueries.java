package dev.sluice.sql;

import dev.sluice.expr.Expression;
import dev.sluice.sql.grammar.SqlGrammar;

/**
 * Subqueries met inside expressions. IN and EXISTS are planned as semi and anti joins when they are conjuncts of a
 * WHERE clause ({@link Where}); elsewhere, and scalar subqueries, are refused with UNSUPPORTED_OPERATION.
 */
final class Subqueries implements ExpressionBuilder.Subqueries {
    private final QueryBuilder queries;
    private final RelationBuilder.Scope scope;

    Subqueries(QueryBuilder queries, RelationBuilder.Scope scope) {
        this.queries = queries;
        this.scope = scope;
    }

    @Override public Expression scalar(SqlGrammar.QueryContext query) {
        throw SyntaxErrors.unsupported("a scalar subquery", "join with the subquery instead");
    }

    @Override public Expression in(Expression value, SqlGrammar.QueryContext query) {
        throw SyntaxErrors.unsupported("IN (subquery) here", "IN and EXISTS subqueries are supported as conditions of WHERE (joined with AND)");
    }

    @Override public Expression exists(SqlGrammar.QueryContext query) {
        throw SyntaxErrors.unsupported("EXISTS (subquery) here", "IN and EXISTS subqueries are supported as conditions of WHERE (joined with AND)");
    }

    QueryBuilder queries() { return queries; }

    RelationBuilder.Scope scope() { return scope; }
}
