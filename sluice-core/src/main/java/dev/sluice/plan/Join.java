package dev.sluice.plan;

import dev.sluice.expr.Expression;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Joins two inputs. Output: the left columns then the right ones (semi and anti joins: the left ones only);
 * the side an outer join pads with nulls becomes nullable. {@code condition} is null for a join without one
 * (every pair matches). Once resolved, the two sides' column names are distinct (the analyzer renames the
 * right side's clashing columns, see {@link InternalNames}), so references by name are never ambiguous.
 */
public record Join(LogicalPlan left, LogicalPlan right, JoinType joinType, Expression condition, JoinHint hint)
        implements LogicalPlan {
    public Join {
        requireNonNull(left, "left");
        requireNonNull(right, "right");
        requireNonNull(joinType, "joinType");
        requireNonNull(hint, "hint");
    }

    @Override public StructType schema() {
        List<StructField> fields = new ArrayList<>();
        boolean leftNullable = joinType.keepsUnmatchedRight();
        boolean rightNullable = joinType.keepsUnmatchedLeft();
        for (StructField f : left.schema().fields()) fields.add(leftNullable ? new StructField(f.name(), f.dataType(), true) : f);
        if (!joinType.leftOnly()) {
            for (StructField f : right.schema().fields()) fields.add(rightNullable ? new StructField(f.name(), f.dataType(), true) : f);
        }
        return new StructType(fields);
    }

    /** What the condition sees: every column of both sides, as the sides produce them. */
    public StructType inputSchema() {
        List<StructField> fields = new ArrayList<>(left.schema().fields());
        fields.addAll(right.schema().fields());
        return new StructType(fields);
    }

    @Override public List<LogicalPlan> children() { return List.of(left, right); }

    @Override public Join withChildren(List<LogicalPlan> children) {
        if (children.size() != 2) throw dev.sluice.error.SluiceException.internal("a join has 2 children, got " + children.size());
        return new Join(children.get(0), children.get(1), joinType, condition, hint);
    }

    @Override public <R> R accept(PlanVisitor<R> visitor) { return visitor.visitJoin(this); }

    public Join withCondition(Expression newCondition) { return new Join(left, right, joinType, newCondition, hint); }

    public Join withSides(LogicalPlan newLeft, LogicalPlan newRight) { return new Join(newLeft, newRight, joinType, condition, hint); }
}
