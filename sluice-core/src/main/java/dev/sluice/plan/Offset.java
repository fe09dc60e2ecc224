package dev.sluice.plan;

import dev.sluice.types.StructType;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** The input without its first {@code count} rows, in partition order (Spark's Offset; SQL's OFFSET n). */
public record Offset(LogicalPlan input, long count) implements LogicalPlan {
    public Offset {
        requireNonNull(input, "input");
        if (count < 0) throw new IllegalArgumentException("offset must be >= 0, got " + count);
    }

    @Override public StructType schema() { return input.schema(); }

    @Override public List<LogicalPlan> children() { return List.of(input); }

    @Override public Offset withChildren(List<LogicalPlan> children) { return new Offset(LogicalPlan.only(children), count); }

    @Override public <R> R accept(PlanVisitor<R> visitor) { return visitor.visitOffset(this); }
}
