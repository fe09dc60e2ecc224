package dev.sluice.badinput;

import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.exec.JobListener;
import dev.sluice.io.Compression;
import dev.sluice.io.SkippedFile;
import dev.sluice.report.JobReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ignoreCorruptFiles / ignoreMissingFiles were accepted and ignored; now they work as Spark's, and every skip is reported. */
class IgnoreFilesTest {
    @TempDir Path dir;

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = Compression.GZIP.compress(bytes)) {
            out.write(text.getBytes());
        }
        return bytes.toByteArray();
    }

    static final class Skips implements JobListener {
        final List<SkippedFile> skipped = new CopyOnWriteArrayList<>();

        @Override public void onFileSkipped(long jobId, String path, String code, String reason) {
            skipped.add(new SkippedFile(path, code, reason));
        }
    }

    @Test void aCorruptFileIsSkippedAndReportedWithIgnoreCorruptFiles() throws IOException {
        Files.write(dir.resolve("a.json.gz"), gzip("{\"id\":1}\n{\"id\":2}\n"));
        byte[] damaged = gzip("{\"id\":3}\n".repeat(1000));
        Files.write(dir.resolve("b.json.gz"), Arrays.copyOf(damaged, damaged.length / 2));
        Skips skips = new Skips();
        try (Sluice sluice = Sluice.builder().parallelism(2).listener(skips).build(); JobReport report = JobReport.attach(sluice)) {
            assertThatThrownBy(() -> sluice.read().schema("id INT").json(dir.toString()).collect())
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_COMPRESSED_FILE));
            long rows = sluice.read().schema("id INT").option("ignoreCorruptFiles", "true").json(dir.toString()).count();
            assertThat(rows).isGreaterThanOrEqualTo(2).isLessThan(1002);   // the rows before the damage are kept, as Spark
            assertThat(skips.skipped).singleElement().satisfies(s -> {
                assertThat(s.path()).endsWith("b.json.gz");
                assertThat(s.code()).isEqualTo("CORRUPT_COMPRESSED_FILE");
            });
            assertThat(report.recorder().queries().get(report.recorder().queries().size() - 1).skippedFiles()).hasSize(1);
            assertThat(report.html()).contains("Skipped files", "b.json.gz");
        }
    }

    @Test void aWriteReportsTheInputFilesItsReadersSkipped() throws IOException {
        Files.write(dir.resolve("a.json.gz"), gzip("{\"id\":1}\n{\"id\":2}\n"));
        byte[] damaged = gzip("{\"id\":3}\n".repeat(1000));
        Files.write(dir.resolve("b.json.gz"), Arrays.copyOf(damaged, damaged.length / 2));
        try (Sluice sluice = Sluice.builder().parallelism(2).build()) {
            dev.sluice.WriteResult result = sluice.read().schema("id INT").option("ignoreCorruptFiles", "true").json(dir.toString())
                    .write().json(dir.resolve("out").toString());
            assertThat(result.skippedFiles()).singleElement().satisfies(s -> {
                assertThat(s.path()).endsWith("b.json.gz");
                assertThat(s.code()).isEqualTo("CORRUPT_COMPRESSED_FILE");
            });
            dev.sluice.WriteResult clean = sluice.read().schema("id INT").json(dir.resolve("out").toString())
                    .write().json(dir.resolve("out2").toString());
            assertThat(clean.skippedFiles()).isEmpty();
        }
    }

    @Test void aFileDeletedAfterListingIsSkippedAndReportedWithIgnoreMissingFiles() throws IOException {
        Files.writeString(dir.resolve("a.json"), "{\"id\":1}\n");
        Files.writeString(dir.resolve("b.json"), "{\"id\":2}\n");
        Skips skips = new Skips();
        // a storage that loses b.json between listing and reading
        dev.sluice.io.Storage vanishing = new Vanishing("b.json");
        try (Sluice sluice = Sluice.builder().parallelism(2).storage(vanishing).listener(skips).build()) {
            assertThatThrownBy(() -> sluice.read().schema("id INT").json(dir.toString()).collect())
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PATH_NOT_FOUND));
            assertThat(sluice.read().schema("id INT").option("ignoreMissingFiles", "true").json(dir.toString()).count()).isEqualTo(1);
            assertThat(skips.skipped).singleElement().satisfies(s -> assertThat(s.code()).isEqualTo("PATH_NOT_FOUND"));
            // ignoreCorruptFiles does not cover a missing file, as in Spark
            assertThatThrownBy(() -> sluice.read().schema("id INT").option("ignoreCorruptFiles", "true").json(dir.toString()).collect())
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PATH_NOT_FOUND));
        }
    }

    @Test void malformedRecordsAreNotCorruptFiles() throws IOException {
        Files.writeString(dir.resolve("a.json"), "{\"id\":1}\n{oops\n");
        try (Sluice sluice = Sluice.builder().parallelism(1).build()) {
            assertThatThrownBy(() -> sluice.read().schema("id INT").option("mode", "FAILFAST").option("ignoreCorruptFiles", "true")
                    .json(dir.toString()).collect())
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_RECORD));
        }
    }

    /** Local storage where one file disappears after listing: opening it is PATH_NOT_FOUND. */
    record Vanishing(String suffix) implements dev.sluice.io.Storage {
        private static final dev.sluice.io.Storage LOCAL = dev.sluice.io.LocalStorage.INSTANCE;

        @Override public List<dev.sluice.io.FileStatus> list(String directory) { return LOCAL.list(directory); }

        @Override public dev.sluice.io.FileStatus status(String path) { return LOCAL.status(path); }

        @Override public boolean exists(String path) { return LOCAL.exists(path); }

        @Override public dev.sluice.io.SeekableInputStream open(String path) {
            if (path.endsWith(suffix)) throw SluiceException.of(ErrorCode.PATH_NOT_FOUND).with("path", path).build();
            return LOCAL.open(path);
        }

        @Override public OutputStream create(String path) { return LOCAL.create(path); }

        @Override public void rename(String from, String to) { LOCAL.rename(from, to); }

        @Override public boolean deleteRecursively(String path) { return LOCAL.deleteRecursively(path); }

        @Override public void mkdirs(String path) { LOCAL.mkdirs(path); }
    }
}
