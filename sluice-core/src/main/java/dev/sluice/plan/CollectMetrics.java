package dev.sluice.plan;

import dev.sluice.expr.Expression;
import dev.sluice.types.StructType;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code df.observe(name, metrics...)} (Spark's {@code CollectMetrics}): the input's rows unchanged, while named
 * aggregate {@code metrics} are computed over the rows that flow through during an action and handed to
 * {@code observer} when it succeeds. Output schema = input schema.
 */
public record CollectMetrics(LogicalPlan input, String name, List<Expression> metrics, ObservedMetrics observer) implements LogicalPlan {
    public CollectMetrics {
        requireNonNull(input, "input");
        requireNonNull(name, "name");
        requireNonNull(observer, "observer");
        metrics = List.copyOf(metrics);
    }

    @Override public StructType schema() { return input.schema(); }

    @Override public List<LogicalPlan> children() { return List.of(input); }

    @Override public CollectMetrics withChildren(List<LogicalPlan> children) {
        return new CollectMetrics(LogicalPlan.only(children), name, metrics, observer);
    }

    public CollectMetrics withMetrics(List<Expression> newMetrics) { return new CollectMetrics(input, name, newMetrics, observer); }

    @Override public <R> R accept(PlanVisitor<R> visitor) { return visitor.visitCollectMetrics(this); }

    @Override public boolean equals(Object o) {
        return o instanceof CollectMetrics c && c.input.equals(input) && c.name.equals(name) && c.metrics.equals(metrics) && c.observer == observer;
    }

    @Override public int hashCode() { return java.util.Objects.hash(input, name, metrics, System.identityHashCode(observer)); }
}
