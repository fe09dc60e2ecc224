package dev.sluice.io;

import dev.sluice.error.SluiceException;
import dev.sluice.expr.BoundColumn;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.ConstantVector;

import java.util.List;

/** Decides whether a partition can hold a matching row: filters on partition columns evaluated on its values. */
final class PartitionPruning {
    private PartitionPruning() {}

    /** False only when some filter is FALSE or NULL for these values (then no row of the partition can match). */
    static boolean mayMatch(List<Expression> filters, Row values) {
        if (filters.isEmpty()) return true;
        StructType schema = values.schema();
        ColumnVector[] columns = new ColumnVector[schema.size()];
        for (int i = 0; i < columns.length; i++) columns[i] = ConstantVector.of(schema.field(i).dataType(), values.get(i), 1);
        Batch one = new Batch(columns, 1);
        for (Expression f : filters) {
            Expression bound = Expressions.transformUp(f, node -> {
                if (node instanceof ColumnRef r) return new BoundColumn(schema.indexOf(r.name()), r.name(), r.dataType(), r.nullable());
                if (node instanceof BoundColumn b) return new BoundColumn(schema.indexOf(b.name()), b.name(), b.dataType(), b.nullable());
                return node;
            });
            try {
                ColumnVector result = bound.evaluate(one);
                if (result.isNull(0) || !result.getBoolean(0)) return false;
            } catch (SluiceException e) {
                return true;   // the filter fails on this value: keep the partition, the run raises the error if it must
            }
        }
        return true;
    }
}
