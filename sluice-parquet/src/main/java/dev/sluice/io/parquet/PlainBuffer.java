package dev.sluice.io.parquet;

import org.apache.parquet.bytes.BytesInput;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Parquet's PLAIN encoding into one growable array: little-endian fixed-width values, byte strings as a 4-byte
 * length then the bytes. Doubles are written as {@link Double#doubleToLongBits} (one NaN), as parquet-java's
 * plain writer does. Reused page after page.
 */
final class PlainBuffer {
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] bytes;
    private int size;

    PlainBuffer(int capacity) { bytes = new byte[Math.max(16, capacity)]; }

    int size() { return size; }

    void reset() { size = 0; }

    /** The array written into: bytes {@code [0, size())} are the values (valid until the next write or reset). */
    byte[] array() { return bytes; }

    /** The little-endian int at {@code at} (a byte string's length). */
    int intAt(int at) { return (int) INTS.get(bytes, at); }

    /** A view of the bytes written (valid until the next write or reset). */
    BytesInput bytesInput() { return BytesInput.from(bytes, 0, size); }

    void writeInt(int v) {
        ensure(4);
        INTS.set(bytes, size, v);
        size += 4;
    }

    void writeLong(long v) {
        ensure(8);
        LONGS.set(bytes, size, v);
        size += 8;
    }

    void writeDouble(double v) { writeLong(Double.doubleToLongBits(v)); }

    void writeBytes(byte[] b, int offset, int length) {
        ensure(4 + length);
        INTS.set(bytes, size, length);
        System.arraycopy(b, offset, bytes, size + 4, length);
        size += 4 + length;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
}
