package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Alias;
import dev.sluice.expr.Coalesce;
import dev.sluice.expr.Comparison;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.PlanColumn;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.plan.ColumnOwners;
import dev.sluice.plan.InternalNames;
import dev.sluice.plan.Join;
import dev.sluice.plan.JoinHint;
import dev.sluice.plan.JoinType;
import dev.sluice.plan.NameSuggestions;
import dev.sluice.plan.Project;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds the plans of the DataFrame join methods: joins on a condition, USING joins, DataFrame columns. */
final class Joins {
    private Joins() {}

    static Column columnOf(DataFrame df, String name) {
        if (name.equals("*")) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "col")
                    .with("reason", "use functions.col(\"*\") for every column").build();
        }
        return new Column(new PlanColumn(new ColumnOwners.OfPlan(df.logicalPlan()), UnresolvedColumn.parse(name).nameParts()));
    }

    static DataFrame join(DataFrame left, DataFrame right, Expression condition, JoinType type) {
        if (condition == null && type != JoinType.INNER && type != JoinType.CROSS) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "join")
                    .with("reason", "a " + type.displayName() + " join needs a join condition or USING columns").build();
        }
        return left.withPlan(new Join(left.logicalPlan(), right.logicalPlan(), type, condition, JoinHint.NONE));
    }

    static DataFrame using(DataFrame left, DataFrame right, List<String> columns, JoinType type) {
        StructType ls = left.logicalPlan().schema();
        StructType rs = right.logicalPlan().schema();
        List<Integer> leftKeys = new ArrayList<>();
        List<Integer> rightKeys = new ArrayList<>();
        List<Expression> conditions = new ArrayList<>();
        for (String name : columns) {
            int l = keyIndex(ls, name, "left");
            int r = keyIndex(rs, name, "right");
            leftKeys.add(l);
            rightKeys.add(r);
            conditions.add(new Comparison(Comparison.Op.EQ, side(false, l, ls), side(true, r, rs)));
        }
        JoinType joinType = type == JoinType.CROSS ? JoinType.INNER : type;
        Join join = new Join(left.logicalPlan(), right.logicalPlan(), joinType, Expressions.and(conditions), JoinHint.NONE);
        List<Expression> out = new ArrayList<>();
        for (int k = 0; k < columns.size(); k++) {
            Expression l = side(false, leftKeys.get(k), ls);
            Expression r = side(true, rightKeys.get(k), rs);
            if (joinType == JoinType.RIGHT_OUTER) out.add(r);
            else if (joinType == JoinType.FULL_OUTER) out.add(new Alias(new Coalesce(List.of(l, r)), InternalNames.display(ls.field(leftKeys.get(k)).name())));
            else out.add(l);
        }
        Set<Integer> lk = new HashSet<>(leftKeys);
        Set<Integer> rk = new HashSet<>(rightKeys);
        for (int i = 0; i < ls.size(); i++) if (!lk.contains(i)) out.add(side(false, i, ls));
        if (!joinType.leftOnly()) {
            for (int i = 0; i < rs.size(); i++) if (!rk.contains(i)) out.add(side(true, i, rs));
        }
        return left.withPlan(new Project(join, out));
    }

    private static Expression side(boolean right, int ordinal, StructType schema) {
        return new PlanColumn(new ColumnOwners.JoinSide(right, ordinal), List.of(InternalNames.display(schema.field(ordinal).name())));
    }

    private static int keyIndex(StructType schema, String name, String side) {
        List<Integer> matches = InternalNames.matches(schema, name);
        if (matches.isEmpty()) {
            throw SluiceException.of(ErrorCode.COLUMN_NOT_FOUND).with("column", name)
                    .with("suggestion", " USING column `" + name + "` is not on the " + side + " side of the join."
                            + NameSuggestions.didYouMean(name, InternalNames.display(schema).fieldNames())).build();
        }
        if (matches.size() > 1) {
            throw SluiceException.of(ErrorCode.AMBIGUOUS_COLUMN).with("column", name)
                    .with("matches", matches.size() + " columns on the " + side + " side of the join").build();
        }
        return matches.get(0);
    }
}
