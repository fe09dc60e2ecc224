package dev.sluice.exec;

import dev.sluice.error.SluiceException;
import dev.sluice.expr.BoundColumn;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;

/** Turns column references by name into batch positions, once per query, before anything runs. */
final class Binder {
    private Binder() {}

    static Expression bind(Expression e, StructType input) {
        return Expressions.transformUp(e, node -> {
            if (node instanceof ColumnRef r) {
                int i = input.indexOf(r.name());
                if (i < 0) throw SluiceException.internal("cannot bind column " + r.name() + " in " + input.simpleString());
                return new BoundColumn(i, r.name(), r.dataType(), r.nullable());
            }
            return node;
        });
    }

    static List<Expression> bindAll(List<Expression> exprs, StructType input) {
        List<Expression> out = new ArrayList<>(exprs.size());
        for (Expression e : exprs) out.add(bind(e, input));
        return out;
    }
}
