package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a reader's or writer's option names before anything runs: an option Sluice does not know is refused
 * with INVALID_OPTION naming it, the closest accepted name and every accepted name, never accepted and
 * ignored. Keys ignore case, as Spark's do. Values are checked by each format's option parser.
 */
public final class OptionCheck {
    /** File-source options every format honours (see {@link FileListing}, {@link FailureTolerantReader}). */
    public static final Set<String> COMMON_READ = Set.of("recursivefilelookup", "ignorecorruptfiles", "ignoremissingfiles",
            "pathglobfilter", "inferencesamplesize");
    /** File-sink options every format honours (see {@link FileSinkOptions}). */
    public static final Set<String> COMMON_WRITE = Set.of("compression", "codec", "maxrecordsperfile", "partitionoverwritemode");

    private OptionCheck() {}

    /** Refuses unknown keys of a read with {@code format}; then checks the values of the common options. */
    public static void read(FileFormat format, Map<String, String> options) {
        Set<String> accepted = new TreeSet<>(COMMON_READ);
        accepted.addAll(format.readOptions());
        accepted.addAll(format.readOptionsWithoutEffect());
        keys("the " + format.name() + " reader", options, accepted);
        for (Map.Entry<String, String> e : options.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            switch (key) {
                case "recursivefilelookup", "ignorecorruptfiles", "ignoremissingfiles" -> flag(e.getKey(), e.getValue());
                case "inferencesamplesize" -> nonNegativeInt(e.getKey(), e.getValue());
                case "pathglobfilter" -> ListingOptions.fileNameGlob(e.getKey(), e.getValue());
                default -> { }
            }
        }
    }

    /** Refuses unknown keys of a write with {@code format}, when the format declares its write options. */
    public static void write(FileFormat format, Map<String, String> options) {
        Set<String> own = format.writeOptions();
        if (own == null) return;
        Set<String> accepted = new TreeSet<>(COMMON_WRITE);
        accepted.addAll(own);
        keys("the " + format.name() + " writer", options, accepted);
    }

    /** Refuses a key not in {@code accepted} (lower case). */
    public static void keys(String what, Map<String, String> options, Set<String> accepted) {
        for (String key : options.keySet()) {
            String lower = key.toLowerCase(Locale.ROOT);
            if (accepted.contains(lower)) continue;
            String closest = closest(lower, accepted);
            throw SluiceException.of(ErrorCode.INVALID_OPTION).with("option", key).with("value", "'" + options.get(key) + "'")
                    .with("reason", what + " has no such option" + (closest == null ? "" : "; did you mean " + closest + "?")
                            + " Accepted options: " + String.join(", ", new TreeSet<>(accepted)))
                    .build();
        }
    }

    /** A boolean option's value: true or false in any case; anything else is INVALID_OPTION. */
    public static boolean flag(String key, String value) {
        if (value.equalsIgnoreCase("true")) return true;
        if (value.equalsIgnoreCase("false")) return false;
        throw invalid(key, value, "use true or false");
    }

    /** The value of boolean option {@code key} in {@code options} (any key case), or {@code defaultValue}. */
    public static boolean flag(Map<String, String> options, String key, boolean defaultValue) {
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) return flag(e.getKey(), e.getValue());
        }
        return defaultValue;
    }

    private static int nonNegativeInt(String key, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0) return n;
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalid(key, value, "it must be a whole number of records, 0 for all");
    }

    static SluiceException invalid(String option, String value, String reason) {
        return SluiceException.of(ErrorCode.INVALID_OPTION).with("option", option).with("value", "'" + value + "'")
                .with("reason", reason).build();
    }

    private static String closest(String key, Set<String> accepted) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String a : accepted) {
            int d = dev.sluice.error.EditDistance.between(key, a);
            if (d < bestDistance) {
                bestDistance = d;
                best = a;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 3) ? best : null;
    }
}
