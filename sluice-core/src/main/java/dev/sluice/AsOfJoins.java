package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Literal;
import dev.sluice.expr.UnresolvedColumn;

import java.util.List;
import java.util.Locale;

import static dev.sluice.functions.abs;
import static dev.sluice.functions.col;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.monotonically_increasing_id;
import static dev.sluice.functions.row_number;

/**
 * Spark's as-of join ({@code DataFrame.joinAsOf}, PySpark's {@code _joinAsOf}): each left row meets the one right row
 * whose as-of value is nearest to its own (backward: the greatest at or below it; forward: the least at or above it;
 * nearest: the closest either way), among the right rows matching the join condition, within the tolerance, and
 * strictly below/above when exact matches are not allowed. Inner drops the left rows without a match, left keeps
 * them with NULLs. The output is the left columns then the right ones.
 * <p>
 * Planned as Spark's {@code RewriteAsOfJoin} plans it, with Sluice's operators: every left row numbered, a left
 * outer join on the condition, and per left row the candidate of least distance kept (a window's
 * {@code row_number}), so it spills as any join and window do. Among right rows at the same distance the one with
 * the smaller as-of value wins, then any one (Spark's {@code min_by} leaves that open too).
 */
final class AsOfJoins {
    private static final String LEFT_ROW = "__sluice_asof_left_row";
    private static final String MATCHED = "__sluice_asof_matched";
    private static final String RANK = "__sluice_asof_rank";

    private AsOfJoins() {}

    static DataFrame join(DataFrame left, DataFrame right, Column leftAsOf, Column rightAsOf, Column condition,
                          String joinType, Column tolerance, boolean allowExactMatches, String direction) {
        boolean outer = switch (joinType.toLowerCase(Locale.ROOT).replace("_", "")) {
            case "inner" -> false;
            case "left", "leftouter" -> true;
            default -> throw invalid("unsupported join type '" + joinType + "'; an as-of join is inner or left");
        };
        String dir = direction.toLowerCase(Locale.ROOT);
        if (!dir.equals("backward") && !dir.equals("forward") && !dir.equals("nearest")) {
            throw invalid("unsupported direction '" + direction + "'; use backward, forward or nearest");
        }
        if (tolerance != null && tolerance.expr() instanceof Literal t && t.value() == null) tolerance = null;   // lit(None): no limit
        if (tolerance != null && !(tolerance.expr() instanceof Literal)) throw invalid("the tolerance must be a constant, got " + tolerance.expr().sql());
        if (tolerance != null && ((Literal) tolerance.expr()).value() instanceof Number n && n.doubleValue() < 0) {
            throw invalid("the tolerance must be non-negative, got " + n);
        }
        for (String helper : List.of(LEFT_ROW, MATCHED, RANK)) {
            if (left.schema().indexOf(helper) >= 0 || right.schema().indexOf(helper) >= 0) throw invalid("a column may not be named " + helper);
        }
        Column l = owned(left, leftAsOf);
        Column r = owned(right, rightAsOf);

        Column asOf = switch (dir) {
            case "backward" -> allowExactMatches ? l.geq(r) : l.gt(r);
            case "forward" -> allowExactMatches ? l.leq(r) : l.lt(r);
            default -> allowExactMatches ? lit(true) : l.notEqual(r);
        };
        if (tolerance != null) {
            Column within = switch (dir) {
                case "backward" -> r.geq(l.minus(tolerance));
                case "forward" -> r.leq(l.plus(tolerance));
                default -> r.geq(l.minus(tolerance)).and(r.leq(l.plus(tolerance)));
            };
            asOf = asOf.and(within);
        }
        Column on = condition == null ? asOf : condition.and(asOf);

        DataFrame numbered = left.withColumn(LEFT_ROW, monotonically_increasing_id());
        DataFrame marked = right.withColumn(MATCHED, lit(true));
        DataFrame candidates = numbered.join(marked, on, "left");
        Column[] order = switch (dir) {
            case "backward" -> new Column[] {r.desc()};
            case "forward" -> new Column[] {r.asc()};
            default -> new Column[] {abs(l.minus(r)).asc(), r.asc()};
        };
        DataFrame nearest = candidates.withColumn(RANK, row_number().over(Window.partitionBy(col(LEFT_ROW)).orderBy(order)))
                .filter(col(RANK).equalTo(lit(1)));
        if (!outer) nearest = nearest.filter(col(MATCHED).isNotNull());
        return nearest.drop(LEFT_ROW, MATCHED, RANK);
    }

    /** A column named by a plain name is looked up in its own side (both sides may have a column of that name). */
    private static Column owned(DataFrame side, Column c) {
        return c.expr() instanceof UnresolvedColumn u ? side.col(String.join(".", u.nameParts())) : c;
    }

    private static SluiceException invalid(String reason) {
        return SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "joinAsOf").with("reason", reason).build();
    }
}
