package dev.sluice.plan;

import dev.sluice.expr.Expression;
import dev.sluice.types.StructType;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** Keeps the rows whose {@code condition} is TRUE; NULL counts as false. Output schema = input schema. */
public record Filter(LogicalPlan input, Expression condition) implements LogicalPlan {
    public Filter {
        requireNonNull(input, "input");
        requireNonNull(condition, "condition");   // type checks belong to the analyzer, with error codes
    }

    @Override public StructType schema() { return input.schema(); }

    @Override public List<LogicalPlan> children() { return List.of(input); }

    @Override public Filter withChildren(List<LogicalPlan> children) { return new Filter(LogicalPlan.only(children), condition); }

    @Override public <R> R accept(PlanVisitor<R> visitor) { return visitor.visitFilter(this); }

    /** The generated equality written out, sparing the planning its bootstrap (docs/design.md, "The main thread
     * before a query's first task"). */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Filter that
                && java.util.Objects.equals(condition, that.condition)
                && java.util.Objects.equals(input, that.input);
    }
}
