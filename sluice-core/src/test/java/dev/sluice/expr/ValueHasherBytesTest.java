package dev.sluice.expr;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The word-at-a-time byte hash: equal bytes hash alike wherever they sit, and near-identical values do not collide. */
class ValueHasherBytesTest {
    @Test void equalBytesAtAnyOffsetHashAlike() {
        byte[] value = "0f8b6c1e-5d2a-4c3b-9e7f-112233445566".getBytes(StandardCharsets.UTF_8);
        for (int length = 0; length <= value.length; length++) {
            long expected = ValueHasher.hashBytes(value, 0, length);
            for (int offset = 1; offset < 12; offset++) {
                byte[] shifted = new byte[offset + length + 5];
                java.util.Arrays.fill(shifted, (byte) 0x5A);
                System.arraycopy(value, 0, shifted, offset, length);
                assertThat(ValueHasher.hashBytes(shifted, offset, length)).as("length %d at %d", length, offset).isEqualTo(expected);
            }
        }
    }

    /**
     * The hash is the word hash of the bytes as a reference computes it a byte at a time (each word little-endian, the
     * last one zero above the value), wherever the value sits: at the array's start or 1-9 bytes in (its last bytes read
     * a byte at a time when fewer than 8 precede its end, else as one word ending there, with other bytes before the
     * value that must not count), and with 0-9 bytes after it.
     */
    @Test void hashBytesIsTheWordHashOfTheBytesWhereverTheValueSits() {
        java.util.Random r = new java.util.Random(21);
        for (int length = 0; length <= 40; length++) {
            for (int before = 0; before <= 9; before++) {
                for (int after = 0; after <= 9; after++) {
                    byte[] b = new byte[before + length + after];
                    r.nextBytes(b);
                    assertThat(ValueHasher.hashBytes(b, before, length)).as("length %d, %d bytes before, %d after", length, before, after)
                            .isEqualTo(referenceHash(b, before, length));
                }
            }
        }
    }

    private static long referenceHash(byte[] b, int start, int length) {
        long h = 0xcbf29ce484222325L ^ (length * 0x9E3779B97F4A7C15L);
        for (int i = 0; i < length; i += 8) {
            long word = 0;
            for (int k = 0; k < 8 && i + k < length; k++) word |= (b[start + i + k] & 0xFFL) << (8 * k);
            long x = h ^ word;
            h = x * 0x517CC1B727220A95L ^ Math.multiplyHigh(x, 0x517CC1B727220A95L);
        }
        return ValueHasher.mix(h);
    }

    /** The exchange's column-at-a-time FNV-1a (four rows side by side) gives each row what the per-row hash gives. */
    @Test void partitionHashOfAColumnEqualsThatOfEachRow() {
        dev.sluice.vector.RandomVectors random = new dev.sluice.vector.RandomVectors(7);
        java.util.Random r = random.random();
        int checked = 0;
        for (dev.sluice.types.DataType type : java.util.List.of(dev.sluice.types.DataTypes.STRING, dev.sluice.types.DataTypes.BINARY)) {
            assertThat(ValueHasher.partitionHashesStoredBytes(type)).isTrue();
            for (int round = 0; round < 400; round++) {
                int n = 1 + r.nextInt(round < 100 ? 9 : 200);
                dev.sluice.vector.FlatVector flat = dev.sluice.vector.Vectors.allocate(type, n);
                for (int i = 0; i < n; i++) {
                    byte[] value = new byte[r.nextInt(r.nextBoolean() ? 6 : 45)];
                    r.nextBytes(value);   // negative bytes too: FNV-1a xors them sign-extended
                    flat.appendObject(value);
                }
                dev.sluice.vector.ColumnVector column = random.view(r.nextInt(dev.sluice.vector.RandomVectors.VIEW_KINDS), flat, n);
                dev.sluice.vector.FlatRows rows = dev.sluice.vector.FlatRows.of(column);
                if (rows == null || !rows.noNulls()) continue;   // the exchange hashes those a row at a time
                long[] hashes = new long[n];
                ValueHasher.partitionHashBytes(rows, hashes, n);
                for (int i = 0; i < n; i++) {
                    long expected = ValueHasher.partitionHashRow(new dev.sluice.types.DataType[] {type}, new dev.sluice.vector.ColumnVector[] {column}, i);
                    assertThat(hashes[i]).as("%s, round %d, row %d of %d", type, round, i, n).isEqualTo(expected);
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(500);
    }

    @Test void lengthsAndSingleBitsChangeTheHash() {
        Set<Long> seen = new HashSet<>();
        for (int length = 0; length <= 40; length++) assertThat(seen.add(ValueHasher.hashBytes(new byte[length], 0, length))).isTrue();
        byte[] base = new byte[37];
        for (int bit = 0; bit < base.length * 8; bit++) {
            for (int other = bit; other < base.length * 8; other++) {   // one bit (other == bit) or two
                byte[] flipped = base.clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                if (other != bit) flipped[other / 8] ^= (byte) (1 << (other % 8));
                // a top bit of one word and a low bit of the next must not cancel (a plain 64-bit multiply let them)
                assertThat(seen.add(ValueHasher.hashBytes(flipped, 0, flipped.length))).as("bits %d and %d", bit, other).isTrue();
            }
        }
    }

    @Test void theExchangeKeepsTheByteAtATimeHash() {
        // the partition of a row decides the order of unordered results: it must not move with the table hash
        dev.sluice.types.DataType[] types = {dev.sluice.types.DataTypes.STRING, dev.sluice.types.DataTypes.INT};
        dev.sluice.vector.FlatVector s = dev.sluice.vector.Vectors.allocate(types[0], 4), i = dev.sluice.vector.Vectors.allocate(types[1], 4);
        s.appendObject("A1");
        i.appendObject(7);
        s.appendObject("0f8b6c1e-5d2a-4c3b-9e7f-112233445566");
        i.appendObject(null);
        dev.sluice.vector.ColumnVector[] keys = {s, i};
        for (int r = 0; r < 2; r++) {
            byte[] bytes = ((String) s.getObject(r)).getBytes(StandardCharsets.UTF_8);
            long fnv = 0xcbf29ce484222325L;
            for (byte b : bytes) fnv = (fnv ^ b) * 0x100000001b3L;
            long expected = ValueHasher.mix(ValueHasher.combine(ValueHasher.combine(ValueHasher.rowSeed(), ValueHasher.mix(fnv)),
                    ValueHasher.hash(types[1], i, r)));
            assertThat(ValueHasher.partitionHashRow(types, keys, r)).isEqualTo(expected);
            assertThat(ValueHasher.hashRow(types, keys, r)).isNotEqualTo(expected);
        }
    }

    @Test void idsSpreadOverBuckets() {
        int buckets = 1 << 12;
        int[] counts = new int[buckets];
        Set<Long> hashes = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            byte[] id = String.format("req-%08d-%04x", i, i % 65_536).getBytes(StandardCharsets.UTF_8);
            long h = ValueHasher.hashBytes(id, 0, id.length);
            hashes.add(h);
            counts[(int) (h & (buckets - 1))]++;
        }
        assertThat(hashes).hasSize(200_000);
        int max = 0;
        for (int c : counts) max = Math.max(max, c);
        assertThat(max).isLessThan(2 * 200_000 / buckets);   // about 49 a bucket; no bucket near twice that
    }
}
