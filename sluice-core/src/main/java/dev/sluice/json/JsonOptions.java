package dev.sluice.json;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Options of from_json, to_json and the JSON Lines reader and writer, by Spark's names (case-insensitive
 * keys). Only the options Sluice understands are accepted; anything else is an INVALID_OPTION error.
 */
public record JsonOptions(Map<String, String> values) {
    public static final JsonOptions DEFAULT = new JsonOptions(Map.of());

    public JsonOptions {
        TreeMap<String, String> normalized = new TreeMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) normalized.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
        values = java.util.Collections.unmodifiableMap(normalized);
    }

    public static JsonOptions of(Map<String, String> values) { return new JsonOptions(values); }

    public String get(String key, String defaultValue) {
        return values.getOrDefault(key.toLowerCase(Locale.ROOT), defaultValue);
    }

    /** PERMISSIVE (default), DROPMALFORMED or FAILFAST. */
    public ParseMode mode() {
        String m = get("mode", "PERMISSIVE");
        try {
            return ParseMode.valueOf(m.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SluiceException.of(ErrorCode.INVALID_OPTION).with("option", "mode").with("value", m)
                    .with("reason", "use PERMISSIVE, DROPMALFORMED or FAILFAST").build();
        }
    }

    /** The name of the column that receives malformed records' text, Spark's default {@code _corrupt_record}. */
    public String columnNameOfCorruptRecord() { return get("columnNameOfCorruptRecord", "_corrupt_record"); }

    /** A boolean option ({@code true} / {@code false}, any case); anything else is an INVALID_OPTION error. */
    public boolean flag(String key, boolean defaultValue) {
        String v = get(key, null);
        if (v == null) return defaultValue;
        if (v.equalsIgnoreCase("true")) return true;
        if (v.equalsIgnoreCase("false")) return false;
        throw SluiceException.of(ErrorCode.INVALID_OPTION).with("option", key).with("value", "'" + v + "'")
                .with("reason", "use true or false").build();
    }

    /** Writers: omit NULL struct fields (Spark's default) instead of writing {@code "f":null}. */
    public boolean ignoreNullFields() { return flag("ignoreNullFields", true); }

    /** Readers: accept NaN, Infinity, -Infinity (bare tokens and, for float/double, strings). Spark default true. */
    public boolean allowNonNumericNumbers() { return flag("allowNonNumericNumbers", true); }

    /** Inference: every primitive value is inferred as STRING. */
    public boolean primitivesAsString() { return flag("primitivesAsString", false); }

    /** Inference: floating-point numbers (and numeric strings) are inferred as DECIMAL when they fit. */
    public boolean prefersDecimal() { return flag("prefersDecimal", false); }

    /** Inference: fields that are NULL (or empty arrays/structs) in every record are left out. */
    public boolean dropFieldIfAllNull() { return flag("dropFieldIfAllNull", false); }

    @Override public String toString() { return values.toString(); }
}
