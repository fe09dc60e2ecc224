package dev.sluice.plan;

import dev.sluice.types.StructType;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Names its input ({@code df.alias("a")}) so that {@code col("a.x")} can pick that input's column. Only the
 * analyzer looks at it; the optimizer removes it.
 */
public record SubqueryAlias(LogicalPlan input, String alias) implements LogicalPlan {
    public SubqueryAlias {
        requireNonNull(input, "input");
        requireNonNull(alias, "alias");
    }

    @Override public StructType schema() { return input.schema(); }

    @Override public List<LogicalPlan> children() { return List.of(input); }

    @Override public SubqueryAlias withChildren(List<LogicalPlan> children) { return new SubqueryAlias(LogicalPlan.only(children), alias); }

    @Override public <R> R accept(PlanVisitor<R> visitor) { return visitor.visitSubqueryAlias(this); }
}
