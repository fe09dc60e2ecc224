package dev.sluice.io.text;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.Compression;
import dev.sluice.io.DecompressionErrors;
import dev.sluice.io.FileSplit;
import dev.sluice.io.LineReader;
import dev.sluice.io.Storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The lines of one split as Java strings, decoded from the file's character set. Two ways: byte ranges through
 * {@link LineReader} (Hadoop's line rule, for charsets where {@code \n} is the byte 0x0A), or a whole file
 * decoded as a character stream (UTF-16 and UTF-32, a custom line separator, multiLine records). A byte-order
 * mark at the start of a file is dropped.
 */
public abstract class TextLines implements AutoCloseable {
    /** Advances to the next line; false at the end of the split. */
    public abstract boolean next();

    /** The current line, without its terminator. */
    public abstract String line();

    /** The terminator that ended the current line ({@code \n}, {@code \r\n}, the custom separator; empty at the end of the file). */
    public abstract String terminator();

    /** {@code path:line} of the current line, for error messages. */
    public abstract String location();

    /** Whether the current line is the first of its file (a header, when the file has one). */
    public abstract boolean atFileStart();

    public abstract long bytesRead();

    @Override public abstract void close();

    /** Whether {@code charset} writes {@code \n} and {@code \r} as the single ASCII bytes, so byte ranges can be cut at newlines. */
    public static boolean newlineIsOneByte(Charset charset) {
        return charset.canEncode() && "\n".getBytes(charset).length == 1 && "\n".getBytes(charset)[0] == '\n'
                && "\r".getBytes(charset).length == 1 && "a".getBytes(charset).length == 1;
    }

    /** Byte-range lines of {@code split} (splittable input, a charset where newline is one byte, default separators). */
    public static TextLines ofSplit(Storage storage, FileSplit split, Charset charset) {
        return new SplitLines(LineReader.open(storage, split), charset);
    }

    /** Every line of a whole file, split at {@code lineSep} or (null) at {@code \n} and {@code \r\n}. */
    public static TextLines ofFile(Storage storage, String path, Charset charset, String lineSep) {
        return new StreamLines(storage, path, charset, lineSep);
    }

    private static final class SplitLines extends TextLines {
        private final LineReader lines;
        private final Charset charset;
        private final boolean utf8;
        private String line;

        SplitLines(LineReader lines, Charset charset) {
            this.lines = lines;
            this.charset = charset;
            this.utf8 = charset.equals(StandardCharsets.UTF_8);
        }

        @Override public boolean next() {
            if (!lines.next()) return false;
            line = new String(lines.buffer(), lines.offset(), lines.length(), charset);
            if (utf8 && lines.lineOffsetInFile() == 0 && !line.isEmpty() && line.charAt(0) == '\uFEFF') line = line.substring(1);
            return true;
        }

        @Override public String line() { return line; }

        @Override public String terminator() { return "\n"; }

        @Override public String location() { return lines.location(); }

        @Override public boolean atFileStart() { return lines.lineOffsetInFile() == 0; }

        @Override public long bytesRead() { return lines.bytesRead(); }

        @Override public void close() { lines.close(); }
    }

    private static final class StreamLines extends TextLines {
        private final String path;
        private final String lineSep;
        private final CountingInput counted;
        private final Reader reader;
        private final char[] buf = new char[64 * 1024];
        private final StringBuilder sb = new StringBuilder();
        private int pos;
        private int limit;
        private boolean eof;
        private boolean closed;
        private String line;
        private String terminator = "";
        private long lineNumber;       // of the current line
        private long nextLineNumber = 1;

        StreamLines(Storage storage, String path, Charset charset, String lineSep) {
            this.path = path;
            this.lineSep = lineSep;
            InputStream raw = storage.open(path);
            try {
                this.counted = new CountingInput(raw);
                this.reader = new InputStreamReader(Compression.forPath(path).decompress(counted), charset);
            } catch (IOException e) {
                try {
                    raw.close();
                } catch (IOException ignored) {
                    // already failing with a better error
                }
                throw ioError(path, e);
            }
        }

        @Override public boolean next() {
            if (closed) return false;
            sb.setLength(0);
            boolean any = false;
            while (true) {
                if (pos == limit && !fill()) {
                    if (!any && sb.length() == 0) return false;
                    return emit("");
                }
                any = true;
                char c = buf[pos++];
                if (lineSep == null) {
                    if (c == '\n') {
                        if (sb.length() > 0 && sb.charAt(sb.length() - 1) == '\r') {
                            sb.setLength(sb.length() - 1);
                            return emit("\r\n");
                        }
                        return emit("\n");
                    }
                    sb.append(c);
                } else {
                    sb.append(c);
                    int k = lineSep.length();
                    if (c == lineSep.charAt(k - 1) && sb.length() >= k && sb.lastIndexOf(lineSep) == sb.length() - k) {
                        sb.setLength(sb.length() - k);
                        return emit(lineSep);
                    }
                }
            }
        }

        private boolean emit(String term) {
            line = sb.toString();
            if (nextLineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') line = line.substring(1);
            terminator = term;
            lineNumber = nextLineNumber;
            for (int i = 0; i < line.length(); i++) if (line.charAt(i) == '\n') nextLineNumber++;
            if (!term.isEmpty()) nextLineNumber++;
            return true;
        }

        private boolean fill() {
            if (eof) return false;
            try {
                int n;
                do {
                    n = reader.read(buf, 0, buf.length);
                } while (n == 0);
                if (n < 0) {
                    eof = true;
                    return false;
                }
                pos = 0;
                limit = n;
                return true;
            } catch (IOException e) {
                throw DecompressionErrors.of(path, e, nextLineNumber - 1);
            }
        }

        @Override public String line() { return line; }

        @Override public String terminator() { return terminator; }

        @Override public String location() { return path + ":" + lineNumber; }

        @Override public boolean atFileStart() { return lineNumber == 1; }

        @Override public long bytesRead() { return counted.count; }

        @Override public void close() {
            if (closed) return;
            closed = true;
            try {
                reader.close();
            } catch (IOException e) {
                throw ioError(path, e);
            }
        }
    }

    public static SluiceException ioError(String path, IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return SluiceException.of(ErrorCode.IO_ERROR).with("path", path).with("reason", reason).cause(e).build();
    }

    private static final class CountingInput extends FilterInputStream {
        long count;

        CountingInput(InputStream in) { super(in); }

        @Override public int read() throws IOException {
            int b = in.read();
            if (b >= 0) count++;
            return b;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
