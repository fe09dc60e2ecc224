package dev.sluice.cli;

import java.util.Locale;

/** How the CLI prints counts, sizes and durations: the same on every machine (no default locale). */
final class Format {
    private Format() {}

    /** 1234567 as "1,234,567". */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Bytes in binary units with one decimal: "512 B", "1.5 KiB", "381.5 MiB", "3.8 GiB". */
    static String bytes(long n) {
        if (n < 1024) return n + " B";
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = n;
        int unit = -1;
        while (v >= 1024 && unit < units.length - 1) {
            v /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[unit]);
    }

    /** Nanoseconds as seconds with two decimals: "2.31 s". */
    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
