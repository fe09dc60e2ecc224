package dev.sluice.plan;

import dev.sluice.types.StructType;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code coalesce(n)}: the same rows in at most {@code partitions} partitions, made by concatenating neighbouring
 * input partitions in order (no shuffle, so a sorted input stays sorted; {@code coalesce(1)} writes one file).
 */
public record CoalescePartitions(LogicalPlan input, int partitions) implements LogicalPlan {
    public CoalescePartitions {
        requireNonNull(input, "input");
        if (partitions < 1) throw new IllegalArgumentException("coalesce needs at least 1 partition, got " + partitions);
    }

    @Override public StructType schema() { return input.schema(); }

    @Override public List<LogicalPlan> children() { return List.of(input); }

    @Override public CoalescePartitions withChildren(List<LogicalPlan> children) {
        return new CoalescePartitions(LogicalPlan.only(children), partitions);
    }

    @Override public <R> R accept(PlanVisitor<R> visitor) { return visitor.visitCoalescePartitions(this); }

    /** The generated equality written out, sparing the planning its bootstrap (docs/design.md, "The main thread
     * before a query's first task"). */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof CoalescePartitions that
                && partitions == that.partitions
                && java.util.Objects.equals(input, that.input);
    }
}
