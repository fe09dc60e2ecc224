package dev.sluice.io.xml;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.BufferBudget;
import dev.sluice.io.BufferBudgetScope;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds the records of an XML file, the {@code <rowTag ...>...</rowTag>} (or {@code <rowTag .../>}) elements, in
 * its bytes, as Spark's XML reader does before parsing each one: it does not parse XML (the codec's StAX parser
 * does), it only finds where each record begins and ends. Comments, CDATA sections, processing instructions and
 * the DOCTYPE are stepped over, quoted attribute values are respected, and a row element nested in a row element
 * belongs to the outer record. Text between records is not data and is skipped. A record the file ends inside is
 * returned as it is, marked incomplete, so it is reported as malformed rather than lost. Works on the bytes of
 * any charset that encodes ASCII as single bytes (UTF-8, ISO-8859-*).
 * <p>The current record is {@code buffer()[offset(), offset() + length())}, valid until the next call.
 * <p>The buffer grows only for a record larger than itself; the growth is charged to the scan's {@link BufferBudget}
 * (the session's memory budget) together with what parsing the record takes beside it ({@link #HEAP_PER_RECORD_BYTE}),
 * so a record that does not fit fails with LIMIT_EXCEEDED naming the file, the record and the setting, before the
 * bigger buffer is allocated, never with an OutOfMemoryError.
 */
final class XmlRecordScanner implements Closeable {
    /** A record may be as large as a Java array: beyond it, the record cannot be held to be parsed. */
    static final int MAX_RECORD_BYTES = Integer.MAX_VALUE - 16;
    /**
     * Heap a record holds per byte of its text: the bytes in this buffer, the decoded string (up to two bytes a
     * character) and the element tree StAX parses it into.
     */
    static final int HEAP_PER_RECORD_BYTE = 4;
    static final int INITIAL_BUFFER = 64 * 1024;

    private static final byte[] COMMENT = bytes("<!--"), COMMENT_END = bytes("-->");
    private static final byte[] CDATA = bytes("<![CDATA["), CDATA_END = bytes("]]>");
    private static final byte[] PI = bytes("<?"), PI_END = bytes("?>");
    private static final byte[] DECL = bytes("<!");

    private final InputStream in;
    private final String path;
    private final String rowTag;
    private BufferBudget.Charge charge;   // the buffer's growth beyond its first size; opened on the first growth
    private final byte[] open;    // "<rowTag"
    private final byte[] close;   // "</rowTag"
    private byte[] buf = new byte[INITIAL_BUFFER];
    private int pos;              // next byte to look at
    private int limit;            // bytes in buf
    private boolean eof;
    private long base;            // file offset of buf[0] (of the decompressed stream)
    private int keepFrom = -1;    // start of the record being read: compaction keeps it
    private int countedTo;        // lines are counted in buf[0, countedTo)
    private long lines;           // newlines before countedTo

    private int recordStart;
    private int recordLength;
    private boolean complete;
    private long recordLine;
    private long recordOffset;

    private final long end;          // records starting at or after this offset belong to the next split
    private final boolean linesKnown;

    XmlRecordScanner(InputStream in, String rowTag, String path) { this(in, rowTag, path, 0, Long.MAX_VALUE); }

    /**
     * The records of the split {@code [start, end)} of a file, {@code in} positioned at {@code start}: those starting
     * at or after {@code start} and before {@code end}, the last one read to its end even past {@code end}. Line
     * numbers are known only when the split starts the file.
     */
    XmlRecordScanner(InputStream in, String rowTag, String path, long start, long end) {
        this.in = in;
        this.path = path;
        this.rowTag = rowTag;
        this.base = start;
        this.end = end;
        this.linesKnown = start == 0;
        this.open = bytes("<" + rowTag);
        this.close = bytes("</" + rowTag);
    }

    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    byte[] buffer() { return buf; }

    int offset() { return recordStart; }

    int length() { return recordLength; }

    /** False when the file ended inside the record. */
    boolean complete() { return complete; }

    /** The 1-based line the record starts on; 0 when unknown (a split that does not start the file). */
    long line() { return linesKnown ? recordLine : 0; }

    /** The byte offset (in the decompressed file) the record starts at. */
    long byteOffset() { return recordOffset; }

    /** Moves to the next record; false at the end of the file. */
    boolean next() throws IOException {
        keepFrom = -1;
        while (true) {
            if (!ensure(1)) return false;
            if (buf[pos] != '<') {
                pos++;
                continue;
            }
            ensure(CDATA.length);   // near the end fewer bytes are fine: the prefixes just do not match
            if (startsWith(COMMENT)) skipPast(COMMENT_END, COMMENT.length);
            else if (startsWith(CDATA)) skipPast(CDATA_END, CDATA.length);
            else if (startsWith(PI)) skipPast(PI_END, PI.length);
            else if (startsWith(DECL)) skipDeclaration();
            else if (isTag(open)) return base + pos < end && readRecord();
            else pos++;
        }
    }

    private boolean readRecord() throws IOException {
        keepFrom = pos;
        countLinesTo(pos);
        recordLine = lines + 1;
        recordOffset = base + pos;
        pos += open.length;
        int depth = 1;
        if (endOfTag()) depth = 0;   // <rowTag .../>
        while (depth > 0) {
            if (!ensure(1)) break;
            if (buf[pos] != '<') {
                pos++;
                continue;
            }
            ensure(CDATA.length);
            if (startsWith(COMMENT)) {
                if (!skipPast(COMMENT_END, COMMENT.length)) break;
            } else if (startsWith(CDATA)) {
                if (!skipPast(CDATA_END, CDATA.length)) break;
            } else if (startsWith(PI)) {
                if (!skipPast(PI_END, PI.length)) break;
            } else if (isTag(close)) {
                pos += close.length;
                if (!skipPast(new byte[] {'>'}, 0)) break;
                depth--;
            } else if (isTag(open)) {
                pos += open.length;
                if (!endOfTag()) depth++;
            } else {
                pos++;
            }
            if (eof && pos >= limit && depth > 0) break;
        }
        recordStart = keepFrom;
        recordLength = pos - keepFrom;
        complete = depth == 0;
        countedTo = Math.max(countedTo, keepFrom);
        return true;
    }

    /**
     * Steps to the end of the start tag just past its name, honouring quoted attribute values; true when the tag
     * is self-closing. At the end of the file, returns false with {@code pos} at the end.
     */
    private boolean endOfTag() throws IOException {
        byte quote = 0;
        byte previous = 0;
        while (ensure(1)) {
            byte b = buf[pos++];
            if (quote != 0) {
                if (b == quote) quote = 0;
            } else if (b == '"' || b == '\'') {
                quote = b;
            } else if (b == '>') {
                return previous == '/';
            }
            previous = b;
        }
        return false;
    }

    /** Whether {@code tag} ({@code <name} or {@code </name}) starts at pos, followed by whitespace, '>' or '/'. */
    private boolean isTag(byte[] tag) throws IOException {
        ensure(tag.length + 1);
        if (!startsWith(tag)) return false;
        if (pos + tag.length >= limit) return eof;   // "<rowTag" at the very end: an unterminated record
        byte b = buf[pos + tag.length];
        return b == '>' || b == '/' || b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    private boolean startsWith(byte[] prefix) {
        if (limit - pos < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (buf[pos + i] != prefix[i]) return false;
        return true;
    }

    /** Moves past the next {@code end} (searching from {@code skip} bytes on); false if the file ends first. */
    private boolean skipPast(byte[] end, int skip) throws IOException {
        pos += skip;
        while (true) {
            if (!ensure(end.length)) {
                pos = limit;
                return false;
            }
            if (startsWith(end)) {
                pos += end.length;
                return true;
            }
            pos++;
        }
    }

    /** {@code <!DOCTYPE ...>} or another declaration, with an internal subset in brackets. */
    private void skipDeclaration() throws IOException {
        pos += DECL.length;
        int brackets = 0;
        byte quote = 0;
        while (ensure(1)) {
            byte b = buf[pos++];
            if (quote != 0) {
                if (b == quote) quote = 0;
            } else if (b == '"' || b == '\'') {
                quote = b;
            } else if (b == '[') {
                brackets++;
            } else if (b == ']') {
                brackets--;
            } else if (b == '>' && brackets <= 0) {
                return;
            }
        }
    }

    /** Makes at least {@code n} bytes available from pos unless the file ends; false when none is left at pos. */
    private boolean ensure(int n) throws IOException {
        while (limit - pos < n && !eof) {
            int keep = keepFrom >= 0 ? keepFrom : pos;
            if (keep > 0 && limit == buf.length) {
                countLinesTo(keep);
                System.arraycopy(buf, keep, buf, 0, limit - keep);
                limit -= keep;
                pos -= keep;
                countedTo -= keep;
                base += keep;
                if (keepFrom >= 0) keepFrom = 0;
            } else if (limit == buf.length) {
                if (buf.length >= MAX_RECORD_BYTES) {
                    throw new IOException("an XML record longer than " + MAX_RECORD_BYTES + " bytes");
                }
                int size = (int) Math.min(MAX_RECORD_BYTES, buf.length * 2L);
                chargeGrowth(size - buf.length);
                buf = Arrays.copyOf(buf, size);
            }
            int read = in.read(buf, limit, buf.length - limit);
            if (read < 0) eof = true;
            else limit += read;
        }
        return limit - pos > 0;
    }

    private void countLinesTo(int to) {
        for (int i = countedTo; i < to; i++) if (buf[i] == '\n') lines++;
        if (to > countedTo) countedTo = to;
    }

    private void chargeGrowth(long more) {
        if (charge == null) charge = BufferBudgetScope.current().open("XML record buffer of " + path);
        if (charge.tryGrow(more * HEAP_PER_RECORD_BYTE)) return;
        throw SluiceException.of(ErrorCode.LIMIT_EXCEEDED)
                .with("what", "The XML record <" + rowTag + "> at " + (linesKnown ? "line " + recordLine + " (byte " + recordOffset + ")" : "byte " + recordOffset) + " of " + path
                        + " (" + limit + " bytes so far without its end, which with its parsing need about "
                        + (buf.length + more) * (long) HEAP_PER_RECORD_BYTE + " bytes)")
                .with("limit", BufferBudgetScope.current().describe())
                .with("remedy", "Raise the memory budget (Sluice.builder().memoryBudget(bytes) or -Dsluice.memory.budget) and the heap "
                        + "(-Xmx), or check the rowTag option names the elements that are the rows.")
                .build();
    }

    @Override public void close() throws IOException {
        if (charge != null) charge.close();
        in.close();
    }
}
