package dev.sluice.io.s3;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.FileStatus;
import dev.sluice.io.SeekableInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The storage operations against a real S3 API (S3Proxy): listing, status, ranged reads, writes, deletes. */
class S3StorageTest {
    private static S3TestServer server;
    private static S3Storage s3;

    @BeforeAll static void start() {
        server = S3TestServer.get();
        s3 = server.storage(Map.of());
    }

    @AfterAll static void stop() { s3.close(); }

    private static void put(String path, byte[] data) throws IOException {
        try (OutputStream out = s3.create(path)) {
            out.write(data);
        }
    }

    @Test void listsFilesAndDirectoriesSortedWithTheUsersScheme() throws IOException {
        String b = server.newBucket();
        put("s3://" + b + "/logs/b.json", "{}".getBytes(StandardCharsets.UTF_8));
        put("s3://" + b + "/logs/a.json", "{}\n{}".getBytes(StandardCharsets.UTF_8));
        put("s3://" + b + "/logs/year=2026/c.json", "{}".getBytes(StandardCharsets.UTF_8));
        List<FileStatus> entries = s3.list("s3a://" + b + "/logs/");
        assertThat(entries).extracting(FileStatus::path).containsExactly(
                "s3a://" + b + "/logs/a.json", "s3a://" + b + "/logs/b.json", "s3a://" + b + "/logs/year=2026");
        assertThat(entries.get(0).size()).isEqualTo(5);
        assertThat(entries.get(2).directory()).isTrue();
        assertThat(s3.status("s3://" + b + "/logs").directory()).isTrue();
        assertThat(s3.status("s3://" + b + "/logs/a.json").size()).isEqualTo(5);
        assertThat(s3.status("s3://" + b).directory()).isTrue();
        assertThat(s3.exists("s3://" + b + "/logs/nope.json")).isFalse();
        assertThat(s3.exists("s3://" + b + "/log")).isFalse();   // a prefix of a name is not a directory
    }

    @Test void missingPathsAreNotFound() {
        String b = server.newBucket();
        assertThatThrownBy(() -> s3.status("s3://" + b + "/none")).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PATH_NOT_FOUND));
        assertThatThrownBy(() -> s3.list("s3://" + b + "/none/")).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PATH_NOT_FOUND));
        assertThatThrownBy(() -> s3.open("s3://" + b + "/none.json")).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PATH_NOT_FOUND));
        assertThatThrownBy(() -> s3.list("s3://no-such-bucket-x/")).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PATH_NOT_FOUND));
    }

    @Test void paginatesListingsWithSmallPages() throws IOException {
        String b = server.newBucket();
        try (S3Storage small = server.storage(Map.of("sluice.s3.listPageSize", "7"))) {
            for (int i = 0; i < 50; i++) put(String.format("s3://%s/many/f%03d", b, i), new byte[] {1});
            for (int i = 0; i < 5; i++) put(String.format("s3://%s/many/d%d/x", b, i), new byte[] {1});
            List<FileStatus> entries = small.list("s3://" + b + "/many");
            assertThat(entries).hasSize(55);
            assertThat(entries.stream().filter(FileStatus::directory).count()).isEqualTo(5);
            assertThat(small.metrics().get("s3.requests.ListObjectsV2")).isGreaterThanOrEqualTo(8);
        }
    }

    @Test void rangedReadsSeekAnywhereAndCountBytes() throws IOException {
        String b = server.newBucket();
        byte[] data = new byte[3 << 20];
        new SplittableRandom(7).nextBytes(data);
        put("s3://" + b + "/blob.bin", data);
        try (S3Storage reader = server.storage(Map.of("sluice.s3.readAhead", "65536"))) {
            try (SeekableInputStream in = reader.open("s3://" + b + "/blob.bin")) {
                assertThat(in.length()).isEqualTo(data.length);
                in.seek(data.length - 8);   // a Parquet footer read
                byte[] tail = in.readNBytes(8);
                assertThat(tail).isEqualTo(java.util.Arrays.copyOfRange(data, data.length - 8, data.length));
                in.seek(1000);
                assertThat(in.read()).isEqualTo(data[1000] & 0xff);
                in.seek(1000 + 10_000);   // a short forward seek within the open range
                assertThat(in.read()).isEqualTo(data[11_000] & 0xff);
                in.seek(0);
                byte[] all = in.readAllBytes();
                assertThat(all).isEqualTo(data);
                assertThat(in.read()).isEqualTo(-1);
            }
            Map<String, Long> m = reader.metrics();
            // 3 MiB read sequentially from 64 KiB ranges that double: a handful of GETs, not one per 64 KiB
            assertThat(m.get("s3.requests.GetObject")).isBetween(4L, 12L);
            assertThat(m.get("s3.bytesRead")).isGreaterThanOrEqualTo(data.length);
        }
    }

    @Test void writesSmallFilesInOnePutAndLargeOnesInParts() throws IOException {
        String b = server.newBucket();
        try (S3Storage writer = server.storage(Map.of("sluice.s3.multipart.partSize", "5M"))) {
            byte[] big = new byte[(5 << 20) * 2 + 12345];
            new SplittableRandom(3).nextBytes(big);
            try (OutputStream out = writer.create("s3://" + b + "/big.bin")) {
                for (int i = 0; i < big.length; i += 100_000) out.write(big, i, Math.min(100_000, big.length - i));
            }
            try (OutputStream out = writer.create("s3://" + b + "/small.txt")) {
                out.write("hello".getBytes(StandardCharsets.UTF_8));
            }
            Map<String, Long> m = writer.metrics();
            assertThat(m.get("s3.requests.UploadPart")).isEqualTo(3);
            assertThat(m.get("s3.requests.CompleteMultipartUpload")).isEqualTo(1);
            assertThat(m.get("s3.requests.PutObject")).isEqualTo(1);
            try (SeekableInputStream in = writer.open("s3://" + b + "/big.bin")) {
                assertThat(in.readAllBytes()).isEqualTo(big);
            }
            assertThatThrownBy(() -> writer.create("s3://" + b + "/small.txt")).isInstanceOfSatisfying(SluiceException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_ERROR));
        }
    }

    @Test void deletesRecursivelyAndRenamesByCopy() throws IOException {
        String b = server.newBucket();
        put("s3://" + b + "/d/x/1", new byte[] {1});
        put("s3://" + b + "/d/2", new byte[] {2});
        s3.rename("s3://" + b + "/d", "s3://" + b + "/e");
        assertThat(s3.exists("s3://" + b + "/d")).isFalse();
        assertThat(s3.status("s3://" + b + "/e/x/1").size()).isEqualTo(1);
        assertThat(s3.deleteRecursively("s3://" + b + "/e")).isTrue();
        assertThat(s3.exists("s3://" + b + "/e")).isFalse();
        assertThat(s3.deleteRecursively("s3://" + b + "/e")).isFalse();
        s3.mkdirs("s3://" + b + "/empty");
        assertThat(s3.status("s3://" + b + "/empty").directory()).isTrue();
        assertThat(s3.list("s3://" + b + "/empty")).isEmpty();
    }
}
