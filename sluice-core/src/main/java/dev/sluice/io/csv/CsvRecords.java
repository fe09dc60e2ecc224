package dev.sluice.io.csv;

import dev.sluice.io.text.TextLines;

/**
 * The records of one split, tokenized: skips blank lines and comment lines (as Spark does), the header line
 * (only in the split that starts its file, when asked), and in multiLine mode joins the lines of a record whose
 * quoted value spans line breaks, keeping the breaks in the value.
 */
final class CsvRecords implements AutoCloseable {
    private final TextLines lines;
    private final CsvTokenizer tokenizer;
    private final boolean multiLine;
    private final char comment;
    private boolean headerPending;
    private String record;
    private String location;

    CsvRecords(TextLines lines, CsvOptions options, boolean skipHeader) {
        this.lines = lines;
        this.tokenizer = new CsvTokenizer(options);
        this.multiLine = options.multiLine();
        this.comment = options.comment();
        this.headerPending = skipHeader;
    }

    /** Tokenizes the next record, copying the fields {@code needed} says (null: all); false at the end. */
    boolean next(boolean[] needed) {
        while (lines.next()) {
            String line = lines.line();
            if (CsvTokenizer.isBlank(line) || (comment != 0 && !line.isEmpty() && line.charAt(0) == comment)) continue;
            location = lines.location();
            tokenizer.tokenize(line, headerPending ? new boolean[0] : needed);
            if (multiLine && tokenizer.endedInsideQuotes()) line = joinContinuationLines(line, needed);
            record = line;
            if (headerPending) {
                headerPending = false;
                continue;
            }
            return true;
        }
        return false;
    }

    /** The header's fields: the first record, read whole. Null when the split has no record. */
    String[] header() {
        headerPending = false;
        if (!next(null)) return null;
        String[] names = new String[tokenizer.count()];
        for (int i = 0; i < names.length; i++) names[i] = tokenizer.field(i);
        return names;
    }

    private String joinContinuationLines(String first, boolean[] needed) {
        StringBuilder sb = new StringBuilder(first);
        while (tokenizer.endedInsideQuotes()) {
            String terminator = lines.terminator();
            if (terminator.isEmpty() || !lines.next()) break;
            sb.append(terminator).append(lines.line());
            tokenizer.tokenize(sb.toString(), headerPending ? new boolean[0] : needed);
        }
        return sb.toString();
    }

    CsvTokenizer tokens() { return tokenizer; }

    /** The current record's text, without its final line terminator (what {@code _corrupt_record} holds). */
    String record() { return record; }

    /** {@code path:line} of the current record's first line. */
    String location() { return location; }

    long bytesRead() { return lines.bytesRead(); }

    @Override public void close() { lines.close(); }
}
