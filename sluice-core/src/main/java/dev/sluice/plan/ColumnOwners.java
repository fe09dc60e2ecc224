package dev.sluice.plan;

import dev.sluice.expr.ColumnOwner;

import static java.util.Objects.requireNonNull;

/** The owners a {@link dev.sluice.expr.PlanColumn} can name. */
public final class ColumnOwners {
    private ColumnOwners() {}

    /** {@code df.col("x")}: a column of {@code plan} (an analyzed DataFrame plan), found by name. */
    public record OfPlan(LogicalPlan plan) implements ColumnOwner {
        public OfPlan {
            requireNonNull(plan, "plan");
        }

        @Override public String describe() { return "its DataFrame"; }
    }

    /**
     * Column {@code ordinal} of one side of the join the expression sits on or right above (USING joins
     * name columns by position: the right side's names may be renamed by then).
     */
    public record JoinSide(boolean right, int ordinal) implements ColumnOwner {
        @Override public String describe() { return (right ? "the right" : "the left") + " side of the join"; }
    }
}
