package dev.sluice.plan;

import dev.sluice.types.StructType;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code mapPartitions}: a user's {@link PartitionFunction} over each partition of the input, producing rows of
 * {@code schema}. Opaque to the optimizer: nothing is pushed through it and it reads every input column.
 */
public record MapPartitions(LogicalPlan input, PartitionFunction function, StructType schema) implements LogicalPlan {
    public MapPartitions {
        requireNonNull(input, "input");
        requireNonNull(function, "function");
        requireNonNull(schema, "schema");
    }

    @Override public List<LogicalPlan> children() { return List.of(input); }

    @Override public MapPartitions withChildren(List<LogicalPlan> children) {
        return new MapPartitions(LogicalPlan.only(children), function, schema);
    }

    @Override public <R> R accept(PlanVisitor<R> visitor) { return visitor.visitMapPartitions(this); }
}
