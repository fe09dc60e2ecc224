package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A lambda argument of a higher-order function: {@code (acc, x) -> acc + x}. Unbound (as parsed) it is a leaf, so
 * the analyzer does not resolve its body against the input columns; the enclosing {@link HigherOrderFunction}
 * binds it (parameters typed, body resolved with them), after which the body is its one child and outer columns
 * inside it are seen by every rule like any other reference.
 */
public record LambdaFunction(List<String> parameters, Expression body, List<LambdaVariable> variables) implements Expression {
    public LambdaFunction {
        parameters = List.copyOf(parameters);
        requireNonNull(body, "body");
        if (variables != null) variables = List.copyOf(variables);
    }

    public static LambdaFunction of(List<String> parameters, Expression body) { return new LambdaFunction(parameters, body, null); }

    public boolean bound() { return variables != null; }

    @Override public boolean resolved() { return bound() && body.resolved(); }

    @Override public DataType dataType() {
        if (!bound()) throw Expression.unresolved(this);
        return body.dataType();
    }

    @Override public boolean nullable() { return !bound() || body.nullable(); }

    @Override public List<Expression> children() { return bound() ? List.of(body) : List.of(); }

    @Override public Expression withChildren(List<Expression> children) {
        return bound() ? new LambdaFunction(parameters, Expressions.only(children), variables) : this;
    }

    @Override public boolean foldable() { return false; }

    /**
     * Spark's text: its lambda variables print as {@code namedlambdavariable()}, parameters and references alike
     * ({@code lambdafunction((namedlambdavariable() + 1), namedlambdavariable())}), so column names match Spark's.
     */
    @Override public String sql() {
        Expression shown = bound() ? body : Expressions.transformUp(body, e -> {
            if (!(e instanceof UnresolvedColumn u) || !parameters.contains(u.nameParts().get(0))) return e;
            Expression out = LambdaVariable.shown();   // x.f is the variable's field f
            for (String field : u.nameParts().subList(1, u.nameParts().size())) out = GetStructField.unresolved(out, field);
            return out;
        });
        return "lambdafunction(" + shown.sql() + ", " + String.join(", ", java.util.Collections.nCopies(parameters.size(), LambdaVariable.SQL)) + ")";
    }

    @Override public ColumnVector evaluate(Batch batch) { return body.evaluate(batch); }
}
