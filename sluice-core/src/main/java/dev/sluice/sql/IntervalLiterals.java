package dev.sluice.sql;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.vector.IntervalParsing;
import dev.sluice.expr.Literal;
import dev.sluice.sql.grammar.SqlGrammar;
import dev.sluice.types.DataType;
import dev.sluice.types.DayTimeIntervalType;
import dev.sluice.types.IntervalTypes;
import dev.sluice.types.YearMonthIntervalType;
import dev.sluice.vector.Intervals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code INTERVAL ...} literals as Spark's parser types them (ANSI intervals, legacy intervals off):
 * {@code INTERVAL '1-2' YEAR TO MONTH} and {@code INTERVAL '1 10:00:00' DAY TO SECOND} (unit to unit);
 * {@code INTERVAL 3 DAYS 4 HOURS} (multi-unit: the type spans the units named); {@code INTERVAL '1 day'} (a
 * string of units: year-month when it has months, day-time otherwise). Mixing year-month and day-time units is
 * a syntax error, as in Spark.
 */
final class IntervalLiterals {
    private IntervalLiterals() {}

    static Literal build(SqlGrammar.IntervalLiteralContext ctx) {
        List<SqlGrammar.IntervalPartContext> parts = ctx.intervalPart();
        if (parts.size() == 1 && parts.get(0).unit == null) return fromUnitString(ctx, Literals.string(parts.get(0).STRING().getText()));
        if (parts.size() == 1 && parts.get(0).toUnit != null) return unitToUnit(ctx, parts.get(0));
        return multiUnit(ctx, parts);
    }

    private static Literal unitToUnit(SqlGrammar.IntervalLiteralContext ctx, SqlGrammar.IntervalPartContext part) {
        String from = part.unit.getText(), to = part.toUnit.getText();
        DataType type = IntervalTypes.of(from, to);
        if (type == null || from.equalsIgnoreCase(to)) throw SyntaxErrors.at(ctx, "the interval unit range " + from + " TO " + to + " is not supported");
        String body = part.STRING() != null ? Literals.string(part.STRING().getText()) : part.number().getText();
        Long v = IntervalParsing.parseBody(body, type);
        if (v == null) throw invalid(type, body);
        if (part.MINUS() != null) v = -v;
        return literal(v, type);
    }

    private static Literal multiUnit(SqlGrammar.IntervalLiteralContext ctx, List<SqlGrammar.IntervalPartContext> parts) {
        List<String[]> pairs = new ArrayList<>();
        for (SqlGrammar.IntervalPartContext p : parts) {
            if (p.unit == null || p.toUnit != null) throw SyntaxErrors.at(ctx, "an interval literal mixes a unit range with other units");
            String value = p.STRING() != null ? Literals.string(p.STRING().getText()).trim() : p.number().getText();
            if (p.MINUS() != null) value = value.startsWith("-") ? value.substring(1) : "-" + value;
            pairs.add(new String[] {value, p.unit.getText()});
        }
        return fromPairs(ctx, pairs, false);
    }

    /** {@code '1 year 2 months'}, {@code '-3 days'}: value-unit pairs in one string. */
    private static Literal fromUnitString(SqlGrammar.IntervalLiteralContext ctx, String text) {
        String[] words = text.trim().toLowerCase(Locale.ROOT).replaceFirst("^interval\\s+", "").split("\\s+");
        if (words.length % 2 != 0 || words[0].isEmpty()) throw invalid(null, text);
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < words.length; i += 2) pairs.add(new String[] {words[i], words[i + 1]});
        return fromPairs(ctx, pairs, true);
    }

    private static Literal fromPairs(SqlGrammar.IntervalLiteralContext ctx, List<String[]> pairs, boolean defaultFields) {
        long months = 0;
        BigInteger micros = BigInteger.ZERO;
        int ymStart = 9, ymEnd = -1, dtStart = 9, dtEnd = -1;
        for (String[] pair : pairs) {
            String unit = IntervalParsing.unit(pair[1]);
            BigDecimal value;
            try {
                value = new BigDecimal(pair[0]);
            } catch (NumberFormatException e) {
                throw invalid(null, pair[0] + " " + pair[1]);
            }
            switch (unit) {
                case "year", "month" -> {
                    if (value.scale() > 0 && value.stripTrailingZeros().scale() > 0) throw invalid(null, pair[0] + " " + pair[1]);
                    int field = YearMonthIntervalType.field(unit);
                    months = Math.addExact(months, Math.multiplyExact(value.longValueExact(), field == YearMonthIntervalType.YEAR ? 12L : 1L));
                    ymStart = Math.min(ymStart, field);
                    ymEnd = Math.max(ymEnd, field);
                }
                case "week", "day", "hour", "minute", "second", "millisecond", "microsecond" -> {
                    long unitMicros;
                    int field;
                    switch (unit) {
                        case "week" -> { unitMicros = 7 * IntervalParsing.microsPer(DayTimeIntervalType.DAY); field = DayTimeIntervalType.DAY; }
                        case "millisecond" -> { unitMicros = 1000; field = DayTimeIntervalType.SECOND; }
                        case "microsecond" -> { unitMicros = 1; field = DayTimeIntervalType.SECOND; }
                        default -> { field = DayTimeIntervalType.field(unit); unitMicros = IntervalParsing.microsPer(field); }
                    }
                    micros = micros.add(value.multiply(BigDecimal.valueOf(unitMicros)).toBigInteger());
                    dtStart = Math.min(dtStart, field);
                    dtEnd = Math.max(dtEnd, field);
                }
                default -> throw SyntaxErrors.at(ctx, "unknown interval unit '" + pair[1] + "'");
            }
        }
        if (ymEnd >= 0 && dtEnd >= 0) {
            if (defaultFields && months == 0) ymEnd = -1;
            else if (defaultFields && micros.signum() == 0) dtEnd = -1;
            else throw SyntaxErrors.at(ctx, "cannot mix year-month and day-time fields in an interval literal");
        }
        if (ymEnd >= 0) {
            if (months != (int) months) throw invalid(YearMonthIntervalType.DEFAULT, months + " months");
            return literal(months, defaultFields ? YearMonthIntervalType.DEFAULT : new YearMonthIntervalType(ymStart, ymEnd));
        }
        if (micros.bitLength() >= 64) throw invalid(DayTimeIntervalType.DEFAULT, micros + " microseconds");
        return literal(micros.longValue(), defaultFields ? DayTimeIntervalType.DEFAULT : new DayTimeIntervalType(dtStart, dtEnd));
    }

    private static Literal literal(long v, DataType type) {
        if (type instanceof YearMonthIntervalType) return new Literal(Intervals.toPeriod((int) v), type);
        return new Literal(Intervals.toDuration(v), type);
    }

    private static SluiceException invalid(DataType type, String value) {
        return SluiceException.of(ErrorCode.INVALID_TYPED_LITERAL)
                .with("type", type == null ? "INTERVAL" : type.sql()).with("value", "'" + value + "'").build();
    }
}
