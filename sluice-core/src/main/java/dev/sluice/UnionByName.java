package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Alias;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Literal;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.Project;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lines up two inputs of {@code unionByName} by column name (ignoring case), as Spark's ResolveUnion: the
 * right side is reordered to the left's columns, its extra columns follow (so without
 * {@code allowMissingColumns} extra columns end in NUM_COLUMNS_MISMATCH, and a left column the right lacks in
 * COLUMN_NOT_FOUND); with it, each side gets typed nulls for the columns only the other has.
 */
final class UnionByName {
    private UnionByName() {}

    static LogicalPlan[] align(LogicalPlan left, LogicalPlan right, boolean allowMissing) {
        StructType l = left.schema(), r = right.schema();
        requireUnique(l);
        requireUnique(r);
        List<Expression> rightProjection = new ArrayList<>();
        for (StructField f : l.fields()) {
            StructField match = find(r, f.name());
            if (match != null) {
                rightProjection.add(ref(match));
            } else if (allowMissing) {
                rightProjection.add(new Alias(new Literal(null, f.dataType()), f.name()));
            } else {
                throw SluiceException.of(ErrorCode.COLUMN_NOT_FOUND).with("column", f.name())
                        .with("suggestion", " The other side of unionByName has " + r.fieldNames() + ".").build();
            }
        }
        List<Expression> leftProjection = new ArrayList<>();
        for (StructField f : l.fields()) leftProjection.add(ref(f));
        for (StructField f : r.fields()) {
            if (find(l, f.name()) != null) continue;
            rightProjection.add(ref(f));
            if (allowMissing) leftProjection.add(new Alias(new Literal(null, f.dataType()), f.name()));
        }
        LogicalPlan newLeft = leftProjection.size() == l.size() ? left : new Project(left, leftProjection);
        return new LogicalPlan[] {newLeft, new Project(right, rightProjection)};
    }

    private static void requireUnique(StructType s) {
        List<String> seen = new ArrayList<>();
        for (String name : s.fieldNames()) {
            String key = name.toLowerCase(Locale.ROOT);
            if (seen.contains(key)) {
                throw SluiceException.of(ErrorCode.DUPLICATE_COLUMN).with("column", name).with("where", "an input of unionByName").build();
            }
            seen.add(key);
        }
    }

    private static StructField find(StructType s, String name) {
        for (StructField f : s.fields()) if (f.name().equalsIgnoreCase(name)) return f;
        return null;
    }

    private static ColumnRef ref(StructField f) { return new ColumnRef(f.name(), f.dataType(), f.nullable()); }
}
