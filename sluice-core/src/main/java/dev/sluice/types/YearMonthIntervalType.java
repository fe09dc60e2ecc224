package dev.sluice.types;

import java.util.List;
import java.util.Locale;

/**
 * Spark's ANSI {@code interval year to month} (and its sub-ranges {@code interval year}, {@code interval month}):
 * a whole number of months held as an int. Its Java value is a {@link java.time.Period} of years and months.
 */
public record YearMonthIntervalType(int startField, int endField) implements DataType {
    public static final int YEAR = 0;
    public static final int MONTH = 1;
    private static final List<String> NAMES = List.of("year", "month");
    public static final YearMonthIntervalType DEFAULT = new YearMonthIntervalType(YEAR, MONTH);

    public YearMonthIntervalType {
        if (startField < YEAR || endField > MONTH || startField > endField) {
            throw new IllegalArgumentException("invalid year-month interval fields " + startField + ".." + endField);
        }
    }

    public static String fieldName(int field) { return NAMES.get(field); }

    /** YEAR or MONTH for a unit name, -1 for any other. */
    public static int field(String name) { return NAMES.indexOf(name.toLowerCase(Locale.ROOT)); }

    @Override public String simpleString() {
        return startField == endField ? "interval " + fieldName(startField)
                : "interval " + fieldName(startField) + " to " + fieldName(endField);
    }

    @Override public String toString() { return simpleString(); }
}
