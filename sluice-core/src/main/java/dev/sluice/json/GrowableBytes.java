package dev.sluice.json;

import java.io.OutputStream;
import java.util.Arrays;

/** A reusable byte buffer that is also an {@link OutputStream} (no synchronization, unlike ByteArrayOutputStream). */
final class GrowableBytes extends OutputStream {
    private byte[] data;
    private int size;

    GrowableBytes(int capacity) { data = new byte[Math.max(16, capacity)]; }

    byte[] array() { return data; }

    int size() { return size; }

    void reset() { size = 0; }

    @Override public void write(int b) {
        if (size == data.length) grow(1);
        data[size++] = (byte) b;
    }

    @Override public void write(byte[] b, int off, int len) {
        if (size + len > data.length) grow(len);
        System.arraycopy(b, off, data, size, len);
        size += len;
    }

    private void grow(int extra) {
        data = Arrays.copyOf(data, Math.max(data.length * 2, size + extra));
    }
}
