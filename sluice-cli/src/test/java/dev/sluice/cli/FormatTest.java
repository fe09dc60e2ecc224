package dev.sluice.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatTest {
    @Test
    void countsHaveThousandsSeparators() {
        assertThat(Format.count(0)).isEqualTo("0");
        assertThat(Format.count(1_234_567)).isEqualTo("1,234,567");
    }

    @Test
    void bytesUseBinaryUnits() {
        assertThat(Format.bytes(512)).isEqualTo("512 B");
        assertThat(Format.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(Format.bytes(400L * 1024 * 1024)).isEqualTo("400.0 MiB");
        assertThat(Format.bytes(3L * 1024 * 1024 * 1024)).isEqualTo("3.0 GiB");
    }

    @Test
    void secondsHaveTwoDecimals() {
        assertThat(Format.seconds(2_314_000_000L)).isEqualTo("2.31 s");
    }
}
