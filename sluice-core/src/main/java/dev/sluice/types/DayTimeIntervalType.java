package dev.sluice.types;

import java.util.List;
import java.util.Locale;

/**
 * Spark's ANSI {@code interval day to second} (and its sub-ranges such as {@code interval hour to minute}):
 * microseconds held as a long. Its Java value is a {@link java.time.Duration}.
 */
public record DayTimeIntervalType(int startField, int endField) implements DataType {
    public static final int DAY = 0;
    public static final int HOUR = 1;
    public static final int MINUTE = 2;
    public static final int SECOND = 3;
    private static final List<String> NAMES = List.of("day", "hour", "minute", "second");
    public static final DayTimeIntervalType DEFAULT = new DayTimeIntervalType(DAY, SECOND);

    public DayTimeIntervalType {
        if (startField < DAY || endField > SECOND || startField > endField) {
            throw new IllegalArgumentException("invalid day-time interval fields " + startField + ".." + endField);
        }
    }

    public static String fieldName(int field) { return NAMES.get(field); }

    /** DAY..SECOND for a unit name, -1 for any other. */
    public static int field(String name) { return NAMES.indexOf(name.toLowerCase(Locale.ROOT)); }

    @Override public String simpleString() {
        return startField == endField ? "interval " + fieldName(startField)
                : "interval " + fieldName(startField) + " to " + fieldName(endField);
    }

    @Override public String toString() { return simpleString(); }
}
