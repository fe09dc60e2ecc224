package dev.sluice.plan;

import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * INTERSECT or EXCEPT of two inputs with the same column types (matched by position; the analyzer casts
 * them to common types). Rows are compared whole and NULLs are equal to each other, as in Spark.
 * Without {@code all} the result has no duplicates (Spark's {@code intersect} and {@code except}); with it a
 * row appears min(l, r) times (intersectAll) or max(0, l - r) times (exceptAll). Output names: the left's.
 */
public record SetOperation(LogicalPlan left, LogicalPlan right, Kind kind, boolean all) implements LogicalPlan {
    public enum Kind { INTERSECT, EXCEPT }

    public SetOperation {
        requireNonNull(left, "left");
        requireNonNull(right, "right");
        requireNonNull(kind, "kind");
    }

    @Override public StructType schema() {
        StructType l = left.schema();
        StructType r = right.schema();
        if (kind == Kind.EXCEPT || r.size() != l.size()) return l;
        List<StructField> fields = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
            StructField f = l.field(i);
            fields.add(new StructField(f.name(), f.dataType(), f.nullable() && r.field(i).nullable()));
        }
        return new StructType(fields);
    }

    @Override public List<LogicalPlan> children() { return List.of(left, right); }

    @Override public SetOperation withChildren(List<LogicalPlan> children) {
        if (children.size() != 2) throw dev.sluice.error.SluiceException.internal("a set operation has 2 children, got " + children.size());
        return new SetOperation(children.get(0), children.get(1), kind, all);
    }

    @Override public <R> R accept(PlanVisitor<R> visitor) { return visitor.visitSetOperation(this); }

    /** Spark's name: Intersect, IntersectAll, Except, ExceptAll. */
    public String displayName() { return (kind == Kind.INTERSECT ? "Intersect" : "Except") + (all ? "All" : ""); }
}
