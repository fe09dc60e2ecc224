package dev.sluice.plan;

import dev.sluice.types.StructType;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** The first {@code count} rows of the input, in partition order. */
public record Limit(LogicalPlan input, long count) implements LogicalPlan {
    public Limit {
        requireNonNull(input, "input");
        if (count < 0) throw new IllegalArgumentException("limit must be >= 0, got " + count);
    }

    @Override public StructType schema() { return input.schema(); }

    @Override public List<LogicalPlan> children() { return List.of(input); }

    @Override public Limit withChildren(List<LogicalPlan> children) { return new Limit(LogicalPlan.only(children), count); }

    @Override public <R> R accept(PlanVisitor<R> visitor) { return visitor.visitLimit(this); }
}
