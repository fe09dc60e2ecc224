package dev.sluice.vector;

import java.time.Duration;
import java.time.Period;

/** Conversions between Java interval values and their physical forms (months; microseconds), as Spark's. */
public final class Intervals {
    private Intervals() {}

    public static Period toPeriod(int months) { return Period.of(months / 12, months % 12, 0).normalized(); }

    /** A period's total months; days are refused (a year-month interval has none). */
    public static int toMonths(Period period) {
        if (period.getDays() != 0) throw new IllegalArgumentException("a year-month interval has no days: " + period);
        return Math.toIntExact(period.toTotalMonths());
    }

    public static Duration toDuration(long micros) {
        return Duration.ofSeconds(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    public static long toMicros(Duration duration) {
        return Math.addExact(Math.multiplyExact(duration.getSeconds(), 1_000_000L), duration.getNano() / 1000L);
    }
}
