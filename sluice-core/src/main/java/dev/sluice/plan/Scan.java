package dev.sluice.plan;

import dev.sluice.expr.Expression;
import dev.sluice.io.DataSource;
import dev.sluice.types.StructType;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Reads a source. {@code output} is the part of the source's schema the query needs (column pruning narrows
 * it, nested fields included); {@code pushedFilters} are conditions handed to the source to skip data
 * (the Filter above still applies them).
 */
public record Scan(DataSource source, StructType output, List<Expression> pushedFilters) implements LogicalPlan {
    public Scan {
        requireNonNull(source, "source");
        requireNonNull(output, "output");
        pushedFilters = List.copyOf(pushedFilters);
    }

    public static Scan of(DataSource source) { return new Scan(source, source.schema(), List.of()); }

    @Override public StructType schema() { return output; }

    @Override public List<LogicalPlan> children() { return List.of(); }

    @Override public Scan withChildren(List<LogicalPlan> children) { return this; }

    @Override public <R> R accept(PlanVisitor<R> visitor) { return visitor.visitScan(this); }

    public Scan withOutput(StructType narrowed) { return new Scan(source, narrowed, pushedFilters); }

    public Scan withPushedFilters(List<Expression> filters) { return new Scan(source, output, filters); }
}
