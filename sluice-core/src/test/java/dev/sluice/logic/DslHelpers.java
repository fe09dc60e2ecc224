package dev.sluice.logic;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Free DSL calls for values Java writes with constructors: option maps, decimals, dates, timestamps. */
public final class DslHelpers {
    private DslHelpers() {}

    /** {@code map("mode", "FAILFAST", "k", "v")}: an option map, insertion-ordered. */
    public static Map<String, String> map(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) throw new IllegalArgumentException("map() takes key, value pairs");
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put(keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    /** {@code dec("1.50")}: a BigDecimal. */
    public static BigDecimal dec(String text) { return new BigDecimal(text); }

    /** {@code date("2026-10-01")}. */
    public static LocalDate date(String text) { return LocalDate.parse(text); }

    /** {@code ts("2026-10-01T00:00:00Z")}. */
    public static Instant ts(String text) { return Instant.parse(text); }

    /** {@code storageLevel("DISK_ONLY")}: a storage level for persist. */
    public static dev.sluice.StorageLevel storageLevel(String name) { return dev.sluice.StorageLevel.fromString(name); }
}
