package dev.sluice.io.parquet;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BytesDictionary}'s hash and its short-value compare read whole words past a value's end where the arrays
 * allow: the hash must equal the byte-by-byte one, and the ids a map's in insertion order, whatever the bytes
 * around a value and wherever it sits in its array (at its very end too).
 */
class BytesDictionaryTest {
    @Test void hashEqualsTheByteByByteHashAtEveryOffsetAndLength() {
        SplittableRandom random = new SplittableRandom(3);
        byte[] b = new byte[40];
        for (int round = 0; round < 20; round++) {
            random.nextBytes(b);
            for (int offset = 0; offset <= b.length; offset++) {
                for (int length = 0; offset + length <= b.length; length++) {
                    assertThat(BytesDictionary.hash64(b, offset, length))
                            .as("offset %d length %d", offset, length).isEqualTo(byteByByteHash(b, offset, length));
                }
            }
        }
    }

    @Test void idsAreAMapsInInsertionOrderWhateverTheBytesAroundAValue() {
        SplittableRandom random = new SplittableRandom(11);
        BytesDictionary dictionary = new BytesDictionary();
        for (int round = 0; round < 3; round++) {
            Map<String, Integer> expected = new HashMap<>();
            List<byte[]> entries = new ArrayList<>();
            for (int n = 0; n < 30_000; n++) {
                // few distinct short values (two to six of 'a'-'c'), some long ones, and the empty value
                int length = random.nextInt(10) == 0 ? random.nextInt(20) : 2 + random.nextInt(5);
                byte[] value = new byte[length];
                for (int i = 0; i < length; i++) value[i] = (byte) ('a' + random.nextInt(length > 8 ? 26 : 3));
                // the value at a random place of an array of random bytes: at its end, or with 0-9 bytes after it
                int before = random.nextInt(12);
                int after = random.nextInt(3) == 0 ? 0 : random.nextInt(10);
                byte[] array = new byte[before + length + after];
                random.nextBytes(array);
                System.arraycopy(value, 0, array, before, length);
                String key = new String(value, java.nio.charset.StandardCharsets.ISO_8859_1);
                Integer want = expected.get(key);
                if (want == null) {
                    want = expected.size();
                    expected.put(key, want);
                    entries.add(value);
                }
                assertThat(dictionary.intern(array, before, length)).as("value %s", key).isEqualTo(want);
            }
            assertThat(dictionary.size()).isEqualTo(expected.size());
            for (int id = 0; id < entries.size(); id++) {
                byte[] entry = Arrays.copyOfRange(dictionary.arena(), dictionary.start(id), dictionary.start(id) + dictionary.length(id));
                assertThat(entry).isEqualTo(entries.get(id));
            }
            if (round == 1) dictionary.release();
            else dictionary.clear();
        }
    }

    @Test void valuesThatDifferOnlyInTheirLastByteOrLengthAreDifferentEntries() {
        BytesDictionary dictionary = new BytesDictionary();
        byte[] a = "abcdefgh!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] b = "abcdefgX?".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(dictionary.intern(a, 0, 8)).isEqualTo(0);
        assertThat(dictionary.intern(b, 0, 8)).isEqualTo(1);
        assertThat(dictionary.intern(b, 0, 7)).isEqualTo(2);    // "abcdefg": a prefix of both
        assertThat(dictionary.intern(a, 0, 7)).isEqualTo(2);
        assertThat(dictionary.intern(a, 0, 1)).isEqualTo(3);
        assertThat(dictionary.intern(b, 0, 1)).isEqualTo(3);
        assertThat(dictionary.intern(a, 0, 0)).isEqualTo(4);
        assertThat(dictionary.intern(b, 9, 0)).isEqualTo(4);    // empty, at the array's end
        assertThat(dictionary.intern(a, 0, 8)).isEqualTo(0);
    }

    /** The hash as it was written first: eight bytes at a time, then the tail a byte at a time. */
    private static long byteByByteHash(byte[] b, int offset, int length) {
        ByteBuffer words = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long h = 0x9E3779B97F4A7C15L ^ length;
        int i = offset;
        int end = offset + length;
        for (; i + 8 <= end; i += 8) h = (h ^ words.getLong(i)) * 0xC2B2AE3D27D4EB4FL;
        long tail = 0;
        for (int shift = 0; i < end; i++, shift += 8) tail |= (b[i] & 0xFFL) << shift;
        return (h ^ tail) * 0xC2B2AE3D27D4EB4FL;
    }
}
