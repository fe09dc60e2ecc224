package dev.sluice.plan;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Cast;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Expressions;
import dev.sluice.expr.FunctionCall;
import dev.sluice.expr.fn.DatetimeIntervalArithmetic;
import dev.sluice.expr.fn.TimeFunctions;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.MapType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.types.TimeType;

import java.util.Set;

/**
 * Spark 4.1 gates the TIME type behind {@code spark.sql.timeType.enabled} (off by default, on in Spark's own
 * tests): while it is off, the expressions that produce or take apart a TIME fail analysis with
 * UNSUPPORTED_TIME_TYPE, as Spark's {@code TimeExpression}s and its cast check do. Those are: a cast to a type
 * holding TIME, make_time, to_time, try_to_time, time_diff, time_trunc, current_time, hour/minute/second and
 * extract/date_part of a TIME, and TIME ± interval or TIME − TIME. A TIME literal, comparisons, and
 * make_timestamp(date, time) stay allowed, as in Spark.
 */
final class AnalyzeTimeType {
    private AnalyzeTimeType() {}

    private static final Set<String> FIELDS_OF_TIME = Set.of("hour", "minute", "second", "extract", "date_part", "datepart");

    static void rejectWhenDisabled(LogicalPlan plan) {
        for (Expression e : Plans.expressions(plan)) {
            for (Expression n : Expressions.collect(e)) {
                if (gated(n)) throw SluiceException.of(ErrorCode.UNSUPPORTED_TIME_TYPE).build();
            }
        }
    }

    private static boolean gated(Expression e) {
        if (e instanceof Cast c) return holdsTime(c.to());
        if (!(e instanceof FunctionCall call) || call.userDefined() || !call.resolved()) return false;
        String name = call.name().toLowerCase(java.util.Locale.ROOT);
        if (TimeFunctions.GATED.contains(name)) return true;
        boolean timeArgument = false;
        for (Expression a : call.arguments()) timeArgument |= a.dataType() instanceof TimeType;
        return timeArgument && (FIELDS_OF_TIME.contains(name) || name.equals(DatetimeIntervalArithmetic.NAME));
    }

    static boolean holdsTime(DataType t) {
        if (t instanceof TimeType) return true;
        if (t instanceof ArrayType a) return holdsTime(a.elementType());
        if (t instanceof MapType m) return holdsTime(m.keyType()) || holdsTime(m.valueType());
        if (t instanceof StructType s) {
            for (StructField f : s.fields()) if (holdsTime(f.dataType())) return true;
        }
        return false;
    }
}
