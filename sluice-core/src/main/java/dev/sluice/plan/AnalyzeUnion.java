package dev.sluice.plan;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Alias;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.TypeCoercion;
import dev.sluice.types.DataType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a {@link Union}: every input has the first input's number of columns (NUM_COLUMNS_MISMATCH), and
 * column i of every input is cast to the wider type of them all (Spark's WidenSetOperationTypes with
 * findWiderTypeForTwo: int and bigint give bigint, int and string give bigint, date and timestamp give
 * timestamp; no wider type is TYPE_MISMATCH). The casts go in a projection over the inputs that need them,
 * keeping those inputs' column names.
 */
final class AnalyzeUnion {
    private AnalyzeUnion() {}

    static LogicalPlan resolve(Union union, Analyzer analyzer) {
        List<LogicalPlan> inputs = union.inputs();
        StructType first = inputs.get(0).schema();
        for (int k = 1; k < inputs.size(); k++) {
            int count = inputs.get(k).schema().size();
            if (count != first.size()) {
                throw SluiceException.of(ErrorCode.NUM_COLUMNS_MISMATCH).with("operation", "UNION").with("first", first.size())
                        .with("index", k + 1).with("count", count).build();
            }
        }
        List<DataType> wider = new ArrayList<>(first.size());
        for (int i = 0; i < first.size(); i++) {
            DataType t = first.field(i).dataType();
            for (int k = 1; k < inputs.size(); k++) {
                DataType other = inputs.get(k).schema().field(i).dataType();
                Optional<DataType> w = TypeCoercion.widerType(t, other);
                if (w.isEmpty()) {
                    throw SluiceException.of(ErrorCode.TYPE_MISMATCH).with("expression", "UNION column " + (i + 1) + " (" + first.field(i).name() + ")")
                            .with("expected", "compatible column types").with("actual", t.simpleString() + " and " + other.simpleString()).build();
                }
                t = w.get();
            }
            wider.add(t);
        }
        List<LogicalPlan> cast = new ArrayList<>(inputs.size());
        boolean changed = false;
        for (LogicalPlan input : inputs) {
            LogicalPlan c = castColumns(input, wider, analyzer);
            changed |= c != input;
            cast.add(c);
        }
        return changed ? new Union(cast) : union;
    }

    private static LogicalPlan castColumns(LogicalPlan input, List<DataType> types, Analyzer analyzer) {
        StructType s = input.schema();
        boolean needed = false;
        for (int i = 0; i < s.size(); i++) needed |= !s.field(i).dataType().equals(types.get(i));
        if (!needed) return input;
        List<Expression> projections = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            StructField f = s.field(i);
            ColumnRef ref = new ColumnRef(f.name(), f.dataType(), f.nullable());
            projections.add(f.dataType().equals(types.get(i)) ? ref : new Alias(analyzer.castTo(ref, types.get(i)), f.name()));
        }
        return new Project(input, projections);
    }
}
