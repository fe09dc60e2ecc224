package dev.sluice.optimizer;

import dev.sluice.expr.Expression;
import dev.sluice.io.BatchReader;
import dev.sluice.io.DataSource;
import dev.sluice.io.Split;
import dev.sluice.types.StructType;

import java.util.List;

/** A named source for plan tests; it is never opened. */
record TestSource(String name, StructType schema) implements DataSource {
    @Override public String formatName() { return "test"; }
    @Override public String description() { return name; }
    @Override public List<Split> splits() { throw new AssertionError("plan tests never list splits"); }
    @Override public BatchReader open(Split split, StructType projection, List<Expression> filters) {
        throw new AssertionError("plan tests never open sources");
    }
}
