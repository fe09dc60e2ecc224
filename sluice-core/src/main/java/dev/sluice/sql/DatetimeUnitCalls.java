package dev.sluice.sql;

import dev.sluice.expr.Expression;
import dev.sluice.expr.Literal;
import dev.sluice.expr.UnresolvedColumn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Spark's SQL syntax {@code TIMESTAMPADD(unit, quantity, ts)} and {@code TIMESTAMPDIFF(unit, start, end)} with a bare
 * unit keyword, also spelled {@code DATEADD}/{@code DATE_ADD} and {@code DATEDIFF}/{@code DATE_DIFF}/{@code TIMEDIFF}:
 * the parser sees the unit as a column name, so a call of one of these names whose first of three arguments is a
 * single-part name among Spark's datetime units becomes the registry's timestampadd/timestampdiff with the unit as a
 * string. Other calls of these names (date_add(start, days), datediff(end, start)) are left alone; a quoted unit is
 * refused, as Spark's grammar refuses it.
 */
final class DatetimeUnitCalls {
    private DatetimeUnitCalls() {}

    static final Set<String> UNITS = Set.of("YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "DAYOFYEAR", "HOUR", "MINUTE",
            "SECOND", "MILLISECOND", "MICROSECOND");
    private static final Set<String> ADD = Set.of("timestampadd", "dateadd", "date_add");
    private static final Set<String> DIFF = Set.of("timestampdiff", "datediff", "date_diff", "timediff");

    /** The call's registry name when it is the unit syntax, else {@code name} unchanged. */
    static String name(String name, List<Expression> args) {
        if (unit(args) == null) return name;
        return ADD.contains(name) ? "timestampadd" : DIFF.contains(name) ? "timestampdiff" : name;
    }

    /**
     * Spark's grammar takes the unit as a bare keyword and refuses a quoted one ({@code timestampadd('MONTH', 1, ts)}:
     * INVALID_PARAMETER_VALUE.DATETIME_UNIT, a parse error), as Sluice does.
     */
    static void rejectQuotedUnit(String name, List<Expression> args, org.antlr.v4.runtime.tree.ParseTree call) {
        if (args.size() != 3 || !(ADD.contains(name) || DIFF.contains(name))) return;
        if (args.get(0) instanceof Literal l && l.value() != null && l.dataType() instanceof dev.sluice.types.StringType) {
            throw SyntaxErrors.at(call, "the value of parameter `unit` in `" + (ADD.contains(name) ? "timestampadd" : "timestampdiff")
                    + "` is invalid: expects one of the units without quotes " + String.join(", ", UNIT_ORDER)
                    + ", but got the string literal '" + l.value() + "'");
        }
    }

    private static final List<String> UNIT_ORDER = List.of("YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "DAYOFYEAR", "HOUR",
            "MINUTE", "SECOND", "MILLISECOND", "MICROSECOND");

    /** The arguments with the unit keyword as a string literal, when {@link #name} rewrote the call. */
    static List<Expression> arguments(String name, List<Expression> args) {
        String unit = unit(args);
        if (unit == null || !(ADD.contains(name) || DIFF.contains(name))) return args;
        List<Expression> out = new ArrayList<>(args);
        out.set(0, Literal.of(unit));
        return out;
    }

    private static String unit(List<Expression> args) {
        if (args.size() != 3 || !(args.get(0) instanceof UnresolvedColumn c) || c.nameParts().size() != 1) return null;
        String word = c.nameParts().get(0);   // as written: Spark's column name keeps the unit's case
        return UNITS.contains(word.toUpperCase(Locale.ROOT)) ? word : null;
    }
}
