package dev.sluice.plan;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Alias;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.TypeCoercion;
import dev.sluice.types.DataType;
import dev.sluice.types.MapType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves INTERSECT / EXCEPT: both sides need the same number of columns; columns are matched by
 * position and cast to their common type (Spark's widening), the side that changes getting a projection.
 * Map columns cannot be compared, so they are refused (as Spark does).
 */
final class AnalyzeSetOperation {
    private AnalyzeSetOperation() {}

    static SetOperation resolve(SetOperation op, Analyzer analyzer) {
        StructType l = op.left().schema();
        StructType r = op.right().schema();
        if (l.size() != r.size()) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", op.displayName().toLowerCase(java.util.Locale.ROOT))
                    .with("reason", "both sides need the same number of columns, but the left has " + l.size()
                            + " and the right has " + r.size()).build();
        }
        List<DataType> common = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            DataType lt = l.field(i).dataType();
            DataType rt = r.field(i).dataType();
            Optional<DataType> t = lt.equals(rt) ? Optional.of(lt) : TypeCoercion.commonType(List.of(lt, rt));
            if (t.isEmpty() || containsMap(t.get())) {
                throw SluiceException.of(ErrorCode.TYPE_MISMATCH)
                        .with("expression", op.displayName() + " column " + (i + 1) + " (" + InternalNames.display(l.field(i).name()) + ")")
                        .with("expected", "comparable values of one type on both sides")
                        .with("actual", lt.simpleString() + " and " + rt.simpleString()).build();
            }
            common.add(t.get());
        }
        LogicalPlan left = castTo(op.left(), common, analyzer);
        LogicalPlan right = castTo(op.right(), common, analyzer);
        return left == op.left() && right == op.right() ? op : new SetOperation(left, right, op.kind(), op.all());
    }

    private static LogicalPlan castTo(LogicalPlan side, List<DataType> types, Analyzer analyzer) {
        StructType s = side.schema();
        boolean same = true;
        for (int i = 0; i < s.size(); i++) same &= s.field(i).dataType().equals(types.get(i));
        if (same) return side;
        List<Expression> projections = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            StructField f = s.field(i);
            ColumnRef ref = new ColumnRef(f.name(), f.dataType(), f.nullable());
            projections.add(f.dataType().equals(types.get(i)) ? ref : new Alias(analyzer.castTo(ref, types.get(i)), f.name()));
        }
        return new Project(side, projections);
    }

    private static boolean containsMap(DataType t) {
        if (t instanceof MapType) return true;
        if (t instanceof StructType s) {
            for (StructField f : s.fields()) if (containsMap(f.dataType())) return true;
        }
        if (t instanceof dev.sluice.types.ArrayType a) return containsMap(a.elementType());
        return false;
    }
}
