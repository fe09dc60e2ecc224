package dev.sluice.io.parquet;

import org.apache.parquet.bytes.BytesInput;

import java.util.Arrays;

/**
 * A data page's dictionary ids as PLAIN_DICTIONARY stores them: the bit width (one byte), then the ids in the
 * RLE / bit-packing hybrid encoding, byte for byte what parquet-java's {@code RunLengthBitPackingHybridEncoder}
 * writes when given the ids one by one (the same state machine: values gathered in groups of 8, a value seen 8
 * times or more in a row becomes an RLE run when the value changes, other groups bit-packed little-endian in runs
 * of up to 63 groups). It encodes a whole page's ids in one call: a long run is skipped over in one loop, groups
 * of eight ids not all equal are packed straight from the ids at a group's start, and the bytes go into one array
 * reused page after page. Using it also keeps parquet-java's bit packers (hundreds of generated classes, loaded
 * through reflection on first use) out of the flat writers.
 */
final class DictionaryIds {
    private byte[] out = new byte[256];
    private int size;
    private final int[] group = new int[8];
    /** Where the open bit-packed run's header byte is (-1: no run open), and the groups written in it. */
    private int headerAt;
    private int groups;

    /** The encoded ids {@code ids[0, count)} at {@code bitWidth} (0 to 32); a view valid until the next call. */
    BytesInput encode(int[] ids, int count, int bitWidth) {
        size = 0;
        headerAt = -1;
        groups = 0;
        put(bitWidth);
        int previous = 0;
        int repeatCount = 0;
        int buffered = 0;
        int i = 0;
        while (i < count) {
            if (buffered == 0 && repeatCount == 0) {
                // at a group's start, after a bit-packed group or at the page's start: eight ids not all equal are
                // a bit-packed group, packed straight from the ids (a run needs eight equal ids counted from here;
                // the id before them does not count, whichever branch below it took)
                int groupsEnd = i + ((count - i) & ~7);
                while (i < groupsEnd && !sameEight(ids, i)) {
                    appendGroup(ids, i, bitWidth);
                    i += 8;
                }
                if (i == count) break;
            }
            int value = ids[i++];
            if (value == previous) {
                if (++repeatCount >= 8) {
                    // an RLE run for certain: count the rest of it in one go
                    int start = i;
                    while (i < count && ids[i] == previous) i++;
                    repeatCount += i - start;
                    continue;
                }
            } else {
                if (repeatCount >= 8) {
                    endBitPackedRun();
                    rleRun(repeatCount, previous, bitWidth);
                    buffered = 0;
                }
                repeatCount = 1;
                previous = value;
            }
            group[buffered++] = value;
            if (buffered == 8) {
                appendGroup(group, 0, bitWidth);
                buffered = 0;
                repeatCount = 0;
            }
        }
        if (repeatCount >= 8) {
            endBitPackedRun();
            rleRun(repeatCount, previous, bitWidth);
        } else if (buffered > 0) {
            Arrays.fill(group, buffered, 8, 0);
            appendGroup(group, 0, bitWidth);
            endBitPackedRun();
        } else {
            endBitPackedRun();
        }
        return BytesInput.from(out, 0, size);
    }

    /** {@code values[at, at + 8)} as the open bit-packed run's next group; a run is opened when none is or it is full. */
    private void appendGroup(int[] values, int at, int bitWidth) {
        if (groups >= 63) endBitPackedRun();
        if (headerAt == -1) {
            put(0);   // the run's header, set when the run ends
            headerAt = size - 1;
        }
        pack(values, at, bitWidth);
        groups++;
    }

    /** Sets the header of the open bit-packed run (if any); no run is open after. */
    private void endBitPackedRun() {
        if (headerAt != -1) out[headerAt] = (byte) ((groups << 1) | 1);
        headerAt = -1;
        groups = 0;
    }

    private void rleRun(int repeatCount, int value, int bitWidth) {
        int header = repeatCount << 1;   // unsigned varint
        while ((header & ~0x7F) != 0) {
            put((header & 0x7F) | 0x80);
            header >>>= 7;
        }
        put(header);
        for (int b = 0; b < (bitWidth + 7) >>> 3; b++) put(value >>> (8 * b));   // padded to whole bytes
    }

    private static boolean sameEight(int[] ids, int at) {
        int v = ids[at];
        return ids[at + 1] == v && ids[at + 2] == v && ids[at + 3] == v && ids[at + 4] == v
                && ids[at + 5] == v && ids[at + 6] == v && ids[at + 7] == v;
    }

    /**
     * {@code values[at, at + 8)}, {@code bitWidth} bits each, least significant bit first: {@code bitWidth} bytes,
     * taken from the accumulator four at a time (8 x bitWidth bits is a whole number of bytes).
     */
    private void pack(int[] values, int at, int bitWidth) {
        ensure(bitWidth);
        byte[] o = out;
        int s = size;
        long acc = 0;
        int bits = 0;
        for (int k = at; k < at + 8; k++) {
            acc |= (values[k] & 0xFFFFFFFFL) << bits;
            bits += bitWidth;
            if (bits >= 32) {
                o[s] = (byte) acc;
                o[s + 1] = (byte) (acc >>> 8);
                o[s + 2] = (byte) (acc >>> 16);
                o[s + 3] = (byte) (acc >>> 24);
                s += 4;
                acc >>>= 32;
                bits -= 32;
            }
        }
        for (; bits > 0; bits -= 8) {
            o[s++] = (byte) acc;
            acc >>>= 8;
        }
        size = s;
    }

    private void put(int b) {
        ensure(1);
        out[size++] = (byte) b;
    }

    private void ensure(int more) {
        if (size + more > out.length) out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
    }
}
