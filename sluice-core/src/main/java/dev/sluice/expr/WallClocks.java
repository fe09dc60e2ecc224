package dev.sluice.expr;

import dev.sluice.vector.DateTimeText;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * timestamp_ntz text for the readers and writers: parsing as Spark's cast from string (the text's date and time;
 * a zone in it is ignored), and the JSON/CSV default write form {@code yyyy-MM-dd'T'HH:mm:ss.SSS}.
 */
public final class WallClocks {
    private WallClocks() {}

    /** Microseconds of the wall clock written in {@code text}; null when it is not one of Spark's forms. */
    public static Long parse(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        long[] out = new long[1];
        return StringParsing.parseTimestamp(b, 0, b.length, ZoneOffset.UTC, out, true) ? out[0] : null;
    }

    /** Spark's default timestampNTZFormat on write: {@code yyyy-MM-dd'T'HH:mm:ss.SSS} (micros truncated to millis). */
    public static String formatIso(long micros) { return DateTimeText.wallClockIso(micros); }
}
