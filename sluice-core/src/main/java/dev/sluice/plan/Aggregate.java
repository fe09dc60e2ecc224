package dev.sluice.plan;

import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Groups the input by {@code groupingExpressions} (none: the whole input is one group, which exists even
 * when the input is empty) and computes one row per group: {@code aggregateExpressions}, named expressions
 * made of grouping expressions, aggregate functions ({@link dev.sluice.expr.AggregateExpression}) and
 * literals (Spark's Aggregate). Once resolved every output is a {@code ColumnRef} or an {@code Alias}.
 */
public record Aggregate(LogicalPlan input, List<Expression> groupingExpressions, List<Expression> aggregateExpressions)
        implements LogicalPlan {
    public Aggregate {
        requireNonNull(input, "input");
        groupingExpressions = List.copyOf(groupingExpressions);
        aggregateExpressions = List.copyOf(aggregateExpressions);
    }

    @Override public StructType schema() {
        List<StructField> fields = new ArrayList<>(aggregateExpressions.size());
        for (Expression e : aggregateExpressions) fields.add(new StructField(Expressions.outputName(e), e.dataType(), e.nullable()));
        return new StructType(fields);
    }

    @Override public List<LogicalPlan> children() { return List.of(input); }

    @Override public Aggregate withChildren(List<LogicalPlan> children) {
        return new Aggregate(LogicalPlan.only(children), groupingExpressions, aggregateExpressions);
    }

    @Override public <R> R accept(PlanVisitor<R> visitor) { return visitor.visitAggregate(this); }

    /** The generated equality written out, sparing the planning its bootstrap (docs/design.md, "The main thread
     * before a query's first task"). */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Aggregate that
                && java.util.Objects.equals(aggregateExpressions, that.aggregateExpressions)
                && java.util.Objects.equals(groupingExpressions, that.groupingExpressions)
                && java.util.Objects.equals(input, that.input);
    }
}
