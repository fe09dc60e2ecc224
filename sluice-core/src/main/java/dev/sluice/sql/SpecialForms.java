package dev.sluice.sql;

import dev.sluice.expr.Expression;
import dev.sluice.expr.FunctionRegistry;
import dev.sluice.expr.Literal;
import dev.sluice.sql.grammar.SqlGrammar;

import java.util.List;
import java.util.Locale;

/** The SQL forms with keywords inside the parentheses: {@code EXTRACT(f FROM x)}, {@code TRIM(BOTH c FROM s)}. */
final class SpecialForms {
    private SpecialForms() {}

    /**
     * {@code EXTRACT(field FROM source)}: Spark's {@code date_part} when the registry has it; otherwise the field
     * functions (whose results match date_part's for these fields).
     */
    static Expression extract(String field, Expression source) {
        if (FunctionRegistry.exists("extract")) return FunctionResolver.resolve("extract", List.of(Literal.of(field), source));
        String fn = switch (field.toUpperCase(Locale.ROOT)) {
            case "YEAR", "Y", "YEARS", "YR", "YRS" -> "year";
            case "QUARTER", "QTR" -> "quarter";
            case "MONTH", "MON", "MONS", "MONTHS" -> "month";
            case "WEEK", "W", "WEEKS" -> "weekofyear";
            case "DAY", "D", "DAYS" -> "dayofmonth";
            case "DAYOFWEEK", "DOW" -> "dayofweek";
            case "DOY" -> "dayofyear";
            case "HOUR", "H", "HOURS", "HR", "HRS" -> "hour";
            case "MINUTE", "M", "MIN", "MINS", "MINUTES" -> "minute";
            default -> throw SyntaxErrors.unsupported("EXTRACT(" + field + " FROM ...)",
                    "this field is not supported yet (SECOND needs Spark's DECIMAL(8,6) seconds)");
        };
        return FunctionResolver.resolve(fn, List.of(source));
    }

    /** {@code TRIM([BOTH|LEADING|TRAILING] [chars] FROM s)}: trim, ltrim or rtrim (with the characters first, as Spark). */
    static Expression trim(int option, Expression chars, Expression source) {
        String fn = option == SqlGrammar.LEADING ? "ltrim" : option == SqlGrammar.TRAILING ? "rtrim" : "trim";
        return chars == null ? FunctionResolver.resolve(fn, List.of(source)) : FunctionResolver.resolve(fn, List.of(chars, source));
    }
}
