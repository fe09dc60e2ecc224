package dev.sluice.cli;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A growable-free byte buffer for writing ASCII text fast: numbers are written as digits straight into the
 * array, with no intermediate {@code String}. The owner flushes it once {@link #size()} passes a threshold,
 * so the array only needs room for one threshold plus one record.
 */
final class AsciiBuffer {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final byte[] buf;
    private int pos;

    AsciiBuffer(int capacity) {
        this.buf = new byte[capacity];
    }

    int size() { return pos; }

    byte byteAt(int index) { return buf[index]; }

    /** Forgets everything after {@code newSize}: used to rewrite or cut the record being written. */
    void truncate(int newSize) {
        if (newSize < 0 || newSize > pos) throw new IllegalArgumentException("truncate to " + newSize + " of " + pos);
        pos = newSize;
    }

    void put(byte b) { buf[pos++] = b; }

    void put(byte[] bytes) {
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    /** A non-negative long in decimal. */
    void putLong(long value) {
        if (value < 0) throw new IllegalArgumentException("negative: " + value);
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) digits++;
        int end = pos + digits;
        for (int i = end - 1; i >= pos; i--) {
            buf[i] = (byte) ('0' + (int) (value % 10));
            value /= 10;
        }
        pos = end;
    }

    /** {@code value} zero-padded to exactly {@code width} digits (the value must fit). */
    void putPadded(int value, int width) {
        for (int i = pos + width - 1; i >= pos; i--) {
            buf[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        pos += width;
    }

    /** A non-negative amount in hundredths, as a decimal with exactly two fraction digits: 1205 is "12.05". */
    void putFixed2(long hundredths) {
        putLong(hundredths / 100);
        put((byte) '.');
        putPadded((int) (hundredths % 100), 2);
    }

    /** The 64 bits of {@code value} as 16 lowercase hex digits. */
    void putHex(long value) {
        for (int shift = 60; shift >= 0; shift -= 4) {
            buf[pos++] = HEX[(int) (value >>> shift) & 0xF];
        }
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
    }
}
