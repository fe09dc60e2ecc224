package dev.sluice.io.csv;

import java.util.Arrays;

/**
 * Splits one CSV record (a line, or several lines in multiLine mode) into fields, with the rules of the
 * univocity parser Spark uses, as observed on Spark 4.1:
 * <ul>
 *   <li>An unquoted empty field is NULL (a missing value); a quoted empty field {@code ""} is {@code emptyValue}.</li>
 *   <li>Inside quotes the escape character (default {@code \}) escapes a quote or itself; elsewhere it is an
 *       ordinary character. When escape equals quote, a doubled quote stands for one.</li>
 *   <li>A closing quote followed by anything but the separator (e.g. {@code "a""b"} with the default escape, or
 *       {@code "x" y}) makes the field the raw text up to the next separator, quotes included.</li>
 *   <li>A quote left open runs to the end of the record: the field is the rest of it ({@link #endedInsideQuotes()}).</li>
 *   <li>Whitespace (characters up to {@code ' '}) around unquoted values is kept unless
 *       ignoreLeadingWhiteSpace / ignoreTrailingWhiteSpace; quoted values keep theirs.</li>
 * </ul>
 * Fields the caller does not need are scanned but not copied. Not thread-safe: one per reader.
 */
final class CsvTokenizer {
    private final String separator;
    private final char sep0;
    private final char quote;
    private final char escape;
    private final String emptyValue;
    private final boolean trimLeading;
    private final boolean trimTrailing;
    private final StringBuilder sb = new StringBuilder();

    private String[] fields = new String[16];
    private int count;
    private boolean openQuote;

    CsvTokenizer(CsvOptions options) {
        this.separator = options.separator();
        this.sep0 = separator.charAt(0);
        this.quote = options.quote();
        this.escape = options.escape();
        this.emptyValue = options.emptyValue();
        this.trimLeading = options.ignoreLeadingWhiteSpace();
        this.trimTrailing = options.ignoreTrailingWhiteSpace();
    }

    /**
     * Splits {@code record}; afterwards {@link #count()} fields are available through {@link #field(int)}.
     * {@code needed} says which field positions to copy (null: all); others read as null.
     */
    int tokenize(String record, boolean[] needed) {
        count = 0;
        openQuote = false;
        int n = record.length();
        int pos = 0;
        while (true) {
            boolean keep = needed == null || (count < needed.length && needed[count]);
            int fieldStart = pos;
            if (trimLeading) {
                while (pos < n && record.charAt(pos) <= ' ' && !separatorAt(record, pos)) pos++;
            }
            int next;   // where the next field starts, or -1 at the end of the record
            if (quote != 0 && pos < n && record.charAt(pos) == quote) {
                next = quoted(record, fieldStart, pos + 1, keep);
            } else {
                int d = indexOfSeparator(record, pos);
                int end = d < 0 ? n : d;
                if (keep) {
                    int e = end;
                    if (trimTrailing) while (e > pos && record.charAt(e - 1) <= ' ') e--;
                    add(e == pos ? null : record.substring(pos, e));
                } else {
                    add(null);
                }
                next = d < 0 ? -1 : d + separator.length();
            }
            if (next < 0) return count;
            pos = next;
            if (pos >= n) {   // a separator at the very end: one more, empty, field
                add(null);
                return count;
            }
        }
    }

    /** Reads a quoted field whose content starts at {@code p}; returns where the next field starts, or -1. */
    private int quoted(String s, int fieldStart, int p, boolean keep) {
        int n = s.length();
        sb.setLength(0);
        while (p < n) {
            char c = s.charAt(p);
            if (c == escape && escape != quote && p + 1 < n && (s.charAt(p + 1) == quote || s.charAt(p + 1) == escape)) {
                if (keep) sb.append(s.charAt(p + 1));
                p += 2;
            } else if (c == quote) {
                if (escape == quote && p + 1 < n && s.charAt(p + 1) == quote) {
                    if (keep) sb.append(quote);
                    p += 2;
                    continue;
                }
                p++;
                int q = p;
                while (q < n && s.charAt(q) <= ' ' && !separatorAt(s, q)) q++;
                if (q >= n) {
                    add(keep ? value() : null);
                    return -1;
                }
                if (separatorAt(s, q)) {
                    add(keep ? value() : null);
                    return q + separator.length();
                }
                // text after the closing quote: the field is its raw text up to the next separator
                int d = indexOfSeparator(s, q);
                int end = d < 0 ? n : d;
                if (keep) {
                    int e = end;
                    if (trimTrailing) while (e > fieldStart && s.charAt(e - 1) <= ' ') e--;
                    add(s.substring(fieldStart, e));
                } else {
                    add(null);
                }
                return d < 0 ? -1 : d + separator.length();
            } else {
                if (keep) sb.append(c);
                p++;
            }
        }
        openQuote = true;   // no closing quote: the rest of the record is the value
        add(keep ? sb.toString() : null);
        return -1;
    }

    private String value() { return sb.length() == 0 ? emptyValue : sb.toString(); }

    private boolean separatorAt(String s, int i) {
        return s.charAt(i) == sep0 && (separator.length() == 1 || s.startsWith(separator, i));
    }

    private int indexOfSeparator(String s, int from) {
        return separator.length() == 1 ? s.indexOf(sep0, from) : s.indexOf(separator, from);
    }

    private void add(String value) {
        if (count == fields.length) fields = Arrays.copyOf(fields, count * 2);
        fields[count++] = value;
    }

    int count() { return count; }

    /** The field at {@code i}: null for an unquoted empty field (or one not asked for). */
    String field(int i) { return fields[i]; }

    /** Whether the last record ended inside an open quote (multiLine reading then takes the next line too). */
    boolean endedInsideQuotes() { return openQuote; }

    /** Whether {@code record} holds only whitespace: Spark skips such lines. */
    static boolean isBlank(String record) {
        for (int i = 0; i < record.length(); i++) if (record.charAt(i) > ' ') return false;
        return true;
    }
}
