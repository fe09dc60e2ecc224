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

    /** Options of the JSON reader (lower case) that Sluice honours; the file-source ones are in {@code io.OptionCheck}. */
    public static final java.util.Set<String> READ_KEYS = java.util.Set.of("mode", "columnnameofcorruptrecord",
            "allowcomments", "allowunquotedfieldnames", "allowsinglequotes", "allownumericleadingzeros",
            "allownonnumericnumbers", "allowbackslashescapinganycharacter", "allowunquotedcontrolchars",
            "dateformat", "timestampformat", "timezone", "primitivesasstring", "prefersdecimal", "dropfieldifallnull",
            "multiline", "linesep", "encoding", "charset", "maxnestingdepth", "maxstringlen", "maxnumlen");
    /** Spark's JSON reader options accepted with no effect (documented): Sluice samples the first records instead. */
    public static final java.util.Set<String> READ_KEYS_WITHOUT_EFFECT = java.util.Set.of("samplingratio");
    /** Options of the JSON writer (lower case) besides compression and maxRecordsPerFile. */
    public static final java.util.Set<String> WRITE_KEYS = java.util.Set.of("ignorenullfields", "linesep", "dateformat",
            "timestampformat", "timezone", "encoding", "charset");

    /**
     * Checks every value a reader uses, so a bad one fails when the DataFrame is built: booleans are true or
     * false, {@code mode} is a parse mode, {@code samplingRatio} is in (0, 1], the encoding is UTF-8 (the only
     * one the JSON reader decodes) and {@code lineSep} is a newline (records end at {@code \n} or {@code \r\n}).
     */
    public JsonOptions validateForReading() {
        mode();
        for (String key : java.util.List.of("allowComments", "allowUnquotedFieldNames", "allowSingleQuotes",
                "allowNumericLeadingZeros", "allowNonNumericNumbers", "allowBackslashEscapingAnyCharacter",
                "allowUnquotedControlChars", "primitivesAsString", "prefersDecimal", "dropFieldIfAllNull", "multiLine")) {
            flag(key, false);
        }
        String ratio = get("samplingRatio", null);
        if (ratio != null) {
            double r;
            try {
                r = Double.parseDouble(ratio.trim());
            } catch (NumberFormatException e) {
                r = Double.NaN;
            }
            if (!(r > 0 && r <= 1)) throw invalid("samplingRatio", ratio, "it must be a number in (0, 1]");
        }
        utf8Only();
        JsonLimits.constraints(this);
        String sep = get("lineSep", null);
        if (sep != null && !sep.equals("\n") && !sep.equals("\r\n")) {
            throw invalid("lineSep", sep, "the JSON reader ends records at \\n or \\r\\n only; "
                    + "read the file as text with lineSep and parse it with from_json");
        }
        return this;
    }

    /** Options of {@code from_json} (lower case): the parsing options of the reader, without the file ones. */
    public static final java.util.Set<String> FROM_JSON_KEYS = java.util.Set.of("mode", "columnnameofcorruptrecord",
            "allowcomments", "allowunquotedfieldnames", "allowsinglequotes", "allownumericleadingzeros",
            "allownonnumericnumbers", "allowbackslashescapinganycharacter", "allowunquotedcontrolchars",
            "dateformat", "timestampformat", "timezone", "maxnestingdepth", "maxstringlen", "maxnumlen");

    /**
     * Checks {@code from_json}'s options when the column is built: an unknown key or a bad value is INVALID_OPTION
     * (Spark ignores unknown keys); the mode is PERMISSIVE or FAILFAST, as Spark's from_json allows.
     */
    public JsonOptions validateForFromJson() {
        for (String key : values.keySet()) {
            if (!FROM_JSON_KEYS.contains(key)) {
                throw invalid(key, values.get(key), "from_json has no such option; accepted: "
                        + String.join(", ", new java.util.TreeSet<>(FROM_JSON_KEYS)));
            }
        }
        if (mode() == ParseMode.DROPMALFORMED) {
            throw invalid("mode", get("mode", ""), "from_json supports PERMISSIVE and FAILFAST, as in Spark");
        }
        for (String key : java.util.List.of("allowComments", "allowUnquotedFieldNames", "allowSingleQuotes",
                "allowNumericLeadingZeros", "allowNonNumericNumbers", "allowBackslashEscapingAnyCharacter",
                "allowUnquotedControlChars")) {
            flag(key, false);
        }
        JsonLimits.constraints(this);
        return this;
    }

    /** Checks the values a writer uses (see {@link #validateForReading}). */
    public JsonOptions validateForWriting() {
        flag("ignoreNullFields", true);
        utf8Only();
        String sep = get("lineSep", null);
        if (sep != null && sep.isEmpty()) throw invalid("lineSep", sep, "the line separator cannot be empty");
        return this;
    }

    private void utf8Only() {
        String enc = get("encoding", get("charset", null));
        if (enc != null && !enc.replace("-", "").equalsIgnoreCase("utf8")) {
            throw invalid(values.containsKey("encoding") ? "encoding" : "charset", enc,
                    "JSON is read and written as UTF-8 only; convert the file, or read it as CSV/text with an encoding");
        }
    }

    /** A positive whole-number option (a limit), or {@code defaultValue}; anything else is INVALID_OPTION. */
    public int positiveInt(String key, int defaultValue) {
        String v = get(key, null);
        if (v == null) return defaultValue;
        try {
            int n = Integer.parseInt(v.trim());
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalid(key, v, "it must be a positive whole number");
    }

    /** Whether each file is one JSON value (a record, or an array of records) rather than one record per line. */
    public boolean multiLine() { return flag("multiLine", false); }

    private static SluiceException invalid(String option, String value, String reason) {
        return SluiceException.of(ErrorCode.INVALID_OPTION).with("option", option).with("value", "'" + value + "'")
                .with("reason", reason).build();
    }

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

    /** The generated equality written out, sparing the planning its bootstrap (docs/design.md, "The main thread
     * before a query's first task"). */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof JsonOptions that
                && java.util.Objects.equals(values, that.values);
    }
}
