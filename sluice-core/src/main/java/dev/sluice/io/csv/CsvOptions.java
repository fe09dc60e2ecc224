package dev.sluice.io.csv;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.json.ParseMode;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The CSV reader's and writer's options, by Spark's names (keys ignore case), parsed once. Defaults are
 * Spark's, and they differ between reading and writing where Spark's do: whitespace around unquoted values
 * is kept when reading and trimmed when writing; an empty string reads as {@code emptyValue} (default: the
 * empty string, which then equals the default {@code nullValue} and reads as NULL) and is written as {@code ""}.
 */
public final class CsvOptions {
    /** Option keys (lower case) the CSV reader understands. */
    public static final Set<String> READ_KEYS = Set.of("header", "sep", "delimiter", "quote", "escape", "comment",
            "nullvalue", "emptyvalue", "nanvalue", "positiveinf", "negativeinf", "inferschema", "inferencesamplesize",
            "samplingratio", "enforceschema", "dateformat", "timestampformat", "timezone", "multiline", "mode",
            "columnnameofcorruptrecord", "encoding", "charset", "ignoreleadingwhitespace", "ignoretrailingwhitespace",
            "linesep", "recursivefilelookup", "prefersdate", "pathglobfilter");
    /** Spark's CSV reader options accepted with no effect (documented): inference reads the first records instead; quoteAll and escapeQuotes only matter when writing. */
    public static final Set<String> READ_KEYS_WITHOUT_EFFECT = Set.of("samplingratio", "prefersdate", "quoteall", "escapequotes");
    /** Option keys (lower case) the CSV writer understands besides compression and maxRecordsPerFile. */
    public static final Set<String> WRITE_KEYS = Set.of("header", "sep", "delimiter", "quote", "escape", "quoteall",
            "escapequotes", "nullvalue", "emptyvalue", "dateformat", "timestampformat", "timezone", "encoding", "charset",
            "linesep", "ignoreleadingwhitespace", "ignoretrailingwhitespace");

    private final Map<String, String> values;
    private final boolean forWriting;

