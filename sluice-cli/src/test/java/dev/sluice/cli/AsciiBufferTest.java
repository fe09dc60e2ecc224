package dev.sluice.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AsciiBufferTest {
    private static String text(AsciiBuffer buf) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        buf.writeTo(out);
        assertThat(buf.size()).isZero();
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void writesLongsInDecimal() throws IOException {
        AsciiBuffer buf = new AsciiBuffer(64);
        buf.putLong(0);
        buf.put((byte) ' ');
        buf.putLong(9);
        buf.put((byte) ' ');
        buf.putLong(10);
        buf.put((byte) ' ');
        buf.putLong(Long.MAX_VALUE);
        assertThat(text(buf)).isEqualTo("0 9 10 " + Long.MAX_VALUE);
    }

    @Test
    void writesHundredthsWithTwoFractionDigits() throws IOException {
        AsciiBuffer buf = new AsciiBuffer(64);
        buf.putFixed2(5);
        buf.put((byte) ' ');
        buf.putFixed2(1205);
        buf.put((byte) ' ');
        buf.putFixed2(100);
        assertThat(text(buf)).isEqualTo("0.05 12.05 1.00");
    }

    @Test
    void writesPaddedNumbersAndHex() throws IOException {
        AsciiBuffer buf = new AsciiBuffer(64);
        buf.putPadded(7, 3);
        buf.put((byte) ' ');
        buf.putHex(0x0123456789abcdefL);
        buf.put((byte) ' ');
        buf.putHex(-1L);
        assertThat(text(buf)).isEqualTo("007 0123456789abcdef ffffffffffffffff");
    }

    @Test
    void truncateCutsTheTail() throws IOException {
        AsciiBuffer buf = new AsciiBuffer(16);
        buf.putLong(12345);
        buf.truncate(2);
        assertThat(text(buf)).isEqualTo("12");
        assertThatThrownBy(() -> buf.truncate(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
