package dev.sluice.expr;

import dev.sluice.types.DataType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code when(c1, v1).when(c2, v2).otherwise(e)}: the value of the first branch whose condition is TRUE,
 * else {@code elseValue} (NULL when absent). Each value is evaluated only on the rows that take its branch.
 * Children are laid out c1, v1, c2, v2, ..., [else].
 */
public record CaseWhen(List<Expression> conditions, List<Expression> values, Expression elseValue) implements Expression {
    public CaseWhen {
        if (conditions.isEmpty() || conditions.size() != values.size()) {
            throw new IllegalArgumentException("CASE WHEN needs as many values as conditions, at least one");
        }
        conditions = List.copyOf(conditions);
        values = List.copyOf(values);
    }

    /** Adds a branch (Spark's {@code Column.when} on a CASE). */
    public CaseWhen when(Expression condition, Expression value) {
        List<Expression> cs = new ArrayList<>(conditions);
        List<Expression> vs = new ArrayList<>(values);
        cs.add(condition);
        vs.add(value);
        return new CaseWhen(cs, vs, elseValue);
    }

    @Override public DataType dataType() { return values.get(0).dataType(); }

    @Override public boolean nullable() {
        if (elseValue == null || elseValue.nullable()) return true;
        for (Expression v : values) if (v.nullable()) return true;
        return false;
    }

    @Override public List<Expression> children() {
        List<Expression> out = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            out.add(conditions.get(i));
            out.add(values.get(i));
        }
        if (elseValue != null) out.add(elseValue);
        return out;
    }

    @Override public Expression withChildren(List<Expression> children) {
        int branches = conditions.size();
        List<Expression> cs = new ArrayList<>(branches);
        List<Expression> vs = new ArrayList<>(branches);
        for (int i = 0; i < branches; i++) {
            cs.add(children.get(2 * i));
            vs.add(children.get(2 * i + 1));
        }
        return new CaseWhen(cs, vs, children.size() > 2 * branches ? children.get(2 * branches) : null);
    }

    @Override public String sql() {
        StringBuilder sb = new StringBuilder("CASE");
        for (int i = 0; i < conditions.size(); i++) {
            sb.append(" WHEN ").append(conditions.get(i).sql()).append(" THEN ").append(values.get(i).sql());
        }
        if (elseValue != null) sb.append(" ELSE ").append(elseValue.sql());
        return sb.append(" END").toString();
    }

    @Override public ColumnVector evaluate(Batch batch) {
        int n = batch.rowCount();
        int[] branchOf = new int[n];        // which branch each row takes; -1 = not decided yet
        java.util.Arrays.fill(branchOf, -1);
        int undecided = n;
        int[] rows = new int[n];
        ColumnVector[] results = new ColumnVector[conditions.size() + 1];
        for (int b = 0; b < conditions.size() && undecided > 0; b++) {
            int count = 0;
            for (int i = 0; i < n; i++) if (branchOf[i] < 0) rows[count++] = i;
            ColumnVector cond = Kernels.evaluateOn(conditions.get(b), batch, rows, count);
            int taken = 0;
            int[] takenRows = new int[count];
            for (int k = 0; k < count; k++) {
                int i = rows[k];
                if (!cond.isNull(i) && cond.getBoolean(i)) {
                    branchOf[i] = b;
                    takenRows[taken++] = i;
                }
            }
            if (taken > 0) results[b] = Kernels.evaluateOn(values.get(b), batch, takenRows, taken);
            undecided -= taken;
        }
        int elseBranch = conditions.size();
        if (elseValue != null && undecided > 0) {
            int count = 0;
            for (int i = 0; i < n; i++) if (branchOf[i] < 0) rows[count++] = i;
            results[elseBranch] = Kernels.evaluateOn(elseValue, batch, rows, count);
        }
        FlatVector out = Vectors.allocate(dataType(), n);
        for (int i = 0; i < n; i++) {
            int b = branchOf[i] < 0 ? elseBranch : branchOf[i];
            if (results[b] == null) out.appendNull();
            else out.appendFrom(results[b], i);
        }
        return out;
    }
}
