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

class FileCommitProtocolTest {
    @TempDir Path tmp;
    private Path target;
    private final FaultyStorage storage = new FaultyStorage(LocalStorage.INSTANCE);

    @BeforeEach void paths() { target = tmp.resolve("out"); }

    private FileCommitProtocol protocol(SaveMode mode, String jobId) {
        return new FileCommitProtocol(storage, target.toString(), mode, jobId);
    }

    private void existingTarget() throws IOException {
        Files.createDirectories(target);
        Files.writeString(target.resolve("part-00000-old.c000.txt"), "old data\n");
        Files.writeString(target.resolve("_SUCCESS"), "");
    }

    /** Writes {@code files} files into a new attempt of task {@code partition} and commits it. */
    private void writeTask(FileCommitProtocol p, int partition, int files) {
        TaskAttempt task = p.setupTask(partition);
        for (int i = 0; i < files; i++) writeFile(p.newTaskFile(task, "txt"), "p" + partition + " f" + i + "\n");
        p.commitTask(task);
    }

    private void writeFile(String path, String text) {
        try (OutputStream out = storage.create(path)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ErrorCode code(Throwable t) { return ((SluiceException) t).code(); }

    @Test void publishesPartFilesAndSuccessIntoANewTarget() throws IOException {
        FileCommitProtocol p = protocol(SaveMode.ERROR_IF_EXISTS, "job1");
        assertThat(p.setupJob()).isTrue();
        writeTask(p, 1, 2);
        writeTask(p, 0, 1);
        p.commitJob(List.of(0, 1));
        assertThat(DirectorySnapshot.of(tmp).keySet()).containsExactly("", "out", "out/_SUCCESS",
                "out/part-00000-job1.c000.txt", "out/part-00001-job1.c000.txt", "out/part-00001-job1.c001.txt");
        assertThat(Files.readString(target.resolve("part-00001-job1.c001.txt"))).isEqualTo("p1 f1\n");
    }

    @Test void aTaskNotReportedToTheJobIsDiscarded() {
        FileCommitProtocol p = protocol(SaveMode.ERROR_IF_EXISTS, "job1");
        p.setupJob();
        writeTask(p, 0, 1);
        writeTask(p, 1, 1);
        p.commitJob(List.of(1));
        assertThat(DirectorySnapshot.of(tmp).keySet()).containsExactly("", "out", "out/_SUCCESS", "out/part-00001-job1.c000.txt");
    }

    @Test void errorModeOnAnExistingTargetFailsAndTouchesNothing() throws IOException {
        existingTarget();
        Map<String, String> before = DirectorySnapshot.of(tmp);
        assertThatThrownBy(() -> protocol(SaveMode.ERROR_IF_EXISTS, "j").setupJob())
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.PATH_ALREADY_EXISTS));
        assertThat(DirectorySnapshot.of(tmp)).isEqualTo(before);
    }

