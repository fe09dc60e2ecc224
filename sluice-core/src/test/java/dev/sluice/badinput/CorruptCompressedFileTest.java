package dev.sluice.badinput;

import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.Compression;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Damaged .gz and .zst files: read whole, or a coded error naming file, byte offset and last complete line. */
class CorruptCompressedFileTest {
    @TempDir static Path dir;
    static Sluice sluice;

    @BeforeAll static void start() { sluice = Sluice.builder().parallelism(2).build(); }

    @AfterAll static void stop() { sluice.close(); }

    static byte[] compress(Compression c, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = c.compress(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    static Path file(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    static SluiceException textFails(Path p) {
        try {
            sluice.read().text(p.toString()).collect();
        } catch (SluiceException e) {
            return e;
        }
        throw new AssertionError("reading " + p + " did not fail");
    }

    @Test void readsEveryMemberOfAMultiMemberGzip() throws IOException {
        Path p = file("members.txt.gz", concat(compress(Compression.GZIP, "a\nb\n"), compress(Compression.GZIP, "c\n"),
                compress(Compression.GZIP, "d\n")));
        assertThat(sluice.read().text(p.toString()).count()).isEqualTo(4);
    }

    /** GZIPInputStream stopped quietly at a second member whose header is damaged: rows c and d were lost. */
    @Test void aDamagedSecondMemberHeaderIsAnErrorAtItsOffset() throws IOException {
        byte[] first = compress(Compression.GZIP, "a\nb\n");
        byte[] second = compress(Compression.GZIP, "c\nd\n");
        second[2] = 7;   // compression method: not deflate
        SluiceException e = textFails(file("damaged.txt.gz", concat(first, second)));
        assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_COMPRESSED_FILE);
        assertThat(e.fact("path")).endsWith("damaged.txt.gz");
        assertThat(e.fact("offset")).isEqualTo(String.valueOf(first.length + 2));
        assertThat(e.fact("line")).isEqualTo("2");
    }

    @Test void aSecondMemberWithoutMagicIsTrailingGarbage() throws IOException {
        byte[] first = compress(Compression.GZIP, "a\nb\n");
        byte[] second = compress(Compression.GZIP, "c\n");
        second[0] = 0;
        SluiceException e = textFails(file("badmagic.txt.gz", concat(first, second)));
        assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_COMPRESSED_FILE);
        assertThat(e.fact("offset")).isEqualTo(String.valueOf(first.length));
    }

    @Test void trailingGarbageAfterTheLastMemberIsAnErrorNamingItsOffset() throws IOException {
        byte[] gz = compress(Compression.GZIP, "a\nb\nc\n");
        SluiceException e = textFails(file("garbage.txt.gz", concat(gz, "junk".getBytes(StandardCharsets.US_ASCII))));
        assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_COMPRESSED_FILE);
        assertThat(e.fact("offset")).isEqualTo(String.valueOf(gz.length));
        assertThat(e.fact("reason")).contains("trailing garbage");
        assertThat(e.fact("line")).isEqualTo("3");
    }

    @Test void aTruncatedGzipNamesTheOffsetAndTheLastCompleteLine() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) text.append("line number ").append(i * 7919L % 100_003).append('\n');
        byte[] gz = compress(Compression.GZIP, text.toString());
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);
        SluiceException e = textFails(file("truncated.txt.gz", cut));
        assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_COMPRESSED_FILE);
        assertThat(e.fact("offset")).isEqualTo(String.valueOf(cut.length));
        assertThat(e.fact("reason")).contains("truncated");
        assertThat(Long.parseLong(e.fact("line"))).isBetween(1L, 19_999L);
    }

    @Test void aFlippedByteInsideTheDeflateDataIsAnError() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5_000; i++) text.append("row ").append(i).append('\n');
        byte[] gz = compress(Compression.GZIP, text.toString());
        gz[gz.length - 6] ^= 0x5a;   // inside the CRC-32 of the trailer
        SluiceException e = textFails(file("crc.txt.gz", gz));
        assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_COMPRESSED_FILE);
        assertThat(e.fact("offset")).isEqualTo(String.valueOf(gz.length - 8));
    }

    @Test void aTruncatedZstdFileNamesTheFileAndAnOffset() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) text.append("{\"n\":").append(i * 7919L % 100_003).append("}\n");
        byte[] zst = compress(Compression.ZSTD, text.toString());
        byte[] cut = Arrays.copyOf(zst, zst.length / 2);
        Path p = file("truncated.json.zst", cut);
        assertThatThrownBy(() -> sluice.read().schema("n BIGINT").json(p.toString()).collect())
                .isInstanceOfSatisfying(SluiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_COMPRESSED_FILE);
                    assertThat(e.fact("path")).endsWith("truncated.json.zst");
                    assertThat(Long.parseLong(e.fact("offset"))).isBetween(1L, (long) cut.length);
                });
    }

    @Test void aCorruptCsvGzipFailsWithTheSameCode() throws IOException {
        byte[] gz = compress(Compression.GZIP, "a,b\n1,2\n3,4\n");
        Path p = file("cut.csv.gz", Arrays.copyOf(gz, gz.length - 3));
        assertThatThrownBy(() -> sluice.read().schema("a INT, b INT").csv(p.toString()).collect())
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_COMPRESSED_FILE));
    }

    @Test void anEmptyGzipFileHasNoRows() throws IOException {
        Path p = file("empty.txt.gz", new byte[0]);
        assertThat(sluice.read().text(p.toString()).count()).isZero();
    }
}
