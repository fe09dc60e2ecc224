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
        assertThat(Compression.forPath("a/b.csv.zst")).isEqualTo(Compression.ZSTD);
        assertThat(Compression.forPath("a/b.csv.ZSTD")).isEqualTo(Compression.ZSTD);
        assertThat(Compression.isCompressedName("a/b.txt.zstd")).isTrue();
        assertThatThrownBy(() -> Compression.forPath("a/b.json.bz2"))
                .extracting(e -> ((SluiceException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION);
    }

    @Test void parsesTheWriterOption() {
        assertThat(Compression.fromOption("None")).isEqualTo(Compression.NONE);
        assertThat(Compression.fromOption("uncompressed")).isEqualTo(Compression.NONE);
        assertThat(Compression.fromOption("GZIP")).isEqualTo(Compression.GZIP);
        assertThat(Compression.fromOption("zstd")).isEqualTo(Compression.ZSTD);
        assertThat(Compression.ZSTD.extension()).isEqualTo(".zst");
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

    @Test void zstdRoundTrips() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] text = "hello zstd ".repeat(10_000).getBytes();
        try (OutputStream out = Compression.ZSTD.compress(bytes)) {
            out.write(text);
        }
        assertThat(bytes.size()).isLessThan(text.length / 10);
        try (InputStream in = Compression.ZSTD.decompress(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readAllBytes()).isEqualTo(text);
        }
    }

    /** Two frames written by the zstd command-line tool ({@code zstd -c a >> f; zstd -c b >> f}): both are read. */
    @Test void zstdReadsConcatenatedFramesOfTheZstdTool() throws IOException {
        byte[] file = java.util.Base64.getDecoder().decode("KLUv/SQIQQAAYSxiCjEseApmAzAfKLUv/SQEIQAAMix5CvpY7Lk=");
        try (InputStream in = Compression.ZSTD.decompress(new ByteArrayInputStream(file))) {
            assertThat(new String(in.readAllBytes())).isEqualTo("a,b\n1,x\n2,y\n");
        }
    }
}
