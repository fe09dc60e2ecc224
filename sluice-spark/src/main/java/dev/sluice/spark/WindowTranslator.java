package dev.sluice.spark;

import dev.sluice.expr.Expression;
import dev.sluice.expr.WindowExpression;
import org.apache.spark.sql.Column;

import java.util.List;

/** A Sluice window function as a Spark window column: the function, {@code .over} its partitioning, ordering and frame. */
final class WindowTranslator {
    private WindowTranslator() {}

    static Column column(WindowExpression w, ExpressionTranslator expressions) {
        Column[] keys = new Column[w.partitionBy().size()];
        for (int i = 0; i < keys.length; i++) keys[i] = expressions.translate(w.partitionBy().get(i));
        Column[] orders = new Column[w.orderBy().size()];
        for (int i = 0; i < orders.length; i++) orders[i] = expressions.translate(w.orderBy().get(i));
        org.apache.spark.sql.expressions.WindowSpec spec = org.apache.spark.sql.expressions.Window.partitionBy(keys).orderBy(orders);
        dev.sluice.expr.WindowFrame frame = w.effectiveFrame();
        // ranking functions and lag/lead carry their own frame in Spark: give it none
        if (w.requiredFrame() == null) {
            spec = frame.type() == dev.sluice.expr.WindowFrame.Type.ROWS ? spec.rowsBetween(frame.lower(), frame.upper())
                    : spec.rangeBetween(frame.lower(), frame.upper());
        }
        List<Expression> args = w.arguments();
        Column fn;
        switch (w.function()) {
            case ROW_NUMBER: fn = org.apache.spark.sql.functions.row_number(); break;
            case RANK: fn = org.apache.spark.sql.functions.rank(); break;
            case DENSE_RANK: fn = org.apache.spark.sql.functions.dense_rank(); break;
            case PERCENT_RANK: fn = org.apache.spark.sql.functions.percent_rank(); break;
            case CUME_DIST: fn = org.apache.spark.sql.functions.cume_dist(); break;
            case NTILE: fn = org.apache.spark.sql.functions.ntile(w.arguments().get(0) instanceof dev.sluice.expr.Literal l ? (Integer) l.value() : 1); break;
            case LAG: fn = org.apache.spark.sql.functions.lag(expressions.translate(args.get(0)), w.offset(), expressions.translate(args.get(2))); break;
            case LEAD: fn = org.apache.spark.sql.functions.lead(expressions.translate(args.get(0)), w.offset(), expressions.translate(args.get(2))); break;
            case FIRST_VALUE: fn = org.apache.spark.sql.functions.first_value(expressions.translate(args.get(0)), org.apache.spark.sql.functions.lit(w.ignoreNulls())); break;
            case LAST_VALUE: fn = org.apache.spark.sql.functions.last_value(expressions.translate(args.get(0)), org.apache.spark.sql.functions.lit(w.ignoreNulls())); break;
            case NTH_VALUE: fn = org.apache.spark.sql.functions.nth_value(expressions.translate(args.get(0)), w.nthOffset(), w.ignoreNulls()); break;
            default: fn = expressions.translate(args.get(0)); break;   // AGGREGATE: the aggregate function itself
        }
        return fn.over(spec);
    }
}
