package dev.sluice.io;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ByteSearchTest {
    @Test void findsTheFirstMatchAsAByteLoopDoesAtEveryAlignment() {
        Random random = new Random(5);
        byte[] alphabet = {(byte) 10, (byte) 0x8A, 0x0B, 0x09, 'a', 0, (byte) 0xFF, (byte) 0x80};
        for (int round = 0; round < 2000; round++) {
            byte[] b = new byte[random.nextInt(40)];
            for (int i = 0; i < b.length; i++) b[i] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) 'x';
            int from = b.length == 0 ? 0 : random.nextInt(b.length + 1);
            int to = from + random.nextInt(b.length - from + 1);
            for (byte target : new byte[] {'\n', (byte) 0x8A, 0}) {
                assertThat(ByteSearch.indexOf(b, from, to, target)).isEqualTo(naive(b, from, to, target));
            }
        }
    }

    @Test void findsTheFirstOfTwoBytesAsAByteLoopDoesAtEveryAlignment() {
        Random random = new Random(7);
        byte[] alphabet = {'"', '\\', (byte) 0xA2, (byte) 0xDC, 0, (byte) 0xFF, (byte) 0x80, '#'};
        for (int round = 0; round < 4000; round++) {
            byte[] b = new byte[random.nextInt(40)];
            for (int i = 0; i < b.length; i++) b[i] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) 'x';
            int from = b.length == 0 ? 0 : random.nextInt(b.length + 1);
            int to = from + random.nextInt(b.length - from + 1);
            byte x = alphabet[random.nextInt(alphabet.length)], y = alphabet[random.nextInt(alphabet.length)];
            assertThat(ByteSearch.indexOfEither(b, from, to, x, y)).isEqualTo(naiveEither(b, from, to, x, y));
        }
    }

    private static int naiveEither(byte[] b, int from, int to, byte x, byte y) {
        for (int i = from; i < to; i++) if (b[i] == x || b[i] == y) return i;
        return -1;
    }

    private static int naive(byte[] b, int from, int to, byte target) {
        for (int i = from; i < to; i++) if (b[i] == target) return i;
        return -1;
    }
}
