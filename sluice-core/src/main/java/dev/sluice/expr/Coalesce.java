package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.List;

/** The first non-NULL argument; later arguments are evaluated only for rows still NULL. */
public record Coalesce(List<Expression> arguments) implements Expression {
    public Coalesce {
        if (arguments.isEmpty()) throw new IllegalArgumentException("coalesce needs at least one argument");
        arguments = List.copyOf(arguments);
    }

    @Override public DataType dataType() { return arguments.get(0).dataType(); }

    @Override public boolean nullable() {
        for (Expression a : arguments) if (!a.nullable()) return false;
        return true;
    }

    @Override public List<Expression> children() { return arguments; }

    @Override public Expression withChildren(List<Expression> children) { return new Coalesce(children); }

    @Override public String sql() {
        StringBuilder sb = new StringBuilder("coalesce(");
        for (int i = 0; i < arguments.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(arguments.get(i).sql());
        }
        return sb.append(')').toString();
    }

    @Override public ColumnVector evaluate(Batch batch) {
        int n = batch.rowCount();
        ColumnVector[] chosen = new ColumnVector[n];
        int[] rows = new int[n];
        int count = n;
        for (int i = 0; i < n; i++) rows[i] = i;
        for (Expression argument : arguments) {
            if (count == 0) break;
            ColumnVector v = Kernels.evaluateOn(argument, batch, rows, count);
            int still = 0;
            for (int k = 0; k < count; k++) {
                int i = rows[k];
                if (v.isNull(i)) rows[still++] = i;
                else chosen[i] = v;
            }
            count = still;
        }
        FlatVector out = Vectors.allocate(dataType(), n);
        for (int i = 0; i < n; i++) {
            if (chosen[i] == null) out.appendNull();
            else out.appendFrom(chosen[i], i);
        }
        return out;
    }
}