    private CsvOptions(Map<String, String> raw, boolean forWriting) {
        TreeMap<String, String> normalized = new TreeMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) normalized.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
        this.values = Collections.unmodifiableMap(normalized);
        this.forWriting = forWriting;
        // fail on bad values when the DataFrame (or writer) is built, not in the middle of an action
        separator();
        quote();
        escape();
        comment();
        charset();
        zone();
        lineSep();
        if (!forWriting) mode();
        for (String flag : new String[] {"header", "inferSchema", "enforceSchema", "multiLine", "ignoreLeadingWhiteSpace",
                "ignoreTrailingWhiteSpace", "quoteAll", "escapeQuotes"}) {
            flag(flag, false);
        }
    }

    public static CsvOptions forReading(Map<String, String> options) { return new CsvOptions(options, false); }

    public static CsvOptions forWriting(Map<String, String> options) { return new CsvOptions(options, true); }

    public String get(String key, String defaultValue) { return values.getOrDefault(key.toLowerCase(Locale.ROOT), defaultValue); }

    public Map<String, String> values() { return values; }

    /** The field separator ({@code sep} or {@code delimiter}), one or more characters; {@code \t} may be written escaped. */
    public String separator() {
        String raw = get("sep", get("delimiter", ","));
        String sep;
        switch (raw) {
            case "\\t": sep = "\t"; break;
            case "\\u0000": sep = "\u0000"; break;
            default: sep = raw;
        }
        if (sep.isEmpty()) throw invalid("sep", raw, "the separator cannot be empty");
        if (sep.equals("\\")) throw invalid("sep", raw, "a single backslash is not a separator; use \\\\ for a literal one");
        if (sep.equals("\\\\")) sep = "\\";
        return sep;
    }

    /** The quote character, or {@code 0} for none (an empty {@code quote} option switches quoting off, as in Spark). */
    public char quote() { return singleChar("quote", "\"", true); }

    /** The character that escapes a quote (or itself) inside a quoted value; Spark's default is a backslash. */
    public char escape() { return singleChar("escape", "\\", true); }

    /** Lines starting with this character are skipped; {@code 0} (the default) for none. */
    public char comment() { return singleChar("comment", "", true); }

    private char singleChar(String key, String defaultValue, boolean emptyMeansNone) {
        String v = get(key, defaultValue);
        if (v.isEmpty() && emptyMeansNone) return 0;
        if (v.length() != 1) throw invalid(key, v, "it must be a single character");
        return v.charAt(0);
    }

    public boolean header() { return flag("header", false); }

    public boolean inferSchema() { return flag("inferSchema", false); }

    /**
     * Spark's {@code enforceSchema} (default true): the schema's columns are read by position whatever the header
     * says. With false, each file's header must name the schema's columns in order (ignoring case), or the read
     * fails with CSV_HEADER_MISMATCH, as Spark does.
     */
    public boolean enforceSchema() { return flag("enforceSchema", true); }

    public boolean multiLine() { return flag("multiLine", false); }

    public String nullValue() { return get("nullValue", ""); }

    /** What a quoted empty string reads as, or what an empty string is written as (Spark writes {@code ""}). */
    public String emptyValue() { return get("emptyValue", forWriting ? "\"\"" : ""); }

    public String nanValue() { return get("nanValue", "NaN"); }

    public String positiveInf() { return get("positiveInf", "Inf"); }

    public String negativeInf() { return get("negativeInf", "-Inf"); }

    public boolean ignoreLeadingWhiteSpace() { return flag("ignoreLeadingWhiteSpace", forWriting); }

    public boolean ignoreTrailingWhiteSpace() { return flag("ignoreTrailingWhiteSpace", forWriting); }

    public boolean quoteAll() { return flag("quoteAll", false); }

    public boolean escapeQuotes() { return flag("escapeQuotes", true); }

    public String columnNameOfCorruptRecord() { return get("columnNameOfCorruptRecord", "_corrupt_record"); }

    /** The line separator: null means any of {@code \n}, {@code \r\n} (and a lone {@code \r} in multiLine) when reading, {@code \n} when writing. */
    public String lineSep() {
        String v = get("lineSep", null);
        if (v == null) return null;
        if (v.isEmpty()) throw invalid("lineSep", v, "it cannot be empty");
        if (v.length() > 2) throw invalid("lineSep", v, "it must be one or two characters");
        return v;
    }

    public ParseMode mode() {
        String m = get("mode", "PERMISSIVE");
        try {
            return ParseMode.valueOf(m.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("mode", m, "use PERMISSIVE, DROPMALFORMED or FAILFAST");
        }
    }

    /** {@code encoding} or {@code charset}; UTF-8 by default. Any charset Java knows (Spark accepts fewer). */
    public Charset charset() {
        String name = get("encoding", get("charset", null));
        if (name == null) return StandardCharsets.UTF_8;
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw invalid("encoding", name, "not a character set Java knows (UTF-8, ISO-8859-1, UTF-16, windows-1252, ...)");
        }
    }

    /** The zone of timestamps without one, and of timestamps written: option {@code timeZone}, default the session zone. */
    public ZoneId zone() {
        String tz = get("timeZone", null);
        if (tz == null) return dev.sluice.types.SessionZone.current();
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw invalid("timeZone", tz, "not a time zone id");
        }
    }

    public boolean flag(String key, boolean defaultValue) {
        String v = get(key, null);
        if (v == null) return defaultValue;
        if (v.equalsIgnoreCase("true")) return true;
        if (v.equalsIgnoreCase("false")) return false;
        throw invalid(key, v, "use true or false");
    }

    static SluiceException invalid(String option, String value, String reason) {
        return SluiceException.of(ErrorCode.INVALID_OPTION).with("option", option).with("value", "'" + value + "'")
                .with("reason", reason).build();
    }

    @Override public String toString() { return values.toString(); }
}
