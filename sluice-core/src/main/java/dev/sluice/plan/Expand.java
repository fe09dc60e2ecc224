package dev.sluice.plan;

import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Emits every input row once per projection (Spark's Expand): projection {@code i} computes the output columns
 * {@code outputNames} for copy {@code i}. The projections agree on each column's type; a column is nullable when
 * any projection's expression is. Written by optimizer rules only ({@code rewrite_distinct_aggregates}), never by
 * the analyzer.
 */
public record Expand(LogicalPlan input, List<List<Expression>> projections, List<String> outputNames) implements LogicalPlan {
    public Expand {
        requireNonNull(input, "input");
        outputNames = List.copyOf(outputNames);
        List<List<Expression>> copies = new ArrayList<>(projections.size());
        for (List<Expression> p : projections) {
            if (p.size() != outputNames.size()) {
                throw SluiceException.internal("an Expand projection has " + p.size() + " columns, its output " + outputNames.size());
            }
            copies.add(List.copyOf(p));
        }
        if (copies.isEmpty()) throw SluiceException.internal("an Expand without projections");
        projections = List.copyOf(copies);
    }

    @Override public StructType schema() {
        List<StructField> fields = new ArrayList<>(outputNames.size());
        for (int c = 0; c < outputNames.size(); c++) {
            boolean nullable = false;
            for (List<Expression> p : projections) nullable |= p.get(c).nullable();
            fields.add(new StructField(outputNames.get(c), projections.get(0).get(c).dataType(), nullable));
        }
        return new StructType(fields);
    }

    /** Every projection's expressions, projection after projection. */
    public List<Expression> expressions() {
        List<Expression> out = new ArrayList<>();
        for (List<Expression> p : projections) out.addAll(p);
        return out;
    }

    /** The same outputs computed by {@code flat} (as {@link #expressions()} lists them). */
    public Expand withExpressions(List<Expression> flat) {
        int width = outputNames.size();
        List<List<Expression>> out = new ArrayList<>(projections.size());
        for (int i = 0; i < projections.size(); i++) out.add(flat.subList(i * width, (i + 1) * width));
        return new Expand(input, out, outputNames);
    }

    @Override public List<LogicalPlan> children() { return List.of(input); }

    @Override public Expand withChildren(List<LogicalPlan> children) {
        return new Expand(LogicalPlan.only(children), projections, outputNames);
    }

    @Override public <R> R accept(PlanVisitor<R> visitor) { return visitor.visitExpand(this); }
}
