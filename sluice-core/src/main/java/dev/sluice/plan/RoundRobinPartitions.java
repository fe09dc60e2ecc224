package dev.sluice.plan;

import dev.sluice.types.StructType;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code repartition(n)}: the same rows spread over exactly {@code partitions} partitions by a round-robin
 * exchange (a shuffle: unlike {@link CoalescePartitions} it can add partitions, and it evens out skewed inputs;
 * row order is not kept).
 */
public record RoundRobinPartitions(LogicalPlan input, int partitions) implements LogicalPlan {
    public RoundRobinPartitions {
        requireNonNull(input, "input");
        if (partitions < 1) throw new IllegalArgumentException("repartition needs at least 1 partition, got " + partitions);
    }

    @Override public StructType schema() { return input.schema(); }

    @Override public List<LogicalPlan> children() { return List.of(input); }

    @Override public RoundRobinPartitions withChildren(List<LogicalPlan> children) {
        return new RoundRobinPartitions(LogicalPlan.only(children), partitions);
    }

    @Override public <R> R accept(PlanVisitor<R> visitor) { return visitor.visitRoundRobinPartitions(this); }
}
