package dev.sluice.vector;

import dev.sluice.types.CalendarInterval;

import java.util.Locale;

/**
 * Spark's text form of a calendar interval ({@code IntervalUtils.stringToInterval}): an optional {@code interval}
 * prefix, then value-unit pairs ({@code 1 year -2 months 3 weeks 4 days 5 hours 6 minutes 7.5 seconds 8
 * milliseconds 9 microseconds}, singular or plural, any case). Only seconds take a fraction (up to nanoseconds,
 * truncated to microseconds). Null when the text is not an interval, as Spark's cast gives NULL then.
 */
public final class CalendarIntervalParsing {
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private CalendarIntervalParsing() {}

    public static CalendarInterval parse(String text) {
        if (text == null) return null;
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("interval")) s = s.substring("interval".length()).trim();
        if (s.isEmpty()) return null;
        String[] words = s.split("\\s+");
        int months = 0, days = 0;
        long micros = 0;
        try {
            int i = 0;
            while (i < words.length) {
                String value = words[i];
                String unit;
                int split = firstLetter(value);
                if (split > 0) {   // '1day' or '-3hours'
                    unit = value.substring(split);
                    value = value.substring(0, split);
                    i += 1;
                } else {
                    if (i + 1 >= words.length) return null;
                    unit = words[i + 1];
                    i += 2;
                }
                if (!value.matches("[+-]?\\d+(\\.\\d*)?")) return null;
                boolean negative = value.startsWith("-");
                String digits = value.replaceFirst("^[+-]", "");
                int dot = digits.indexOf('.');
                long whole = Long.parseLong(dot < 0 ? digits : digits.substring(0, dot));
                long fractionMicros = 0;
                if (dot >= 0) {
                    String fraction = digits.substring(dot + 1);
                    if (fraction.length() > 9 || !unit.startsWith("s")) return null;
                    fractionMicros = Long.parseLong((fraction + "000000").substring(0, 6));
                }
                if (negative) {
                    whole = -whole;
                    fractionMicros = -fractionMicros;
                }
                switch (unit) {
                    case "year", "years" -> months = Math.addExact(months, Math.toIntExact(Math.multiplyExact(whole, 12L)));
                    case "month", "months" -> months = Math.addExact(months, Math.toIntExact(whole));
                    case "week", "weeks" -> days = Math.addExact(days, Math.toIntExact(Math.multiplyExact(whole, 7L)));
                    case "day", "days" -> days = Math.addExact(days, Math.toIntExact(whole));
                    case "hour", "hours" -> micros = Math.addExact(micros, Math.multiplyExact(whole, 3600 * MICROS_PER_SECOND));
                    case "minute", "minutes" -> micros = Math.addExact(micros, Math.multiplyExact(whole, 60 * MICROS_PER_SECOND));
                    case "second", "seconds" -> micros = Math.addExact(micros,
                            Math.addExact(Math.multiplyExact(whole, MICROS_PER_SECOND), fractionMicros));
                    case "millisecond", "milliseconds" -> micros = Math.addExact(micros, Math.multiplyExact(whole, 1000L));
                    case "microsecond", "microseconds" -> micros = Math.addExact(micros, whole);
                    default -> { return null; }
                }
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
        return new CalendarInterval(months, days, micros);
    }

    private static int firstLetter(String word) {
        for (int i = 0; i < word.length(); i++) if (Character.isLetter(word.charAt(i))) return i;
        return -1;
    }
}
