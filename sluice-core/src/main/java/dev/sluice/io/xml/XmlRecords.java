package dev.sluice.io.xml;

import dev.sluice.io.Compression;
import dev.sluice.io.DecompressionErrors;
import dev.sluice.io.Storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/**
 * The records of one XML file as text: decompressed by the file's extension, found by {@link XmlRecordScanner},
 * decoded strictly in the charset (bytes that are not text of it make the record malformed, and its text then
 * holds replacement characters).
 */
final class XmlRecords implements AutoCloseable {
    /** One record: its text, where it starts, and why it is malformed before parsing (null when it is not). */
    record Record(String text, String location, String malformed) {}

    private final String path;
    private final Charset charset;
    private final CountingInput counted;
    private final XmlRecordScanner scanner;

    XmlRecords(Storage storage, String path, String rowTag, Charset charset) { this(storage, path, rowTag, charset, 0, Long.MAX_VALUE); }

    /** The records of the byte range {@code [start, end)} of an uncompressed file (see {@link XmlRecordScanner}). */
    XmlRecords(Storage storage, String path, String rowTag, Charset charset, long start, long end) {
        this.path = path;
        this.charset = charset;
        dev.sluice.io.SeekableInputStream raw = storage.open(path);
        if (start > 0) {
            try {
                raw.seek(start);
            } catch (IOException e) {
                closeQuietly(raw);
                throw DecompressionErrors.of(path, e, 0);
            }
        }
        this.counted = new CountingInput(raw);
        InputStream in;
        try {
            in = Compression.forPath(path).decompress(counted);
        } catch (IOException e) {
            closeQuietly(counted);
            throw DecompressionErrors.of(path, e, 0);
        } catch (RuntimeException e) {
            closeQuietly(counted);
            throw e;
        }
        this.scanner = new XmlRecordScanner(in, rowTag, path, start, end);
    }

    /** The next record, or null at the end of the file. */
    Record next() {
        try {
            if (!scanner.next()) return null;
        } catch (IOException e) {
            throw DecompressionErrors.of(path, e, 0);
        }
        String location = scanner.line() > 0 ? path + ":" + scanner.line() + " (byte " + scanner.byteOffset() + ")"
                : path + " (byte " + scanner.byteOffset() + ")";
        ByteBuffer bytes = ByteBuffer.wrap(scanner.buffer(), scanner.offset(), scanner.length());
        String text;
        String malformed = scanner.complete() ? null : "the file ends inside this record (no closing tag)";
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            text = new String(scanner.buffer(), scanner.offset(), scanner.length(), charset);
            if (malformed == null) malformed = "the record is not valid " + charset.name() + " text (set the encoding option)";
        }
        return new Record(text, location, malformed);
    }

    /** Bytes read from storage (compressed bytes for a compressed file). */
    long bytesRead() { return counted.count; }

    @Override public void close() {
        try {
            scanner.close();
        } catch (IOException e) {
            // nothing to recover when closing a read stream
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // the open already failed
        }
    }

    /** Counts the bytes read through it. */
    private static final class CountingInput extends java.io.FilterInputStream {
        long count;

        CountingInput(InputStream in) { super(in); }

        @Override public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
