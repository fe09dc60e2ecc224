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
        if (!sameShape(before.schema(), after.schema())) {
            throw SluiceException.internal("output schema changed from " + before.schema().simpleString()
                    + " to " + after.schema().simpleString());
        }
        checkReferences(after);
    }

    /**
     * Same names and types; a column may become non-nullable (folding {@code 7 / 2} into {@code 3.5} proves it is
     * never NULL) but never the other way.
     */
    static boolean sameShape(StructType before, StructType after) {
        if (before.size() != after.size()) return false;
        for (int i = 0; i < before.size(); i++) {
            StructField b = before.field(i), a = after.field(i);
            if (!b.name().equals(a.name()) || (a.nullable() && !b.nullable())) return false;
            if (!stripNullability(b.dataType()).equals(stripNullability(a.dataType()))) return false;
        }
        return true;
    }

    private static dev.sluice.types.DataType stripNullability(dev.sluice.types.DataType t) {
        if (t instanceof StructType s) {
            java.util.List<StructField> fields = new java.util.ArrayList<>();
            for (StructField f : s.fields()) fields.add(new StructField(f.name(), stripNullability(f.dataType()), true));
            return new StructType(fields);
        }
        if (t instanceof dev.sluice.types.ArrayType a) return new dev.sluice.types.ArrayType(stripNullability(a.elementType()), true);
        if (t instanceof dev.sluice.types.MapType m) {
            return new dev.sluice.types.MapType(stripNullability(m.keyType()), stripNullability(m.valueType()), true);
        }
        return t;
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
                    if (!stripNullability(f.dataType()).equals(stripNullability(r.dataType()))) {
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
