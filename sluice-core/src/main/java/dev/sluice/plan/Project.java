package dev.sluice.plan;

import dev.sluice.expr.Alias;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Computes one output column per expression. Once resolved every expression is named: a {@link ColumnRef}
 * (passes a column through) or an {@link Alias}.
 */
public record Project(LogicalPlan input, List<Expression> projections) implements LogicalPlan {
    public Project {
        requireNonNull(input, "input");
        projections = List.copyOf(projections);
    }

    @Override public StructType schema() {
        List<StructField> fields = new ArrayList<>(projections.size());
        for (Expression e : projections) fields.add(new StructField(Expressions.outputName(e), e.dataType(), e.nullable(), metadata(e)));
        return new StructType(fields);
    }

    /**
     * A column's metadata: its alias's (the analyzer gives a column passed on with metadata an alias carrying it, so
     * the schema needs no look at the input's).
     */
    private static String metadata(Expression e) {
        return e instanceof dev.sluice.expr.Alias a && a.metadata() != null ? a.metadata() : "";
    }

    @Override public List<LogicalPlan> children() { return List.of(input); }

    @Override public Project withChildren(List<LogicalPlan> children) {
        return new Project(LogicalPlan.only(children), projections);
    }

    @Override public <R> R accept(PlanVisitor<R> visitor) { return visitor.visitProject(this); }

    /** The generated equality written out, sparing the planning its bootstrap (docs/design.md, "The main thread
     * before a query's first task"). */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Project that
                && java.util.Objects.equals(projections, that.projections)
                && java.util.Objects.equals(input, that.input);
    }
}
