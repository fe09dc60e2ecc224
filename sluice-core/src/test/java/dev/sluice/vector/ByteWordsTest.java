package dev.sluice.vector;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ByteWordsTest {
    @Test void readsEightBytesLittleEndianAtEveryOffsetOfArraysOfEveryLength() {
        Random random = new Random(13);
        for (int length = 0; length <= 40; length++) {
            for (int round = 0; round < 20; round++) {
                byte[] b = new byte[length];
                random.nextBytes(b);
                for (int i = 0; i + 8 <= length; i++) {
                    assertThat(ByteWords.longAt(b, i)).as("length %d at %d", length, i).isEqualTo(assembled(b, i));
                    assertThat(ByteWords.viewLongAt(b, i)).isEqualTo(assembled(b, i));
                }
            }
        }
    }

    @Test void firstMarkedByteIsTheLowestMarkedBytesIndexForEveryMarkSet() {
        for (int marks = 1; marks < 256; marks++) {   // every set of marked bytes: bit k of marks marks byte k
            long word = 0;
            for (int k = 0; k < 8; k++) if ((marks >>> k & 1) != 0) word |= 0x80L << (8 * k);
            assertThat(ByteWords.firstMarkedByte(word)).as("marks %s", Integer.toBinaryString(marks))
                    .isEqualTo(Integer.numberOfTrailingZeros(marks))
                    .isEqualTo(Long.numberOfTrailingZeros(word) >>> 3);
        }
    }

    @Test void readsThatLeaveTheArrayThrowAsTheViewDoes() {
        for (int length = 0; length <= 24; length++) {
            byte[] b = new byte[length];
            for (int i : new int[] {-1, -8, Integer.MIN_VALUE, length - 7, length - 1, length, length + 1, Integer.MAX_VALUE - 4}) {
                if (i >= 0 && i + 8 <= length) continue;
                int at = i;
                assertThatThrownBy(() -> ByteWords.longAt(b, at)).as("length %d at %d", length, at)
                        .isInstanceOf(ArrayIndexOutOfBoundsException.class);
            }
        }
    }

    @Test void theLastWordOfTheArrayIsRead() {
        byte[] b = {9, 1, 2, 3, 4, 5, 6, 7, (byte) 0x88};
        assertThat(ByteWords.longAt(b, 1)).isEqualTo(0x8807060504030201L);
    }

    @Test void readsThroughUnsafeOnThisPlatformWhenJava17To22OnLittleEndian() {
        boolean expected = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN
                && Runtime.version().feature() < 23;
        assertThat(ByteWords.unsafeReads()).isEqualTo(expected);
    }

    private static long assembled(byte[] b, int i) {
        long v = 0;
        for (int k = 7; k >= 0; k--) v = v << 8 | (b[i + k] & 0xFF);
        return v;
    }
}
