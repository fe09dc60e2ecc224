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

    @Override public String toString() { return values.toString(); }
}
