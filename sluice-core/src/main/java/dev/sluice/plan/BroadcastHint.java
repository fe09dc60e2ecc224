package dev.sluice.plan;

import dev.sluice.types.StructType;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code functions.broadcast(df)}: asks that a join with this input broadcast it. The optimizer moves the
 * request into the join's {@link JoinHint} and removes the node.
 */
public record BroadcastHint(LogicalPlan input) implements LogicalPlan {
    public BroadcastHint {
        requireNonNull(input, "input");
    }

    @Override public StructType schema() { return input.schema(); }

    @Override public List<LogicalPlan> children() { return List.of(input); }

    @Override public BroadcastHint withChildren(List<LogicalPlan> children) { return new BroadcastHint(LogicalPlan.only(children)); }

    @Override public <R> R accept(PlanVisitor<R> visitor) { return visitor.visitBroadcastHint(this); }
}
