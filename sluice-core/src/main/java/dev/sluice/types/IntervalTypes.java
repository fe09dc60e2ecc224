package dev.sluice.types;

/** The interval type named by its start and end units, as DDL and SQL write them. */
public final class IntervalTypes {
    private IntervalTypes() {}

    /** {@code interval <from> to <to>} (singular or plural units); null when the pair names no ANSI interval type. */
    public static DataType of(String from, String to) {
        String f = singular(from), t = singular(to);
        int ymStart = YearMonthIntervalType.field(f), ymEnd = YearMonthIntervalType.field(t);
        if (ymStart >= 0 && ymEnd >= 0 && ymStart <= ymEnd) return new YearMonthIntervalType(ymStart, ymEnd);
        int dtStart = DayTimeIntervalType.field(f), dtEnd = DayTimeIntervalType.field(t);
        if (dtStart >= 0 && dtEnd >= 0 && dtStart <= dtEnd) return new DayTimeIntervalType(dtStart, dtEnd);
        return null;
    }

    private static String singular(String unit) {
        String u = unit.toLowerCase(java.util.Locale.ROOT);
        return u.endsWith("s") ? u.substring(0, u.length() - 1) : u;
    }
}
