package dev.sluice.optimizer;

import dev.sluice.error.SluiceException;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.GetStructField;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;

/** Refreshes resolved references by name after an input narrowed: column types and struct field ordinals. */
final class Rebind {
    private Rebind() {}

    static List<Expression> all(List<Expression> exprs, StructType input) {
        List<Expression> out = new ArrayList<>(exprs.size());
        for (Expression e : exprs) out.add(one(e, input));
        return out;
    }

    static Expression one(Expression e, StructType input) {
        return Expressions.transformUp(e, node -> {
            if (node instanceof ColumnRef r) {
                int i = input.indexOf(r.name());
                if (i < 0) throw SluiceException.internal("column " + r.name() + " was pruned but is used");
                StructField f = input.field(i);
                return f.dataType().equals(r.dataType()) ? r : new ColumnRef(r.name(), f.dataType(), f.nullable());
            }
            if (node instanceof GetStructField g && g.child().dataType() instanceof StructType s) {
                int ordinal = s.indexOf(g.fieldName());
                if (ordinal < 0) throw SluiceException.internal("field " + g.fieldName() + " was pruned but is used");
                return ordinal == g.ordinal() ? g : new GetStructField(g.child(), g.fieldName(), ordinal);
            }
            return node;
        });
    }
}
