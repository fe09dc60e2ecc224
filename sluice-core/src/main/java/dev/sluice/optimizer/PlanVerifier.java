package dev.sluice.optimizer;

import dev.sluice.error.SluiceException;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.GetStructField;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.Plans;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

/** Checks that a rewrite kept the output schema and that every column reference matches its input. */
final class PlanVerifier {
    private PlanVerifier() {}

    static void verify(LogicalPlan before, LogicalPlan after) {
        if (!before.schema().equals(after.schema())) {
            throw SluiceException.internal("output schema changed from " + before.schema().simpleString()
                    + " to " + after.schema().simpleString());
        }
        checkReferences(after);
    }

    private static void checkReferences(LogicalPlan plan) {
        for (LogicalPlan child : plan.children()) checkReferences(child);
        if (plan.children().isEmpty()) return;
        StructType input = Plans.inputSchema(plan);
        for (Expression e : Plans.expressions(plan)) {
            for (Expression node : Expressions.collect(e)) {
                if (node instanceof ColumnRef r) {
                    int i = input.indexOf(r.name());
                    if (i < 0) throw SluiceException.internal("column " + r.name() + " is not in " + input.simpleString());
                    StructField f = input.field(i);
                    if (!f.dataType().equals(r.dataType())) {
                        throw SluiceException.internal("column " + r.name() + " has type " + r.dataType()
                                + " but its input has " + f.dataType());
                    }
                } else if (node instanceof GetStructField g) {
                    if (!(g.child().dataType() instanceof StructType s) || g.ordinal() >= s.size()
                            || !s.field(g.ordinal()).name().equals(g.fieldName())) {
                        throw SluiceException.internal("field access " + g.sql() + " does not match " + g.child().dataType());
                    }
                }
            }
        }
    }
}
