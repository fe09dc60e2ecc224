package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The commit protocol's dynamic partition overwrite: only the partition directories a job writes are replaced, at
 * one commit point; a failure before it leaves every partition as it was; a job killed after it is finished by the
 * next writer, and readers in between see exactly the new partitions beside the untouched old ones.
 */
class DynamicPartitionOverwriteProtocolTest {
    @TempDir Path tmp;
    private Path target;
    private final FaultyStorage storage = new FaultyStorage(LocalStorage.INSTANCE);

    @BeforeEach void table() throws IOException {
        target = tmp.resolve("t");
        for (String p : List.of("d=a/h=1", "d=a/h=2", "d=b/h=1")) {
            Files.createDirectories(target.resolve(p));
            Files.writeString(target.resolve(p).resolve("part-00000-old.c000.txt"), "old " + p + "\n");
        }
        Files.createDirectories(target.resolve("d=a/h=1/nested"));
        Files.writeString(target.resolve("d=a/h=1/nested/part-00000-old.c000.txt"), "nested\n");
        Files.writeString(target.resolve("_SUCCESS"), "");
    }

    private FileCommitProtocol replacing(String jobId) {
        return new FileCommitProtocol(storage, target.toString(), SaveMode.OVERWRITE, true, jobId);
    }

    private void writeTask(FileCommitProtocol p, int partition, String... dirs) {
        TaskAttempt task = p.setupTask(partition);
        for (String dir : dirs) {
            try (OutputStream out = storage.create(p.newTaskFile(task, "txt", dir))) {
                out.write(("new " + dir + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        p.commitTask(task);
    }

    private List<String> visible() {
        return FileListing.resolve(storage, target.toString(), false).stream()
                .map(f -> target.relativize(Path.of(f.path())).toString()).sorted().toList();
    }

    @Test void replacesOnlyThePartitionsWrittenAndKeepsTheOthers() throws IOException {
        FileCommitProtocol p = replacing("j1");
        assertThat(p.setupJob()).isTrue();
        writeTask(p, 0, "d=a/h=1", "d=c/h=9");
        p.commitJob(List.of(0));
        assertThat(DirectorySnapshot.of(target).keySet()).containsExactly("", "_SUCCESS",
                "d=a", "d=a/h=1", "d=a/h=1/part-00000-j1.c000.txt", "d=a/h=2", "d=a/h=2/part-00000-old.c000.txt",
                "d=b", "d=b/h=1", "d=b/h=1/part-00000-old.c000.txt", "d=c", "d=c/h=9", "d=c/h=9/part-00000-j1.c001.txt");
        assertThat(Files.list(tmp).map(f -> f.getFileName().toString()).toList()).as("no staging, lock or markers left").containsExactly("t");
    }

    @Test void anEmptyJobReplacesNothing() throws IOException {
        Map<String, String> before = DirectorySnapshot.of(target);
        FileCommitProtocol p = replacing("j2");
        p.setupJob();
        writeTask(p, 0);
        p.commitJob(List.of(0));
        assertThat(DirectorySnapshot.of(target)).isEqualTo(before);
    }

    @Test void aFailureWhileMovingFilesInLeavesEveryPartitionAsItWas() throws IOException {
        Map<String, String> before = DirectorySnapshot.of(tmp);
        FileCommitProtocol p = replacing("j3");
        p.setupJob();
        writeTask(p, 0, "d=a/h=1");
        writeTask(p, 1, "d=b/h=1", "d=c/h=1");
        storage.failRenameWhen((from, to) -> to.startsWith(target + "/d=c/"));
        assertThatThrownBy(() -> p.commitJob(List.of(0, 1)))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_ERROR));
        assertThat(DirectorySnapshot.of(tmp)).isEqualTo(before);
    }

    @Test void anAbortedJobLeavesEveryPartitionAsItWas() throws IOException {
        Map<String, String> before = DirectorySnapshot.of(tmp);
        FileCommitProtocol p = replacing("j4");
        p.setupJob();
        writeTask(p, 0, "d=a/h=1");
        p.abortJob();
        assertThat(DirectorySnapshot.of(tmp)).isEqualTo(before);
    }

    @Test void readersSeeTheReplacedPartitionsAtTheCommitPointAndTheNextWriterFinishesAKilledJob() throws IOException {
        // what a job killed right after its commit point leaves: its files moved in, the replace marker, the old files
        Files.writeString(target.resolve("d=a/h=1/part-00000-dead.c000.txt"), "new\n");
        Files.createDirectories(target.resolve("d=z/h=0"));
        Files.writeString(target.resolve("d=z/h=0/part-00000-dead.c001.txt"), "new\n");
        Files.writeString(target.resolve("_sluice_pending_dead"), "job=dead\npid=1\nhost=h\n");
        assertThat(visible()).as("before the commit point the job's files are hidden").containsExactly(
                "d=a/h=1/nested/part-00000-old.c000.txt", "d=a/h=1/part-00000-old.c000.txt",
                "d=a/h=2/part-00000-old.c000.txt", "d=b/h=1/part-00000-old.c000.txt");
        Files.writeString(target.resolve("_sluice_replace_dead"), "job=dead\npid=1\nhost=h\n");
        List<String> after = List.of("d=a/h=1/part-00000-dead.c000.txt", "d=a/h=2/part-00000-old.c000.txt",
                "d=b/h=1/part-00000-old.c000.txt", "d=z/h=0/part-00000-dead.c001.txt");
        assertThat(visible()).as("after it the written partitions show only the job's files").containsExactlyElementsOf(after);
        assertThat(FileListing.resolve(storage, target.resolve("d=a").toString(), false)).extracting(FileStatus::name)
                .as("a reader of a partition directory honours the marker above it")
                .containsExactlyInAnyOrder("part-00000-dead.c000.txt", "part-00000-old.c000.txt");
        FileCommitProtocol next = new FileCommitProtocol(storage, target.toString(), SaveMode.APPEND, "next");
        next.setupJob();
        next.commitJob(List.of());
        assertThat(visible()).containsExactlyElementsOf(after);
        assertThat(Files.exists(target.resolve("d=a/h=1/nested"))).as("the replaced partition's sub-directories go too").isFalse();
        assertThat(Files.list(target).map(f -> f.getFileName().toString()).sorted().toList()).containsExactly("_SUCCESS", "d=a", "d=b", "d=z");
    }

    @Test void aNewTargetIsCreatedWithTheWrittenPartitions() {
        target = tmp.resolve("fresh");
        FileCommitProtocol p = replacing("j5");
        p.setupJob();
        writeTask(p, 0, "d=a/h=1");
        p.commitJob(List.of(0));
        assertThat(DirectorySnapshot.of(target).keySet()).containsExactly("", "_SUCCESS", "d=a", "d=a/h=1", "d=a/h=1/part-00000-j5.c000.txt");
    }

    @Test void onlyAnOverwriteCanReplacePartitions() {
        assertThatThrownBy(() -> new FileCommitProtocol(storage, target.toString(), SaveMode.APPEND, true, "j"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
