package dev.sluice.plan;

import dev.sluice.expr.Alias;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Resolves a join: renames the right side's columns whose names clash with the left side's (so that every
 * column of the join's input has its own name, see {@link InternalNames}), then resolves the condition
 * against both sides. An unqualified name found on both sides is ambiguous (AMBIGUOUS_COLUMN), as in Spark.
 */
final class AnalyzeJoin {
    private AnalyzeJoin() {}

    static Join resolve(Join join, Analyzer analyzer) {
        LogicalPlan left = join.left();
        LogicalPlan right = renameClashes(left.schema(), join.right());
        Join renamed = right == join.right() ? join : join.withSides(left, right);
        if (renamed.condition() == null) return renamed;
        StructType input = renamed.inputSchema();
        Expression condition = OwnedColumns.resolveInJoinCondition(renamed.condition(), left, right, input);
        condition = analyzer.resolve(condition, input);
        Analyzer.requireBoolean(condition, "join condition");
        return renamed.withCondition(condition);
    }

    /** {@code right} under a projection renaming the columns whose names clash (ignoring case) with {@code left}'s; itself if none do. */
    private static LogicalPlan renameClashes(StructType left, LogicalPlan right) {
        Set<String> leftNames = InternalNames.lowerCaseNames(left);
        StructType rs = right.schema();
        boolean clash = false;
        for (StructField f : rs.fields()) clash |= leftNames.contains(f.name().toLowerCase(Locale.ROOT));
        if (!clash) return right;
        Set<String> taken = InternalNames.lowerCaseNames(left, rs);
        List<Expression> projections = new ArrayList<>();
        for (StructField f : rs.fields()) {
            ColumnRef ref = new ColumnRef(f.name(), f.dataType(), f.nullable());
            if (!leftNames.contains(f.name().toLowerCase(Locale.ROOT))) {
                projections.add(ref);
                continue;
            }
            String fresh = InternalNames.fresh(f.name(), taken);
            taken.add(fresh.toLowerCase(Locale.ROOT));
            projections.add(new Alias(ref, fresh));
        }
        return new Project(right, projections);
    }
}
