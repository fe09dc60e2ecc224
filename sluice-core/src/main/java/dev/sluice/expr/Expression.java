package dev.sluice.expr;

import dev.sluice.error.SluiceException;
import dev.sluice.types.DataType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;

import java.util.List;

/**
 * A column expression: an immutable tree of records. User code builds unresolved trees (column names);
 * the analyzer resolves names and types and inserts casts; the physical planner binds column references
 * to batch positions ({@link BoundColumn}); operators then call {@link #evaluate} once per batch.
 */
public sealed interface Expression
        permits Literal, UnresolvedColumn, UnresolvedStar, ColumnRef, BoundColumn, Alias, GetStructField,
                GetItem, ElementAt, Size, Arithmetic, Negate, Comparison, And, Or, Not, IsNull, IsNotNull,
                Cast, CaseWhen, Coalesce, FromJson, ToJson, StringFunction, CreateStruct, FunctionCall,
                SortOrder,
                Generator,
                MultiAlias,
                AggregateExpression,
                PlanColumn, OuterReference, WindowExpression,
                LambdaFunction, LambdaVariable, HigherOrderFunction {

    /** The result type; only defined once resolved. */
    DataType dataType();

    /** Whether the result may be null. */
    boolean nullable();

    List<Expression> children();

    Expression withChildren(List<Expression> children);

    /** Spark's pretty SQL text: the name an unaliased select column gets, and what explain prints. */
    String sql();

    /** True once every name and type in the tree is known. */
    default boolean resolved() {
        for (Expression c : children()) if (!c.resolved()) return false;
        return true;
    }

    /** True when the value depends only on literals (constant folding may evaluate it). */
    default boolean foldable() {
        if (children().isEmpty()) return false;
        for (Expression c : children()) if (!c.foldable()) return false;
        return true;
    }

    /** The result for every row of {@code batch} (bound expressions only). */
    ColumnVector evaluate(Batch batch);

    static SluiceException unresolved(Expression e) {
        return SluiceException.internal("expression " + e.sql() + " was evaluated or typed before it was resolved");
    }
}
