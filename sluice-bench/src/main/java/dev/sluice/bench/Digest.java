package dev.sluice.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A short fingerprint of a query's result, {@code key=value} pairs in a fixed order, printed as
 * {@code result: rows=... sum_user_id=...} and compared across engines. Integers and booleans must be equal;
 * decimals (sums of doubles, whose last bits depend on the order of addition, which differs between engines and
 * runs) agree within a relative {@value #RELATIVE_TOLERANCE}.
 */
record Digest(Map<String, String> values) {
    static final double RELATIVE_TOLERANCE = 1e-9;

    Digest {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The locale the bench child formats numbers in: {@code Locale.US} prints what {@code Locale.ROOT} prints ('.',
     * '0', '-'), but Java's {@code Formatter} needs no {@code DecimalFormatSymbols} for it, whose first use starts
     * the CLDR locale provider (parsing every language tag it knows: ~40 C1 compiles besides the interpreted work)
     * in a child whose query needed no locale data (Q2, Q3).
     */
    static final Locale NUMBERS = Locale.US;

    static Builder builder() { return new Builder(); }

    static final class Builder {
        private final Map<String, String> values = new LinkedHashMap<>();

        Builder add(String key, long value) { return put(key, Long.toString(value)); }

        /** Twelve significant digits: enough to see a real difference, few enough to read. */
        Builder add(String key, double value) { return put(key, String.format(NUMBERS, "%.12g", value)); }

        Builder add(String key, boolean value) { return put(key, Boolean.toString(value)); }

        private Builder put(String key, String value) {
            values.put(key, value);
            return this;
        }

        Digest build() { return new Digest(values); }
    }

    /** Parses the text after {@code result: }. */
    static Digest parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : text.trim().split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("not a digest: " + text);
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return new Digest(values);
    }

    /** Same keys, equal integers and booleans, decimals within the tolerance. */
    boolean agrees(Digest other) {
        if (!values.keySet().equals(other.values.keySet())) return false;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!same(e.getValue(), other.values.get(e.getKey()))) return false;
        }
        return true;
    }

    private static boolean same(String a, String b) {
        if (a.equals(b)) return true;
        if (!(a.contains(".") || a.contains("e")) || !(b.contains(".") || b.contains("e"))) return false;
        try {
            double x = Double.parseDouble(a);
            double y = Double.parseDouble(b);
            return Math.abs(x - y) <= RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }
}
