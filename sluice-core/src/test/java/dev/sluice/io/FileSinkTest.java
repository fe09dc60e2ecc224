package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DataTypes;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSinkTest {
    private static final StructType SCHEMA = StructType.fromDDL("id BIGINT, name STRING");

    @TempDir Path tmp;
    private final FaultyStorage storage = new FaultyStorage(LocalStorage.INSTANCE);

    private Path target() { return tmp.resolve("out"); }

    private FileSink sink(SaveMode mode, RecordFormat format, FileSinkOptions options) {
        return new FileSink(storage, target().toString(), mode, format, options, () -> "job");
    }

    private static Batch rows(long from, int count) {
        List<Object> ids = new ArrayList<>();
        List<Object> names = new ArrayList<>();
        for (long i = from; i < from + count; i++) {
            ids.add(i);
            names.add(i % 3 == 0 ? null : "n" + i);
        }
        return new Batch(new ColumnVector[] {Vectors.of(DataTypes.LONG, ids), Vectors.of(DataTypes.STRING, names)}, count);
    }

    private static String line(long i) { return i + "," + (i % 3 == 0 ? "" : "n" + i); }

    private static WriteJob started(WriteStart start) {
        assertThat(start).isInstanceOf(WriteStart.Started.class);
        return ((WriteStart.Started) start).job();
    }

    /** Runs a whole write: task p gets {@code partitions[p]} batches of rows. */
    private WriteSummary write(FileSink sink, List<List<Batch>> partitions) {
        WriteJob job = started(sink.begin(SCHEMA));
        List<TaskCommit> commits = new ArrayList<>();
        for (int p = 0; p < partitions.size(); p++) {
            TaskWriter task = job.openTask(p);
            for (Batch b : partitions.get(p)) task.write(b);
            commits.add(task.commit());
        }
        return job.commit(commits);
    }

    /** Reads a written directory back through the read path: listing (skips _SUCCESS), splits, lines. */
    private List<String> readBack() {
        List<String> lines = new ArrayList<>();
        for (FileSplit split : new FileSplitter(7).split(FileListing.resolve(storage, target().toString(), false))) {
            try (LineReader r = LineReader.open(storage, split)) {
                while (r.next()) lines.add(new String(r.buffer(), r.offset(), r.length(), StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    private List<String> expectedLines(long from, long to) {
        List<String> out = new ArrayList<>();
        for (long i = from; i < to; i++) out.add(line(i));
        return out;
    }

    private List<String> files() throws IOException {
        try (var s = Files.list(target())) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test void writesOneFilePerNonEmptyPartitionAndSuccess() throws IOException {
        WriteSummary summary = write(sink(SaveMode.ERROR_IF_EXISTS, new CsvLinesFormat(), FileSinkOptions.DEFAULT),
                List.of(List.of(rows(0, 3), rows(3, 2)), List.of(), List.of(rows(5, 4), Batch.ofRowCount(0))));
        assertThat(files()).containsExactly("_SUCCESS", "part-00000-job.c000.txt", "part-00002-job.c000.txt");
        assertThat(Files.readString(target().resolve("part-00000-job.c000.txt")))
                .isEqualTo(String.join("\n", expectedLines(0, 5)) + "\n");
        assertThat(readBack()).isEqualTo(expectedLines(0, 9));
        assertThat(summary.files()).isEqualTo(2);
        assertThat(summary.records()).isEqualTo(9);
        assertThat(summary.bytes()).isEqualTo(Files.size(target().resolve("part-00000-job.c000.txt"))
                + Files.size(target().resolve("part-00002-job.c000.txt")));
        assertThat(summary.path()).isEqualTo(target().toString());
    }

    @Test void anEmptyResultWritesOnlySuccess() throws IOException {
        write(sink(SaveMode.ERROR_IF_EXISTS, new CsvLinesFormat(), FileSinkOptions.DEFAULT), List.of(List.of()));
        assertThat(files()).containsExactly("_SUCCESS");
    }

    @Test void gzipCompressionWrapsTheStreamAndAddsGz() throws IOException {
        write(sink(SaveMode.ERROR_IF_EXISTS, new CsvLinesFormat(), new FileSinkOptions(Compression.GZIP, 0)),
                List.of(List.of(rows(0, 100))));
        assertThat(files()).containsExactly("_SUCCESS", "part-00000-job.c000.txt.gz");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(target().resolve("part-00000-job.c000.txt.gz")))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(String.join("\n", expectedLines(0, 100)) + "\n");
        }
        assertThat(readBack()).isEqualTo(expectedLines(0, 100));
    }

    @Test void maxRecordsPerFileRollsFilesInOrder() throws IOException {
        write(sink(SaveMode.ERROR_IF_EXISTS, new CsvLinesFormat(), new FileSinkOptions(Compression.NONE, 4)),
                List.of(List.of(rows(0, 3), rows(3, 6), rows(9, 1))));
        assertThat(files()).containsExactly("_SUCCESS", "part-00000-job.c000.txt", "part-00000-job.c001.txt",
                "part-00000-job.c002.txt");
        assertThat(Files.readAllLines(target().resolve("part-00000-job.c001.txt"))).isEqualTo(expectedLines(4, 8));
        assertThat(Files.readAllLines(target().resolve("part-00000-job.c002.txt"))).isEqualTo(expectedLines(8, 10));
        assertThat(readBack()).isEqualTo(expectedLines(0, 10));
    }

    @Test void ignoreOnAnExistingTargetIsReportedAsSkipped() throws IOException {
        Files.createDirectories(target());
        Files.writeString(target().resolve("keep.txt"), "keep");
        Map<String, String> before = DirectorySnapshot.of(tmp);
        WriteStart start = sink(SaveMode.IGNORE, new CsvLinesFormat(), FileSinkOptions.DEFAULT).begin(SCHEMA);
        assertThat(start).isInstanceOf(WriteStart.Skipped.class);
        assertThat(((WriteStart.Skipped) start).reason()).contains(target().toString());
        assertThat(DirectorySnapshot.of(tmp)).isEqualTo(before);
    }

    @Test void errorModeOnAnExistingTargetFails() throws IOException {
        Files.createDirectories(target());
        assertThatThrownBy(() -> sink(SaveMode.ERROR_IF_EXISTS, new CsvLinesFormat(), FileSinkOptions.DEFAULT).begin(SCHEMA))
                .satisfies(e -> assertThat(((SluiceException) e).code()).isEqualTo(ErrorCode.PATH_ALREADY_EXISTS));
    }

    @Test void aTaskFailingAfterWritingSomeFilesLeavesTheTargetAsItWas() throws IOException {
        Files.createDirectories(target());
        Files.writeString(target().resolve("part-00000-old.c000.txt"), "old\n");
        Map<String, String> before = DirectorySnapshot.of(tmp);
        FileSink sink = sink(SaveMode.OVERWRITE, new CsvLinesFormat(5), new FileSinkOptions(Compression.GZIP, 2));
        WriteJob job = started(sink.begin(SCHEMA));
        TaskWriter ok = job.openTask(0);
        ok.write(rows(0, 3));
        ok.commit();
        TaskWriter failing = job.openTask(1);
        assertThatThrownBy(() -> failing.write(rows(3, 10)))   // task 0 used rows 0-2 of the format's count; task 1 fills one file (2 rows), fails on its second
                .satisfies(e -> assertThat(((SluiceException) e).code()).isEqualTo(ErrorCode.IO_ERROR));
        failing.abort();
        failing.abort();
        job.abort();
        assertThat(DirectorySnapshot.of(tmp)).isEqualTo(before);
    }

    @Test void aRetriedTaskContributesItsFilesOnce() {
        FileSink sink = sink(SaveMode.ERROR_IF_EXISTS, new CsvLinesFormat(), new FileSinkOptions(Compression.NONE, 2));
        WriteJob job = started(sink.begin(SCHEMA));
        TaskWriter first = job.openTask(0);
        first.write(rows(0, 5));
        first.abort();   // say the worker died
        TaskWriter retry = job.openTask(0);
        retry.write(rows(0, 5));
        WriteSummary summary = job.commit(List.of(retry.commit()));
        assertThat(summary.records()).isEqualTo(5);
        assertThat(summary.files()).isEqualTo(3);
        assertThat(readBack()).isEqualTo(expectedLines(0, 5));
    }

    @Test void aFailedJobCommitNeedsNoAbortAndLeavesTheTargetAsItWas() throws IOException {
        Files.createDirectories(target());
        Files.writeString(target().resolve("data.txt"), "old\n");
        Map<String, String> before = DirectorySnapshot.of(tmp);
        FileSink sink = sink(SaveMode.OVERWRITE, new CsvLinesFormat(), FileSinkOptions.DEFAULT);
        WriteJob job = started(sink.begin(SCHEMA));
        TaskWriter t = job.openTask(0);
        t.write(rows(0, 2));
        TaskCommit commit = t.commit();
        storage.failRenameWhen((from, to) -> to.startsWith(target().toString() + "/") && to.contains("part-"));
        assertThatThrownBy(() -> job.commit(List.of(commit)))
                .satisfies(e -> assertThat(((SluiceException) e).code()).isEqualTo(ErrorCode.IO_ERROR));
        assertThat(DirectorySnapshot.of(tmp)).isEqualTo(before);
        job.abort();   // harmless
        assertThat(DirectorySnapshot.of(tmp)).isEqualTo(before);
    }

    @Test void aFileThatCannotBeCreatedFailsNamingIt() {
        storage.failCreateWhen(p -> p.endsWith(".txt"));
        FileSink sink = sink(SaveMode.ERROR_IF_EXISTS, new CsvLinesFormat(), FileSinkOptions.DEFAULT);
        WriteJob job = started(sink.begin(SCHEMA));
        TaskWriter t = job.openTask(0);
        assertThatThrownBy(() -> t.write(rows(0, 1)))
                .satisfies(e -> assertThat(((SluiceException) e).fact("path")).contains("part-00000-job.c000.txt"));
        t.abort();
        job.abort();
        assertThat(Files.exists(target())).isFalse();
        assertThat(tmp.toFile().list()).isEmpty();
    }

    @Test void buildingAndBeginningReadNothing() {
        CountingStorage counting = CountingStorage.local();
        FileSink sink = new FileSink(counting, target().toString(), SaveMode.OVERWRITE, new CsvLinesFormat(), FileSinkOptions.DEFAULT);
        assertThat(counting.untouched()).isTrue();
        assertThat(sink.description()).isEqualTo("txt " + target() + " mode=overwrite");
        started(sink.begin(SCHEMA)).abort();
        assertThat(counting.totalOpens()).isZero();
    }

    @Test void describesItsOptions() {
        FileSink sink = new FileSink(storage, "out/daily", SaveMode.APPEND, new CsvLinesFormat(), new FileSinkOptions(Compression.GZIP, 1000));
        assertThat(sink.description()).isEqualTo("txt out/daily mode=append compression=gzip maxRecordsPerFile=1000");
    }

    @Test void parsesWriterOptions() {
        FileSinkOptions o = FileSinkOptions.parse(Map.of("Compression", "GZIP", "maxRecordsPerFile", "3", "lineSep", "\n"));
        assertThat(o).isEqualTo(new FileSinkOptions(Compression.GZIP, 3));
        assertThat(FileSinkOptions.parse(Map.of())).isEqualTo(FileSinkOptions.DEFAULT);
        assertThat(FileSinkOptions.parse(Map.of("compression", "zstd")).compression()).isEqualTo(Compression.ZSTD);
        assertThat(FileSinkOptions.parse(Map.of("maxRecordsPerFile", "-1")).rollsFiles()).isFalse();
        assertThatThrownBy(() -> FileSinkOptions.parse(Map.of("maxRecordsPerFile", "lots")))
                .satisfies(e -> assertThat(((SluiceException) e).code()).isEqualTo(ErrorCode.INVALID_OPTION));
        assertThatThrownBy(() -> FileSinkOptions.parse(Map.of("compression", "lzo")))
                .satisfies(e -> assertThat(((SluiceException) e).code()).isEqualTo(ErrorCode.INVALID_OPTION));
        assertThat(Arrays.asList(Compression.values())).containsExactly(Compression.NONE, Compression.GZIP, Compression.ZSTD);
    }
}
