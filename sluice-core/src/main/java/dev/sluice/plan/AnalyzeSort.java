package dev.sluice.plan;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.SortOrder;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.MapType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves a {@link Sort}'s keys. As Spark, a key may name a column that the select below dropped
 * ({@code df.select("id").orderBy("x")}): the select then carries the column up to the sort, and a
 * projection above the sort removes it again. Keys must have an orderable type (no maps).
 */
final class AnalyzeSort {
    private AnalyzeSort() {}

    static LogicalPlan resolve(Sort sort, Analyzer analyzer) {
        try {
            Sort resolved = new Sort(sort.input(), resolveOrders(sort.orders(), sort.input().schema(), analyzer), sort.global());
            return AnalyzeTimeWindow.forFilterOrSort(resolved, analyzer);   // a time window key: computed below
        } catch (SluiceException e) {
            if (e.code() != ErrorCode.COLUMN_NOT_FOUND || !(sort.input() instanceof Project p)) throw e;
            LogicalPlan carried = carryMissingColumns(sort, p, analyzer);
            if (carried == null) throw e;
            return carried;
        }
    }

    private static List<SortOrder> resolveOrders(List<SortOrder> orders, StructType input, Analyzer analyzer) {
        List<SortOrder> out = new ArrayList<>(orders.size());
        for (SortOrder o : orders) {
            SortOrder r = (SortOrder) analyzer.resolve(o, input);
            AnalyzeGenerate.rejectOutsideSelect(r, "a sort");
            AnalyzeWindow.rejectOutsideSelect(r, "in a sort");
            requireOrderable(r);
            out.add(r);
        }
        return out;
    }

    /** The rewritten plan when the missing keys resolve against the select's input, else null. */
    private static LogicalPlan carryMissingColumns(Sort sort, Project p, Analyzer analyzer) {
        StructType visible = p.schema();
        List<StructField> hidden = new ArrayList<>();
        for (StructField f : p.input().schema().fields()) {
            if (visible.indexesOfIgnoreCase(f.name()).isEmpty()) hidden.add(f);
        }
        List<StructField> extended = new ArrayList<>(visible.fields());
        extended.addAll(hidden);
        List<SortOrder> orders;
        try {
            orders = resolveOrders(sort.orders(), new StructType(extended), analyzer);
        } catch (SluiceException again) {
            return null;
        }
        Map<String, Expression> missing = new LinkedHashMap<>();
        for (SortOrder o : orders) {
            for (Expression node : Expressions.collect(o)) {
                if (node instanceof ColumnRef r && visible.indexOf(r.name()) < 0) missing.putIfAbsent(r.name(), r);
            }
        }
        List<Expression> widened = new ArrayList<>(p.projections());
        widened.addAll(missing.values());
        LogicalPlan sorted = AnalyzeTimeWindow.forFilterOrSort(new Sort(new Project(p.input(), widened), orders, sort.global()), analyzer);
        List<Expression> back = new ArrayList<>();
        for (StructField f : visible.fields()) back.add(new ColumnRef(f.name(), f.dataType(), f.nullable()));
        return new Project(sorted, back);
    }

    static void requireOrderable(SortOrder o) {
        if (containsMap(o.child().dataType()) || dev.sluice.types.CalendarIntervalType.occursIn(o.child().dataType())) {
            throw SluiceException.of(ErrorCode.TYPE_MISMATCH).with("expression", o.sql()).with("expected", "an orderable type")
                    .with("actual", o.child().dataType().simpleString()).build();
        }
    }

    private static boolean containsMap(DataType t) {
        if (t instanceof MapType) return true;
        if (t instanceof ArrayType a) return containsMap(a.elementType());
        if (t instanceof StructType s) {
            for (StructField f : s.fields()) if (containsMap(f.dataType())) return true;
        }
        return false;
    }
}
