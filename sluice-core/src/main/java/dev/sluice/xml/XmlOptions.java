package dev.sluice.xml;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.json.ParseMode;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Options of the XML reader and writer and of the XML functions, by Spark's names (case-insensitive keys), with
 * Spark 4.1's defaults. Only the options Sluice honours are accepted; anything else is INVALID_OPTION.
 */
public record XmlOptions(Map<String, String> values) {
    public static final XmlOptions DEFAULT = new XmlOptions(Map.of());

    /** Options of the XML file reader (lower case) that Sluice honours; the file-source ones are in {@code io.OptionCheck}. */
    public static final Set<String> READ_KEYS = Set.of("rowtag", "mode", "columnnameofcorruptrecord", "attributeprefix",
            "valuetag", "excludeattribute", "ignoresurroundingspaces", "ignorenamespace", "nullvalue", "inferschema",
            "preferdate", "dateformat", "timestampformat", "timezone", "encoding", "charset", "wildcardcolname",
            "multiline", "rowvalidationxsdpath");
    /** Spark's XML reader options accepted with no effect (documented): Sluice samples the first records instead. */
    public static final Set<String> READ_KEYS_WITHOUT_EFFECT = Set.of("samplingratio");
    /** Options of the XML writer (lower case) besides compression and maxRecordsPerFile. */
    public static final Set<String> WRITE_KEYS = Set.of("rowtag", "roottag", "declaration", "arrayelementname",
            "attributeprefix", "valuetag", "nullvalue", "dateformat", "timestampformat", "timezone", "encoding", "charset");
    /** Options of from_xml and schema_of_xml (lower case). */
    public static final Set<String> FUNCTION_READ_KEYS = Set.of("mode", "columnnameofcorruptrecord", "attributeprefix",
            "valuetag", "excludeattribute", "ignoresurroundingspaces", "ignorenamespace", "nullvalue", "preferdate",
            "dateformat", "timestampformat", "timezone", "wildcardcolname", "rowtag");
    /** Options of to_xml (lower case). */
    public static final Set<String> FUNCTION_WRITE_KEYS = Set.of("rowtag", "arrayelementname", "attributeprefix",
            "valuetag", "nullvalue", "dateformat", "timestampformat", "timezone");