    @Test void anEmptyExistingDirectoryCountsAsExisting() throws IOException {
        Files.createDirectories(target);
        assertThatThrownBy(() -> protocol(SaveMode.ERROR_IF_EXISTS, "j").setupJob())
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.PATH_ALREADY_EXISTS));
    }

    @Test void ignoreModeOnAnExistingTargetSkipsTheJob() throws IOException {
        existingTarget();
        Map<String, String> before = DirectorySnapshot.of(tmp);
        FileCommitProtocol p = protocol(SaveMode.IGNORE, "j");
        assertThat(p.setupJob()).isFalse();
        assertThat(DirectorySnapshot.of(tmp)).isEqualTo(before);
        assertThatThrownBy(() -> p.setupTask(0)).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.INTERNAL_ERROR));
    }

    @Test void ignoreModeOnAMissingTargetWrites() {
        FileCommitProtocol p = protocol(SaveMode.IGNORE, "j");
        assertThat(p.setupJob()).isTrue();
        writeTask(p, 0, 1);
        p.commitJob(List.of(0));
        assertThat(Files.exists(target.resolve("part-00000-j.c000.txt"))).isTrue();
    }

    @Test void overwriteReplacesTheTargetAndLeavesNothingBehind() throws IOException {
        existingTarget();
        FileCommitProtocol p = protocol(SaveMode.OVERWRITE, "new");
        p.setupJob();
        writeTask(p, 0, 1);
        assertThat(Files.readString(target.resolve("part-00000-old.c000.txt"))).isEqualTo("old data\n");   // not yet
        p.commitJob(List.of(0));
        assertThat(DirectorySnapshot.of(tmp).keySet()).containsExactly("", "out", "out/_SUCCESS", "out/part-00000-new.c000.txt");
    }

    @Test void overwriteOfAFileTargetReplacesIt() throws IOException {
        Files.writeString(target, "a file");
        FileCommitProtocol p = protocol(SaveMode.OVERWRITE, "new");
        p.setupJob();
        writeTask(p, 0, 1);
        p.commitJob(List.of(0));
        assertThat(Files.isDirectory(target)).isTrue();
    }

    @Test void appendAddsFilesBesideTheExistingOnes() throws IOException {
        existingTarget();
        FileCommitProtocol p = protocol(SaveMode.APPEND, "more");
        p.setupJob();
        writeTask(p, 0, 1);
        writeTask(p, 3, 1);
        p.commitJob(List.of(0, 3));
        assertThat(DirectorySnapshot.of(tmp).keySet()).containsExactly("", "out", "out/_SUCCESS",
                "out/part-00000-more.c000.txt", "out/part-00000-old.c000.txt", "out/part-00003-more.c000.txt");
        assertThat(Files.readString(target.resolve("part-00000-old.c000.txt"))).isEqualTo("old data\n");
    }

    @Test void appendToAMissingTargetCreatesIt() {
        FileCommitProtocol p = protocol(SaveMode.APPEND, "first");
        p.setupJob();
        writeTask(p, 0, 1);
        p.commitJob(List.of(0));
        assertThat(DirectorySnapshot.of(tmp).keySet()).containsExactly("", "out", "out/_SUCCESS", "out/part-00000-first.c000.txt");
    }

    @Test void appendIntoAFileFails() throws IOException {
        Files.writeString(target, "a file");
        assertThatThrownBy(() -> protocol(SaveMode.APPEND, "j").setupJob())
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.IO_ERROR));
        assertThat(Files.readString(target)).isEqualTo("a file");
        assertThat(DirectorySnapshot.of(tmp).keySet()).containsExactly("", "out");
    }

    @Test void aFailedTaskLeavesNoFilesAndItsRetryCommitsOnce() throws IOException {
        existingTarget();
        Map<String, String> targetBefore = DirectorySnapshot.of(target);
        FileCommitProtocol p = protocol(SaveMode.OVERWRITE, "j");
        p.setupJob();
        TaskAttempt failed = p.setupTask(0);
        writeFile(p.newTaskFile(failed, "txt"), "partial 1\n");
        writeFile(p.newTaskFile(failed, "txt"), "partial 2\n");
        p.abortTask(failed);
        assertThat(Files.exists(Path.of(failed.directory()))).isFalse();
        writeTask(p, 0, 1);   // the retry
        writeTask(p, 1, 1);
        assertThat(DirectorySnapshot.of(target)).isEqualTo(targetBefore);   // invisible until the job commits
        p.commitJob(List.of(0, 1));
        assertThat(DirectorySnapshot.of(tmp).keySet())
                .containsExactly("", "out", "out/_SUCCESS", "out/part-00000-j.c000.txt", "out/part-00001-j.c000.txt");
        assertThat(Files.readString(target.resolve("part-00000-j.c000.txt"))).isEqualTo("p0 f0\n");
    }

    @Test void committingAPartitionTwiceIsABug() {
        FileCommitProtocol p = protocol(SaveMode.ERROR_IF_EXISTS, "j");
        p.setupJob();
        writeTask(p, 0, 1);
        assertThatThrownBy(() -> writeTask(p, 0, 1)).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.INTERNAL_ERROR));
    }

    @Test void overwriteFailingAtTheFinalRenameLeavesTheTargetAsItWas() throws IOException {
        existingTarget();
        Map<String, String> before = DirectorySnapshot.of(tmp);
        FileCommitProtocol p = protocol(SaveMode.OVERWRITE, "j");
        p.setupJob();
        writeTask(p, 0, 2);
        writeTask(p, 1, 1);
        storage.failRenameWhen((from, to) -> to.equals(target.toString()) && from.contains("staging"));
        assertThatThrownBy(() -> p.commitJob(List.of(0, 1))).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.IO_ERROR));
        assertThat(DirectorySnapshot.of(tmp)).isEqualTo(before);
    }

    @Test void aNewTargetFailingAtTheFinalRenameStaysAbsent() {
        Map<String, String> before = DirectorySnapshot.of(tmp);
        FileCommitProtocol p = protocol(SaveMode.ERROR_IF_EXISTS, "j");
        p.setupJob();
        writeTask(p, 0, 1);
        storage.failRenameWhen((from, to) -> to.equals(target.toString()));
        assertThatThrownBy(() -> p.commitJob(List.of(0))).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.IO_ERROR));
        assertThat(DirectorySnapshot.of(tmp)).isEqualTo(before);
    }

    @Test void failingWhileGatheringFilesLeavesTheTargetAsItWas() throws IOException {
        existingTarget();
        Map<String, String> before = DirectorySnapshot.of(tmp);
        FileCommitProtocol p = protocol(SaveMode.OVERWRITE, "j");
        p.setupJob();
        writeTask(p, 0, 3);
        storage.failRenameWhen((from, to) -> from.endsWith("c001.txt"));
        assertThatThrownBy(() -> p.commitJob(List.of(0))).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.IO_ERROR));
        assertThat(DirectorySnapshot.of(tmp)).isEqualTo(before);
    }

    @Test void appendFailingMidwayTakesItsFilesOutAgain() throws IOException {
        existingTarget();
        Map<String, String> before = DirectorySnapshot.of(tmp);
        FileCommitProtocol p = protocol(SaveMode.APPEND, "j");
        p.setupJob();
        writeTask(p, 0, 2);
        writeTask(p, 1, 2);
        storage.failRenameWhen((from, to) -> to.endsWith("part-00001-j.c000.txt"));
        assertThatThrownBy(() -> p.commitJob(List.of(0, 1))).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.IO_ERROR));
        assertThat(DirectorySnapshot.of(tmp)).isEqualTo(before);
    }

    @Test void appendFailingAtTheSuccessMarkerTakesItsFilesOutAgain() throws IOException {
        Files.createDirectories(target);
        Files.writeString(target.resolve("data.txt"), "x");   // no _SUCCESS yet
        Map<String, String> before = DirectorySnapshot.of(tmp);
        FileCommitProtocol p = protocol(SaveMode.APPEND, "j");
        p.setupJob();
        writeTask(p, 0, 1);
        storage.failCreateWhen(path -> path.endsWith("_SUCCESS"));
        assertThatThrownBy(() -> p.commitJob(List.of(0))).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.IO_ERROR));
        assertThat(DirectorySnapshot.of(tmp)).isEqualTo(before);
    }

    @Test void abortAfterSomeTasksCommittedLeavesTheTargetAsItWas() throws IOException {
        existingTarget();
        Map<String, String> before = DirectorySnapshot.of(tmp);
        FileCommitProtocol p = protocol(SaveMode.OVERWRITE, "j");
        p.setupJob();
        writeTask(p, 0, 1);
        writeTask(p, 1, 1);
        TaskAttempt running = p.setupTask(2);
        writeFile(p.newTaskFile(running, "txt"), "half");
        p.abortJob();
        assertThat(DirectorySnapshot.of(tmp)).isEqualTo(before);
        p.abortJob();   // idempotent
        assertThatThrownBy(() -> p.newTaskFile(running, "txt")).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.JOB_CANCELLED));
        assertThatThrownBy(() -> p.setupTask(3)).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.JOB_CANCELLED));
    }

    @Test void aCrashedJobsStagingIsRemovedAtTheNextSetup() throws IOException {
        Path stale = tmp.resolve(".out.sluice-staging-crashed/tasks/00000-1");
        Files.createDirectories(stale);
        Files.writeString(stale.resolve("part-00000-crashed.c000.txt"), "orphan");
        Path otherTarget = tmp.resolve(".other.sluice-staging-x");
        Files.createDirectories(otherTarget);
        FileCommitProtocol p = protocol(SaveMode.ERROR_IF_EXISTS, "j");
        p.setupJob();
        assertThat(Files.exists(tmp.resolve(".out.sluice-staging-crashed"))).isFalse();
        assertThat(Files.exists(otherTarget)).isTrue();   // another target's staging is not ours to judge
        p.abortJob();
    }

    @Test void aRunningJobsStagingIsNotRemovedByAnotherJob() {
        FileCommitProtocol first = protocol(SaveMode.OVERWRITE, "first");
        first.setupJob();
        FileCommitProtocol second = protocol(SaveMode.OVERWRITE, "second");
        second.setupJob();
        assertThat(Files.isDirectory(Path.of(first.stagingDirectory()))).isTrue();
        first.abortJob();
        second.abortJob();
        assertThat(DirectorySnapshot.of(tmp).keySet()).containsExactly("");
    }

    @Test void anOverwriteCrashedBetweenItsRenamesIsUndoneAtTheNextSetup() throws IOException {
        existingTarget();
        Map<String, String> before = DirectorySnapshot.of(tmp);
        // the state a crash leaves after "rename target aside" and before "rename output onto target"
        Files.move(target, tmp.resolve(".out.sluice-old-crashed"));
        Files.createDirectories(tmp.resolve(".out.sluice-staging-crashed/output"));
        assertThatThrownBy(() -> protocol(SaveMode.ERROR_IF_EXISTS, "j").setupJob())
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.PATH_ALREADY_EXISTS));
        assertThat(DirectorySnapshot.of(tmp)).isEqualTo(before);
    }

    @Test void anOldCopyLeftAfterASuccessfulOverwriteIsDeletedAtTheNextSetup() throws IOException {
        existingTarget();
        Files.createDirectories(tmp.resolve(".out.sluice-old-crashed"));
        FileCommitProtocol p = protocol(SaveMode.APPEND, "j");
        p.setupJob();
        assertThat(Files.exists(tmp.resolve(".out.sluice-old-crashed"))).isFalse();
        p.abortJob();
    }

    @Test void namesFilesByPartitionJobAndCounter() {
        FileCommitProtocol p = protocol(SaveMode.ERROR_IF_EXISTS, "abc-123");
        p.setupJob();
        TaskAttempt t = p.setupTask(42);
        assertThat(StoragePaths.name(p.newTaskFile(t, "json.gz"))).isEqualTo("part-00042-abc-123.c000.json.gz");
        assertThat(StoragePaths.name(p.newTaskFile(t, "json.gz"))).isEqualTo("part-00042-abc-123.c001.json.gz");
        assertThat(p.stagingDirectory()).isEqualTo(tmp.resolve(".out.sluice-staging-abc-123").toString());
        p.abortJob();
    }

    @Test void rejectsUnusableTargetsAndJobIds() {
        assertThatThrownBy(() -> new FileCommitProtocol(storage, "/", SaveMode.OVERWRITE, "j"))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThatThrownBy(() -> new FileCommitProtocol(storage, target.toString(), SaveMode.OVERWRITE, "a/b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test void parsesSparkSaveModes() {
        assertThat(SaveMode.parse("error")).isEqualTo(SaveMode.ERROR_IF_EXISTS);
        assertThat(SaveMode.parse("ErrorIfExists")).isEqualTo(SaveMode.ERROR_IF_EXISTS);
        assertThat(SaveMode.parse("default")).isEqualTo(SaveMode.ERROR_IF_EXISTS);
        assertThat(SaveMode.parse("OVERWRITE")).isEqualTo(SaveMode.OVERWRITE);
        assertThat(SaveMode.parse("append")).isEqualTo(SaveMode.APPEND);
        assertThat(SaveMode.parse("ignore")).isEqualTo(SaveMode.IGNORE);
        assertThatThrownBy(() -> SaveMode.parse("upsert")).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.INVALID_OPTION));
    }
}
