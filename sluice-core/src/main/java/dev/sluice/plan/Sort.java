package dev.sluice.plan;

import dev.sluice.expr.SortOrder;
import dev.sluice.types.StructType;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Orders the rows by {@code orders} (first key first). {@code global}: over the whole result
 * ({@code orderBy}); otherwise within each partition ({@code sortWithinPartitions}). Rows with equal keys
 * keep their input order (partition order, then position), so results never depend on the workers.
 */
public record Sort(LogicalPlan input, List<SortOrder> orders, boolean global) implements LogicalPlan {
    public Sort {
        requireNonNull(input, "input");
        orders = List.copyOf(orders);
        if (orders.isEmpty()) throw new IllegalArgumentException("a sort needs at least one key");
    }

    @Override public StructType schema() { return input.schema(); }

    @Override public List<LogicalPlan> children() { return List.of(input); }

    @Override public Sort withChildren(List<LogicalPlan> children) { return new Sort(LogicalPlan.only(children), orders, global); }

    @Override public <R> R accept(PlanVisitor<R> visitor) { return visitor.visitSort(this); }

    /** The generated equality written out, sparing the planning its bootstrap (docs/design.md, "The main thread
     * before a query's first task"). */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Sort that
                && global == that.global
                && java.util.Objects.equals(orders, that.orders)
                && java.util.Objects.equals(input, that.input);
    }
}
