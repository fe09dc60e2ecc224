package dev.sluice.io.csv;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Utf8Check} judges bytes as Java's strict UTF-8 decoder does, wherever a bad byte sits in an ASCII run. */
class Utf8CheckTest {
    private static final byte[][] PIECES = {
        "a".getBytes(StandardCharsets.UTF_8), "abcdefghijklmnop".getBytes(StandardCharsets.UTF_8),
        "\u00e9".getBytes(StandardCharsets.UTF_8), "\u20ac".getBytes(StandardCharsets.UTF_8),
        "\ud83d\ude00".getBytes(StandardCharsets.UTF_8),
        {(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xC3}, {(byte) 0xE0, (byte) 0x80, (byte) 0x80},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xF5}, {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82}, {0}};

    @Test void randomBytesAreJudgedAsTheStrictDecoderJudgesThem() {
        SplittableRandom random = new SplittableRandom(11);
        for (int n = 0; n < 50_000; n++) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (int k = random.nextInt(10); k >= 0; k--) {
                byte[] piece = random.nextInt(3) == 0 ? PIECES[random.nextInt(PIECES.length)] : PIECES[random.nextInt(2)];
                out.writeBytes(piece);
            }
            byte[] text = out.toByteArray();
            byte[] buf = new byte[text.length + 16];
            java.util.Arrays.fill(buf, (byte) 0xFF);   // invalid bytes around the range: never read
            int at = random.nextInt(8);
            System.arraycopy(text, 0, buf, at, text.length);
            assertThat(Utf8Check.valid(buf, at, at + text.length)).as("bytes %s", java.util.Arrays.toString(text))
                    .isEqualTo(decodes(text));
        }
    }

    private static boolean decodes(byte[] text) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(text));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
