package dev.sluice.io.parquet;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Encoding;

import java.util.Arrays;

/**
 * The definition levels (0 null, 1 present) of a top-level optional column's page, encoded as parquet-java's
 * RLE / bit-packing hybrid encoder with bit width 1 encodes them, byte for byte and at the same moments (its
 * buffered size decides where pages are cut): values are gathered in groups of 8, a value repeated 8 times or more
 * becomes an RLE run when the value changes, other groups are bit-packed in runs of up to 63 groups. What it adds
 * is {@link #writeRepeated}: a run of equal levels (a vector without nulls) costs a few steps, not one per row.
 */
final class DefinitionLevels {
    private byte[] out = new byte[64];
    private int size;
    private final int[] buffered = new int[8];
    private int numBuffered;
    private int previous;
    private int repeatCount;
    private int groupCount;
    private int headerAt = -1;

    /** Bytes encoded so far (parquet-java's {@code getBufferedSize} of the levels writer). */
    long bufferedSize() { return size; }

    void write(int level) {
        if (level == previous) {
            if (++repeatCount >= 8) return;
        } else {
            if (repeatCount >= 8) rleRun();
            repeatCount = 1;
            previous = level;
        }
        buffered[numBuffered++] = level;
        if (numBuffered == 8) bitPackedGroup();
    }

    /** {@code count} times {@code level}: once the run is an RLE run, only its length grows. */
    void writeRepeated(int level, int count) {
        while (count > 0) {
            if (level == previous && repeatCount >= 8) {
                repeatCount += count;
                return;
            }
            write(level);
            count--;
        }
    }

    /** The page's levels as a V1 data page holds them: their byte length (4 bytes, little-endian), then the runs. */
    BytesInput toBytes() {
        if (repeatCount >= 8) {
            rleRun();
        } else if (numBuffered > 0) {
            Arrays.fill(buffered, numBuffered, 8, 0);
            bitPackedGroup();
            endBitPackedRun();
        } else {
            endBitPackedRun();
        }
        byte[] page = new byte[4 + size];
        page[0] = (byte) size;
        page[1] = (byte) (size >>> 8);
        page[2] = (byte) (size >>> 16);
        page[3] = (byte) (size >>> 24);
        System.arraycopy(out, 0, page, 4, size);
        return BytesInput.from(page);
    }

    Encoding encoding() { return Encoding.RLE; }

    void reset() {
        size = 0;
        numBuffered = 0;
        previous = 0;
        repeatCount = 0;
        groupCount = 0;
        headerAt = -1;
    }

    private void bitPackedGroup() {
        if (groupCount >= 63) endBitPackedRun();
        if (headerAt == -1) {
            put(0);   // the run's header, set when the run ends
            headerAt = size - 1;
        }
        int packed = 0;
        for (int i = 0; i < 8; i++) packed |= (buffered[i] & 1) << i;
        put(packed);
        numBuffered = 0;
        repeatCount = 0;
        groupCount++;
    }

    private void endBitPackedRun() {
        if (headerAt == -1) return;
        out[headerAt] = (byte) ((groupCount << 1) | 1);
        headerAt = -1;
        groupCount = 0;
    }

    private void rleRun() {
        endBitPackedRun();
        int header = repeatCount << 1;   // unsigned varint
        while ((header & ~0x7F) != 0) {
            put((header & 0x7F) | 0x80);
            header >>>= 7;
        }
        put(header);
        put(previous);   // the value, padded to one byte
        repeatCount = 0;
        numBuffered = 0;
    }

    private void put(int b) {
        if (size == out.length) out = Arrays.copyOf(out, size * 2);
        out[size++] = (byte) b;
    }
}
