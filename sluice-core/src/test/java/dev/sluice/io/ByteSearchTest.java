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

    private static int naive(byte[] b, int from, int to, byte target) {
        for (int i = from; i < to; i++) if (b[i] == target) return i;
        return -1;
    }
}
