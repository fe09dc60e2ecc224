package dev.sluice.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import io.airlift.compress.zstd.ZstdInputStream;

/**
 * Zstandard frames (one or more, as the {@code zstd} tool writes them) through aircompressor's stream, with
 * every decoding failure turned into a {@link CorruptCompressedInput} carrying how many compressed bytes had
 * been taken from the file when it failed (the decoder reads ahead, so the damage is at or before that offset).
 */
final class ZstdFramesInputStream extends InputStream {
    private final Counting counted;
    private final ZstdInputStream zstd;

    ZstdFramesInputStream(InputStream in) {
        this.counted = new Counting(in);
        this.zstd = new ZstdInputStream(counted);
    }

    @Override public int read() throws IOException {
        try {
            return zstd.read();
        } catch (CorruptCompressedInput e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw damaged(e);
        }
    }

    @Override public int read(byte[] b, int off, int len) throws IOException {
        try {
            return zstd.read(b, off, len);
        } catch (CorruptCompressedInput e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw damaged(e);
        }
    }

    private CorruptCompressedInput damaged(Exception e) {
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        boolean truncated = counted.eof || what.toLowerCase(java.util.Locale.ROOT).contains("end of");
        return new CorruptCompressedInput(counted.count, truncated
                ? "the file ends inside a zstd frame (it is truncated): " + what
                : "damaged zstd data: " + what, e);
    }

    @Override public void close() throws IOException { zstd.close(); }

    private static final class Counting extends FilterInputStream {
        long count;
        boolean eof;

        Counting(InputStream in) { super(in); }

        @Override public int read() throws IOException {
            int b = in.read();
            if (b >= 0) count++;
            else eof = true;
            return b;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) count += n;
            else if (n < 0) eof = true;
            return n;
        }
    }
}
