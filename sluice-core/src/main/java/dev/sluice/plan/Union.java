package dev.sluice.plan;

import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * Every row of every input, in input order (Spark's {@code union}, which keeps duplicates: SQL's UNION ALL).
 * Columns match by position; once resolved, every input has the same column types (the analyzer casts to
 * the wider type). Names come from the first input; a column is nullable if it is in any input.
 */
public record Union(List<LogicalPlan> inputs) implements LogicalPlan {
    public Union {
        inputs = List.copyOf(inputs);
        if (inputs.size() < 2) throw new IllegalArgumentException("a union needs at least two inputs");
    }

    @Override public StructType schema() {
        // each input's schema once: asked per field, nested unions took time exponential in their depth
        List<StructType> schemas = new ArrayList<>(inputs.size());
        for (LogicalPlan input : inputs) schemas.add(input.schema());
        StructType first = schemas.get(0);
        List<StructField> fields = new ArrayList<>(first.size());
        for (int i = 0; i < first.size(); i++) {
            boolean nullable = false;
            for (StructType s : schemas) nullable |= i >= s.size() || s.field(i).nullable();
            StructField f = first.field(i);
            fields.add(new StructField(f.name(), f.dataType(), nullable));
        }
        return new StructType(fields);
    }

    @Override public List<LogicalPlan> children() { return inputs; }

    @Override public Union withChildren(List<LogicalPlan> children) { return new Union(children); }

    @Override public <R> R accept(PlanVisitor<R> visitor) { return visitor.visitUnion(this); }
}