    public XmlOptions {
        TreeMap<String, String> normalized = new TreeMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) normalized.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
        values = Collections.unmodifiableMap(normalized);
    }

    public static XmlOptions of(Map<String, String> values) { return new XmlOptions(values); }

    /** Checks the values a file reader uses, so a bad one fails when the DataFrame is built. */
    public XmlOptions validateForReading() {
        String tag = get("rowTag", null);
        if (tag == null) {
            throw SluiceException.of(ErrorCode.INVALID_OPTION).with("option", "rowTag").with("value", "(missing)")
                    .with("reason", "the XML reader needs the element that holds one row, e.g. option(\"rowTag\", \"book\")").build();
        }
        checkTag("rowTag", tag);
        if (get("rowValidationXSDPath", null) != null) {
            throw invalid("rowValidationXSDPath", get("rowValidationXSDPath", ""),
                    "XSD validation of rows is not supported by Sluice; validate the files beforehand or read without it");
        }
        if (!flag("multiLine", true)) {
            throw invalid("multiLine", get("multiLine", ""), "the XML reader finds records by rowTag across lines; only true is supported");
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
        readCharset();
        return validateParsing();
    }

    /** Checks the parsing options shared by the reader and from_xml. */
    public XmlOptions validateParsing() {
        mode();
        for (String key : List.of("excludeAttribute", "ignoreSurroundingSpaces", "ignoreNamespace", "inferSchema", "preferDate")) {
            flag(key, false);
        }
        if (valueTag().isEmpty()) throw invalid("valueTag", "", "the value tag cannot be empty");
        if (valueTag().equals(attributePrefix())) throw invalid("valueTag", valueTag(), "valueTag and attributePrefix must differ");
        dateTimes();
        return this;
    }

    /** Checks the values a file writer uses. */
    public XmlOptions validateForWriting() {
        checkTag("rowTag", rowTag());
        checkTag("rootTag", rootTag());
        String declaration = declaration();
        if (declaration.startsWith("<") || declaration.endsWith(">") || declaration.contains("?>")) {
            throw invalid("declaration", declaration, "give the declaration's content only, without <? and ?>");
        }
        return validateGenerating();
    }

    /** Checks the options shared by the writer and to_xml. */
    public XmlOptions validateGenerating() {
        if (attributePrefix().isEmpty()) throw invalid("attributePrefix", "", "writing XML needs a non-empty attribute prefix");
        if (valueTag().isEmpty()) throw invalid("valueTag", "", "the value tag cannot be empty");
        if (arrayElementName().isEmpty()) throw invalid("arrayElementName", "", "the array element name cannot be empty");
        writeCharset();
        dateTimes();
        return this;
    }

    /** Refuses keys outside {@code accepted} for a function. */
    public XmlOptions onlyKeys(String what, Set<String> accepted) {
        for (String key : values.keySet()) {
            if (!accepted.contains(key)) {
                throw invalid(key, values.get(key), what + " has no such option; accepted: " + String.join(", ", new TreeSet<>(accepted)));
            }
        }
        return this;
    }

    private static void checkTag(String option, String tag) {
        if (tag.isEmpty()) throw invalid(option, tag, "the tag cannot be empty");
        if (tag.startsWith("<") || tag.endsWith(">")) throw invalid(option, tag, "give the tag name without angle brackets");
    }

    public String get(String key, String defaultValue) { return values.getOrDefault(key.toLowerCase(Locale.ROOT), defaultValue); }

    /** A boolean option ({@code true} / {@code false}, any case); anything else is an INVALID_OPTION error. */
    public boolean flag(String key, boolean defaultValue) {
        String v = get(key, null);
        if (v == null) return defaultValue;
        if (v.equalsIgnoreCase("true")) return true;
        if (v.equalsIgnoreCase("false")) return false;
        throw invalid(key, v, "use true or false");
    }

    /** PERMISSIVE (default), DROPMALFORMED or FAILFAST. */
    public ParseMode mode() {
        String m = get("mode", "PERMISSIVE");
        try {
            return ParseMode.valueOf(m.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("mode", m, "use PERMISSIVE, DROPMALFORMED or FAILFAST");
        }
    }

    public String rowTag() { return get("rowTag", "ROW"); }

    public String rootTag() { return get("rootTag", "ROWS"); }

    public String declaration() { return get("declaration", "version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\""); }

    public String arrayElementName() { return get("arrayElementName", "item"); }

    public String attributePrefix() { return get("attributePrefix", "_"); }

    public String valueTag() { return get("valueTag", "_VALUE"); }

    public String columnNameOfCorruptRecord() { return get("columnNameOfCorruptRecord", "_corrupt_record"); }

    public String wildcardColName() { return get("wildcardColName", "xs_any"); }

    /** The text that stands for NULL, or null (Spark's default: no such text). */
    public String nullValue() { return get("nullValue", null); }

    public boolean excludeAttribute() { return flag("excludeAttribute", false); }

    /** Spark 4.1's default is true: values are trimmed. */
    public boolean ignoreSurroundingSpaces() { return flag("ignoreSurroundingSpaces", true); }

    public boolean ignoreNamespace() { return flag("ignoreNamespace", false); }

    public boolean inferSchema() { return flag("inferSchema", true); }

    public boolean preferDate() { return flag("preferDate", true); }

    /** Date and timestamp text, with the dateFormat, timestampFormat and timeZone options. */
    public dev.sluice.json.JsonDateTimes dateTimes() {
        Map<String, String> m = new TreeMap<>();
        for (String k : List.of("dateFormat", "timestampFormat", "timeZone")) {
            String v = get(k, null);
            if (v != null) m.put(k, v);
        }
        return dev.sluice.json.JsonDateTimes.of(dev.sluice.json.JsonOptions.of(m));
    }

    /**
     * The charset files are read in. The reader finds records by their ASCII tags in the bytes, so only charsets
     * that encode ASCII as single bytes are accepted (UTF-8, ISO-8859-*, windows-125*, US-ASCII).
     */
    public Charset readCharset() {
        Charset cs = charset();
        if (cs.equals(StandardCharsets.UTF_8) || cs.newEncoder().maxBytesPerChar() == 1.0f && asciiCompatible(cs)) return cs;
        throw invalid(charsetKey(), cs.name(), "the XML reader supports UTF-8 and single-byte ASCII-compatible charsets "
                + "(ISO-8859-1, windows-1252, US-ASCII...); convert the files to UTF-8");
    }

    /** The charset files are written in (characters it cannot encode fail the write). */
    public Charset writeCharset() { return charset(); }

    private Charset charset() {
        String name = get("encoding", get("charset", "UTF-8"));
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw invalid(charsetKey(), name, "not a charset this JVM knows");
        }
    }

    private String charsetKey() { return values.containsKey("encoding") ? "encoding" : "charset"; }

    private static boolean asciiCompatible(Charset cs) {
        StringBuilder ascii = new StringBuilder();
        for (char c = 0x20; c < 0x7f; c++) ascii.append(c);
        return java.util.Arrays.equals(ascii.toString().getBytes(cs), ascii.toString().getBytes(StandardCharsets.US_ASCII));
    }

    static SluiceException invalid(String option, String value, String reason) {
        return SluiceException.of(ErrorCode.INVALID_OPTION).with("option", option).with("value", "'" + value + "'")
                .with("reason", reason).build();
    }

    @Override public String toString() { return values.toString(); }
}
