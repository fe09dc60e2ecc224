package dev.sluice.plan;

import dev.sluice.expr.Generator;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Runs a generator over each input row: the output is the input's columns followed by the generator's,
 * named {@code outputNames} (one per generated column), once per generated row. A select holding
 * {@code explode(...)} becomes a projection over this node.
 */
public record Generate(LogicalPlan input, Generator generator, List<String> outputNames) implements LogicalPlan {
    public Generate {
        requireNonNull(input, "input");
        requireNonNull(generator, "generator");
        outputNames = List.copyOf(outputNames);
    }

    /** The generated columns alone. */
    public List<StructField> generatedFields() {
        StructType produced = generator.dataType();
        List<StructField> out = new ArrayList<>(produced.size());
        for (int i = 0; i < produced.size(); i++) out.add(produced.field(i).withName(outputNames.get(i)));
        return out;
    }

    @Override public StructType schema() {
        List<StructField> fields = new ArrayList<>(input.schema().fields());
        fields.addAll(generatedFields());
        return new StructType(fields);
    }

    @Override public List<LogicalPlan> children() { return List.of(input); }

    @Override public Generate withChildren(List<LogicalPlan> children) {
        return new Generate(LogicalPlan.only(children), generator, outputNames);
    }

    @Override public <R> R accept(PlanVisitor<R> visitor) { return visitor.visitGenerate(this); }

    /** The generated equality written out, sparing the planning its bootstrap (docs/design.md, "The main thread
     * before a query's first task"). */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Generate that
                && java.util.Objects.equals(outputNames, that.outputNames)
                && java.util.Objects.equals(generator, that.generator)
                && java.util.Objects.equals(input, that.input);
    }
}
