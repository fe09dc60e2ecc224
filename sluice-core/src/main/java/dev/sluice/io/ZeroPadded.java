package dev.sluice.io;

import java.util.Locale;

/**
 * A number with zeros in front, as {@code String.format(Locale.ROOT, "%0<width>d", value)} spells it, for the
 * commit protocol's directory and file names. {@code String.format} ran interpreted on the workers (a few calls
 * per file, too few to compile) and its first call initialized the formatter's locale data on a worker:
 * 7–9 of Q1's ~400 worker samples (docs/benchmark.md, "q1w, thirteenth session").
 */
final class ZeroPadded {
    private ZeroPadded() {}

    static String of(long value, int width) {
        if (value < 0) return String.format(Locale.ROOT, "%0" + width + "d", value);   // never in a name; kept exact
        String digits = Long.toString(value);
        if (digits.length() >= width) return digits;
        return "0".repeat(width - digits.length()) + digits;
    }
}
