package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompressionTest {
    @Test void choosesByExtension() {
        assertThat(Compression.forPath("a/b.json.gz")).isEqualTo(Compression.GZIP);
        assertThat(Compression.forPath("a/b.JSON.GZ")).isEqualTo(Compression.GZIP);
        assertThat(Compression.forPath("a/b.json")).isEqualTo(Compression.NONE);
        assertThatThrownBy(() -> Compression.forPath("a/b.json.bz2"))
                .extracting(e -> ((SluiceException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION);
    }

    @Test void parsesTheWriterOption() {
        assertThat(Compression.fromOption("None")).isEqualTo(Compression.NONE);
        assertThat(Compression.fromOption("uncompressed")).isEqualTo(Compression.NONE);
        assertThat(Compression.fromOption("GZIP")).isEqualTo(Compression.GZIP);
        assertThatThrownBy(() -> Compression.fromOption("snappy"))
                .extracting(e -> ((SluiceException) e).code()).isEqualTo(ErrorCode.INVALID_OPTION);
    }

    @Test void gzipRoundTrips() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = Compression.GZIP.compress(bytes)) {
            out.write("hello".getBytes());
        }
        assertThat(bytes.toByteArray()[0]).isEqualTo((byte) 0x1f);
        try (InputStream in = Compression.GZIP.decompress(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(new String(in.readAllBytes())).isEqualTo("hello");
        }
    }
}
